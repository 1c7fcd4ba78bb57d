import Glibc

/// Milliseconds of a clock that never jumps (the wall clock can); the reader's ticks use it.
public enum MonotonicClock {
    public static func milliseconds() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }
}
