#define _GNU_SOURCE
#include "cpty.h"
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

/* In the child, before exec: the server ignores SIGPIPE and may ignore or block others,
   and ignored signals would stay ignored in the reader. */
static void reset_signals(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    for (int sig = 1; sig < NSIG; sig++) {
        if (sig != SIGKILL && sig != SIGSTOP) (void)sigaction(sig, &action, NULL);
    }
    sigset_t none;
    sigemptyset(&none);
    (void)sigprocmask(SIG_SETMASK, &none, NULL);
}

int pv_pty_spawn(const char *path, char *const argv[], char *const envp[],
                 unsigned short rows, unsigned short cols, int *master_fd, pid_t *child_pid) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = rows;
    size.ws_col = cols;
    int master = -1;
    /* forkpty: openpty, fork, and in the child setsid + the slave as controlling tty on 0-2. */
    pid_t pid = forkpty(&master, NULL, NULL, &size);
    if (pid < 0) return -errno;
    if (pid == 0) {
        reset_signals();
        /* Descriptors another thread opened without close-on-exec (another session's pty,
           say) must not reach the reader. */
        closefrom(3);
        execve(path, argv, envp);
        _exit(127);
    }
    (void)fcntl(master, F_SETFD, FD_CLOEXEC);
    *master_fd = master;
    *child_pid = pid;
    return 0;
}

int pv_pty_set_window_size(int fd, unsigned short rows, unsigned short cols) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = rows;
    size.ws_col = cols;
    return ioctl(fd, TIOCSWINSZ, &size) == 0 ? 0 : -errno;
}

int pv_dup_cloexec(int fd) {
    int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return copy >= 0 ? copy : -errno;
}

int pv_reap(pid_t pid, int *exit_status, int *signal_number) {
    int status = 0;
    pid_t result;
    do {
        result = waitpid(pid, &status, WNOHANG);
    } while (result < 0 && errno == EINTR);
    if (result < 0) return -errno;
    if (result == 0) return 0;
    if (WIFEXITED(status)) {
        *exit_status = WEXITSTATUS(status);
        *signal_number = 0;
    } else {
        *exit_status = -1;
        *signal_number = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    }
    return 1;
}
