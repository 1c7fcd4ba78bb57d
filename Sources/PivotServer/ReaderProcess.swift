import CPty
import Glibc
import NIOCore

/// One reader: a process on its own pseudo-terminal, and the ways to resize and end it.
/// The reader leads its own session and process group (forkpty calls setsid), so signals go
/// to the whole group.
final class ReaderProcess {
    /// How a reader ended, for the exit status the client sees.
    struct Ending: CustomStringConvertible {
        var exitStatus: Int
        var signal: Int32

        /// A shell's convention: 128 + N when signal N ended it.
        var statusForClient: Int { signal == 0 ? exitStatus : 128 + Int(signal) }
        var description: String { signal == 0 ? "\(exitStatus)" : "\(statusForClient) (signal \(signal))" }
    }

    let pid: pid_t
    /// Our own copy of the pty master, only for TIOCSWINSZ; the relay's channel owns the others.
    private var sizeDescriptor: CInt
    private var ended = false

    /// The master descriptors for reading and writing: NIO takes ownership of both.
    let input: CInt
    let output: CInt

    /// Starts `executable` on a new pty of `size`. Throws when forkpty or the dups fail; a
    /// failed exec shows later, as exit status 127.
    init(executable: String, arguments: [String], environment: [String], size: WindowSize) throws {
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var master: CInt = -1
        var pid: pid_t = 0
        let spawned = pv_pty_spawn(executable, argv, envp, size.rows, size.columns, &master, &pid)
        guard spawned == 0 else { throw SpawnError(code: -spawned) }
        let output = pv_dup_cloexec(master)
        let sizeDescriptor = pv_dup_cloexec(master)
        guard output >= 0, sizeDescriptor >= 0 else {
            [master, output, sizeDescriptor].filter { $0 >= 0 }.forEach { close($0) }
            Glibc.kill(-pid, SIGKILL)
            var exitStatus: CInt = 0
            var signal: CInt = 0
            while pv_reap(pid, &exitStatus, &signal) == 0 { usleep(1000) }
            throw SpawnError(code: EMFILE)
        }
        self.pid = pid
        self.input = master
        self.output = output
        self.sizeDescriptor = sizeDescriptor
    }

    /// Tells the reader its terminal's new size; the kernel sends it SIGWINCH.
    func resize(to size: WindowSize) {
        guard sizeDescriptor >= 0 else { return }
        _ = pv_pty_set_window_size(sizeDescriptor, size.rows, size.columns)
    }

    /// What a closed terminal means: the reader restores the screen and exits.
    func hangUp() { signal(SIGHUP) }

    /// Called once the relay's copies of the master are closed: with this last one gone too,
    /// the pty is hung up, so a reader blocked writing a screen gets EIO instead of waiting
    /// until it is killed. The window can no longer change anyway.
    func releaseTerminal() {
        guard sizeDescriptor >= 0 else { return }
        close(sizeDescriptor)
        sizeDescriptor = -1
    }

    func kill() { signal(SIGKILL) }

    /// Only until the reader is collected: afterwards its pid may belong to someone else.
    private func signal(_ number: Int32) {
        guard !ended else { return }
        Glibc.kill(-pid, number)
    }

    /// Collects the reader once it has ended, checking every few milliseconds; a reader
    /// still there after `patience` is killed.
    func waitForEnd(on loop: EventLoop, patience: TimeAmount) -> EventLoopFuture<Ending> {
        let promise = loop.makePromise(of: Ending.self)
        let deadline = NIODeadline.now() + patience
        poll(on: loop.assumeIsolated(), deadline: deadline, promise: promise)
        return promise.futureResult
    }

    private func poll(on loop: NIOIsolatedEventLoop, deadline: NIODeadline, promise: EventLoopPromise<Ending>) {
        var exitStatus: CInt = 0
        var signal: CInt = 0
        let result = ended ? -ECHILD : pv_reap(pid, &exitStatus, &signal)
        if result != 0 {
            finish()
            // -ECHILD: someone else collected it; nothing more can be known.
            promise.succeed(result == 1 ? Ending(exitStatus: Int(exitStatus), signal: signal)
                                        : Ending(exitStatus: 255, signal: 0))
            return
        }
        if NIODeadline.now() > deadline { kill() }
        loop.scheduleTask(in: .milliseconds(10)) { [self] in
            poll(on: loop, deadline: deadline, promise: promise)
        }
    }

    private func finish() {
        ended = true
        releaseTerminal()
    }

    deinit {
        if sizeDescriptor >= 0 { close(sizeDescriptor) }
    }

    struct SpawnError: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "cannot start the reader: \(String(cString: strerror(code)))" }
    }
}
