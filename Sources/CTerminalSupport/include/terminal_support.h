#ifndef PIVOT_TERMINAL_SUPPORT_H
#define PIVOT_TERMINAL_SUPPORT_H
/* Signal handling that stays async-signal-safe: handlers only record the signal and
   wake the run loop through a pipe; crash signals restore the terminal and re-raise. */

/* Creates the wake-up pipe and installs handlers for SIGINT, SIGTERM, SIGHUP and SIGWINCH
   (SIGWINCH only records, ncurses is told by the loop). Returns the pipe's read end, or -1. */
int pv_install_signal_handlers(void);

/* The most recent terminating signal (SIGINT, SIGTERM, SIGHUP) received, or 0. */
int pv_pending_termination(void);

/* 1 if SIGUSR1 arrived since the last call (and clears it): `pivot-tui serve` drains, the
   reader's session will end. */
int pv_take_drain_notice(void);

/* 1 if SIGWINCH arrived since the last call (and clears it). */
int pv_take_resize(void);

/* Drains the wake-up pipe. */
void pv_drain_wakeups(int fd);

/* Saves the terminal modes of fd as the shell had them: call it before curses changes them. */
void pv_save_terminal_modes(int fd);

/* Keeps the bytes that undo full-screen mode, then installs handlers for crash signals
   (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT) that write those bytes, restore the
   saved modes and re-raise. */
void pv_arm_crash_restore(const char *restore_bytes);

/* A scrolling region is kept on the terminal on fd; reset_bytes undo it. A crash or a suspend
   (SIGTSTP, handed on to the handler there before) writes them first. */
void pv_note_region_kept(int fd, const char *reset_bytes);

/* The region was undone by the reader itself. */
void pv_note_region_released(void);

/* 1 if a suspend undid the region since the last call (and clears it). */
int pv_take_region_lost(void);

/* Turns the crash handlers off again (after a normal exit has restored the terminal). */
void pv_disarm_crash_restore(void);

/* Ends the process with the default action of sig (after the terminal was restored). */
void pv_reraise(int sig);

/* Size of the terminal on fd; 0 when unknown. */
int pv_window_size(int fd, int *rows, int *cols);

/* Puts the calling thread at idle priority (Linux schedules threads one by one), so work in
   the background never delays the keys. */
void pv_lower_thread_priority(void);

/* Gives the memory malloc holds free back to the system (every arena): a thread's arena would
   otherwise keep the peak of its work (a large page's pieces parsed) after the work is done. */
void pv_release_free_memory(void);
#endif
