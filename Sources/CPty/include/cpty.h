#ifndef PIVOT_CPTY_H
#define PIVOT_CPTY_H
/* A program on a new pseudo-terminal, for the SSH server. Everything between fork and exec
   happens here, in C: the server is multithreaded, and only async-signal-safe calls are
   allowed in the child before exec. */
#include <sys/types.h>

/* Starts path with argv and envp (NULL-terminated) as the session leader of a new pty of
   rows x cols, the pty's slave as its controlling terminal and fds 0, 1 and 2. The child
   gets default signal dispositions, an empty signal mask and no other open descriptors.
   On success stores the master (close-on-exec) and the child's pid and returns 0;
   otherwise returns -errno. A failed exec ends the child with status 127. */
int pv_pty_spawn(const char *path, char *const argv[], char *const envp[],
                 unsigned short rows, unsigned short cols, int *master_fd, pid_t *child_pid);

/* Tells the pty behind fd its new size (the kernel sends SIGWINCH to its foreground
   process group). Returns 0 or -errno. */
int pv_pty_set_window_size(int fd, unsigned short rows, unsigned short cols);

/* A close-on-exec duplicate of fd, or -errno. */
int pv_dup_cloexec(int fd);

/* Collects the child pid without blocking. Returns 1 once it has ended, storing its exit
   status in *exit_status (-1 if a signal ended it) and the signal in *signal_number
   (0 if none); 0 while it still runs; -errno on error. */
int pv_reap(pid_t pid, int *exit_status, int *signal_number);
#endif
