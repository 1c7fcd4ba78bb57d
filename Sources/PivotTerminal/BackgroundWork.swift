import CTerminalSupport
import Glibc

/// One piece of work on a thread of its own (the rest of a large page being parsed), with a
/// descriptor that becomes readable when it is done, for the run loop's `poll`.
final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var result: Result?
    private let writeEnd: Int32
    /// Readable once the result is ready.
    let readyDescriptor: Int32

    /// Nil when no pipe or thread can be had; the caller then does the work itself.
    init?(_ work: @escaping @Sendable () -> Result) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        readyDescriptor = ends[0]
        writeEnd = ends[1]
        pthread_mutex_init(&mutex, nil)
        guard ThreadStart.spawn({ [self] in
            let value = work()
            // What the work let go of goes back to the system, not to this thread's arena.
            pv_release_free_memory()
            self.finish(value)
        }) else {
            close(ends[0])
            close(ends[1])
            return nil
        }
    }

    private func finish(_ value: Result) {
        pthread_mutex_lock(&mutex)
        result = value
        pthread_mutex_unlock(&mutex)
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// The result, once, when the work is done.
    func take() -> Result? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard let value = result else { return nil }
        result = nil
        closeDescriptors()
        return value
    }

    private var isClosed = false

    private func closeDescriptors() {
        guard !isClosed else { return }
        isClosed = true
        close(readyDescriptor)
        close(writeEnd)
    }

    // Work whose result nobody took (the end of a page, once the whole page came first): the
    // thread held this object until it finished, so its pipe is no longer written to.
    deinit {
        closeDescriptors()
    }
}

/// A detached pthread running a closure (not generic: a C entry point cannot capture generics).
private final class ThreadStart: @unchecked Sendable {
    let body: () -> Void
    private init(_ body: @escaping () -> Void) { self.body = body }

    static func spawn(_ body: @escaping () -> Void) -> Bool {
        let context = Unmanaged.passRetained(ThreadStart(body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            // Signals stay with the main thread, whose handlers wake the run loop.
            var all = sigset_t()
            sigfillset(&all)
            pthread_sigmask(SIG_BLOCK, &all, nil)
            pv_lower_thread_priority()
            Unmanaged<ThreadStart>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, context)
        guard started == 0 else {
            Unmanaged<ThreadStart>.fromOpaque(context).release()
            return false
        }
        pthread_detach(thread)
        return true
    }
}
