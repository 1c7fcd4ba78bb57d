import Glibc

/// SIGTERM, SIGINT, SIGHUP and SIGUSR2 (a drain), taken synchronously: blocked in every thread before the event
/// loops start (threads inherit the mask), then awaited with sigwait on the main thread. No
/// handler runs at an arbitrary moment. Readers get a clean mask back before exec (CPty).
public enum ShutdownSignal {
    static let signals = [SIGTERM, SIGINT, SIGHUP, SIGUSR2]

    /// Call before any thread is started.
    public static func block() {
        var set = signalSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// One of the signals if it arrives within `milliseconds`, else nil.
    public static func wait(milliseconds: Int) -> Int32? {
        var set = signalSet()
        var timeout = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
        let received = sigtimedwait(&set, nil, &timeout)
        return received > 0 ? received : nil
    }

    /// Waits until one of the signals arrives and returns it.
    public static func wait() -> Int32 {
        var set = signalSet()
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 {}
        return received
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        return set
    }
}
