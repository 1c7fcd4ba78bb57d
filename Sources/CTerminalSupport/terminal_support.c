#define _GNU_SOURCE
#include <sys/resource.h>
#include <sys/syscall.h>
#include <pthread.h>
#include <sched.h>
#include "terminal_support.h"
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static int wake_pipe[2] = {-1, -1};
static volatile sig_atomic_t termination_signal = 0;
static volatile sig_atomic_t resize_pending = 0;
static volatile sig_atomic_t drain_notice = 0;

static void wake(void) {
    if (wake_pipe[1] >= 0) {
        int saved = errno;
        char byte = 1;
        (void)!write(wake_pipe[1], &byte, 1);
        errno = saved;
    }
}

static void on_termination(int sig) { termination_signal = sig; wake(); }
static void on_resize(int sig) { (void)sig; resize_pending = 1; wake(); }
static void on_drain(int sig) { (void)sig; drain_notice = 1; wake(); }

static int install(int sig, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    return sigaction(sig, &action, NULL);
}

int pv_install_signal_handlers(void) {
    if (wake_pipe[0] < 0) {
        if (pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return -1;
    }
    install(SIGINT, on_termination);
    install(SIGTERM, on_termination);
    install(SIGHUP, on_termination);
    install(SIGWINCH, on_resize);
    install(SIGUSR1, on_drain);
    return wake_pipe[0];
}

int pv_pending_termination(void) { return termination_signal; }

int pv_take_drain_notice(void) {
    int pending = drain_notice;
    drain_notice = 0;
    return pending;
}

int pv_take_resize(void) {
    int pending = resize_pending;
    resize_pending = 0;
    return pending;
}

void pv_drain_wakeups(int fd) {
    char buffer[64];
    while (read(fd, buffer, sizeof buffer) > 0) {}
}

/* Crash restore. */
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
#define CRASH_SIGNAL_COUNT (sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction previous_actions[CRASH_SIGNAL_COUNT];
static char restore_bytes[256];
static size_t restore_length = 0;
static struct termios saved_modes;
static int saved_fd = -1;
static volatile sig_atomic_t armed = 0;

/* A scrolling region kept between frames (see KeptScrollRegion): undone before the shell sees the
   terminal again, on a crash or a suspend. */
static char region_reset[64];
static size_t region_reset_length = 0;
static int region_fd = -1;
static volatile sig_atomic_t region_kept = 0;
static volatile sig_atomic_t region_lost = 0;
static struct sigaction previous_suspend;
static int suspend_installed = 0;

static void reset_region(void) {
    if (region_kept && region_fd >= 0) {
        region_kept = 0;
        (void)!write(region_fd, region_reset, region_reset_length);
    }
}

static void on_suspend(int sig) {
    int saved = errno;
    reset_region();
    region_lost = 1;
    if (previous_suspend.sa_handler != SIG_DFL && previous_suspend.sa_handler != SIG_IGN
        && previous_suspend.sa_handler != NULL) {
        previous_suspend.sa_handler(sig);  /* ncurses' own: endwin, stop, resume */
    } else if (previous_suspend.sa_handler == SIG_DFL) {
        signal(SIGTSTP, SIG_DFL);
        raise(SIGTSTP);
        signal(SIGTSTP, on_suspend);
    }
    errno = saved;
}

void pv_note_region_kept(int fd, const char *reset_bytes) {
    region_reset_length = strnlen(reset_bytes, sizeof region_reset - 1);
    memcpy(region_reset, reset_bytes, region_reset_length);
    region_fd = fd;
    if (!suspend_installed) {
        suspend_installed = 1;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_suspend;
        sigemptyset(&action.sa_mask);
        sigaction(SIGTSTP, &action, &previous_suspend);
    }
    region_kept = 1;
}

void pv_note_region_released(void) { region_kept = 0; }

int pv_take_region_lost(void) {
    int lost = region_lost;
    region_lost = 0;
    return lost;
}

static void on_crash(int sig) {
    reset_region();
    if (armed) {
        armed = 0;
        if (restore_length > 0) (void)!write(saved_fd, restore_bytes, restore_length);
        tcsetattr(saved_fd, TCSANOW, &saved_modes);
    }
    for (size_t i = 0; i < CRASH_SIGNAL_COUNT; i++) {
        if (crash_signals[i] == sig) sigaction(sig, &previous_actions[i], NULL);
    }
    raise(sig);
}

void pv_save_terminal_modes(int fd) {
    if (tcgetattr(fd, &saved_modes) == 0) saved_fd = fd;
}

void pv_arm_crash_restore(const char *bytes) {
    if (saved_fd < 0) return;
    restore_length = strnlen(bytes, sizeof restore_bytes - 1);
    memcpy(restore_bytes, bytes, restore_length);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_crash;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < CRASH_SIGNAL_COUNT; i++) sigaction(crash_signals[i], &action, &previous_actions[i]);
    armed = 1;
}

void pv_disarm_crash_restore(void) {
    if (!armed) return;
    armed = 0;
    for (size_t i = 0; i < CRASH_SIGNAL_COUNT; i++) sigaction(crash_signals[i], &previous_actions[i], NULL);
}

void pv_reraise(int sig) {
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
}

int pv_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) { *rows = 0; *cols = 0; return -1; }
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}

void pv_lower_thread_priority(void) {
    /* SCHED_IDLE: the thread runs only when a processor would otherwise idle, so a key wakes the
       main thread at once; where that policy is refused, the lowest nice value instead. */
    struct sched_param none = { 0 };
    if (pthread_setschedparam(pthread_self(), SCHED_IDLE, &none) != 0) {
        (void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 19);
    }
}

void pv_release_free_memory(void) {
    malloc_trim(0);
}
