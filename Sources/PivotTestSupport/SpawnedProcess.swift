import Foundation
import Glibc

/// A child process with its standard output and error in pipes that are read as it runs. Its
/// own process group, so `killGroup` reaches whatever it started too. Thread-safe, so that a
/// background thread can keep a chatty program's pipes empty (`drainInBackground`).
public final class SpawnedProcess: @unchecked Sendable {
    public let pid: pid_t
    private let lock = NSLock()
    private var outputPipe: PipeDrain
    private var errorPipe: PipeDrain
    private var ending: (status: Int32?, signal: Int32?)?

    public init(_ executable: String, _ arguments: [String], environment: [String: String],
                stdin: String = "/dev/null", currentDirectory: String? = nil) throws {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw TestFailure("pipe: \(String(cString: strerror(errno)))") }
        // Only the copies dup2'ed onto 1 and 2 may reach the child (or later children).
        (outPipe + errPipe).forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        if let currentDirectory {
            guard let addChdir = addChdirAction else {
                throw TestFailure("posix_spawn_file_actions_addchdir_np is missing (glibc < 2.29)")
            }
            _ = addChdir(&actions, currentDirectory)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        resetSignals(&attributes, extraFlags: Int32(POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw TestFailure("cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        self.pid = pid
        outputPipe = PipeDrain(outPipe[0])
        errorPipe = PipeDrain(errPipe[0])
    }

    deinit {
        if ending == nil {
            kill(SIGKILL)
            _ = wait()
        }
        outputPipe.close()
        errorPipe.close()
    }

    public var output: Data {
        lock.withLock {
            _ = outputPipe.drain()
            return outputPipe.data
        }
    }

    public var errors: Data {
        lock.withLock {
            _ = errorPipe.drain()
            return errorPipe.data
        }
    }

    public var outputText: String { String(decoding: output, as: UTF8.self) }
    public var errorText: String { String(decoding: errors, as: UTF8.self) }

    /// Reads the pipes every 20 ms until the program has ended: a program that writes much
    /// and is seldom asked (a server's log during a soak test) must never block on a full pipe.
    public func drainInBackground() {
        Thread.detachNewThread { [weak self] in
            while let process = self, process.poll() == nil {
                usleep(20_000)
            }
        }
    }

    /// How it ended, once it has; nil while it runs. Reads the pipes either way.
    public func poll() -> (status: Int32?, signal: Int32?)? {
        lock.withLock {
            _ = outputPipe.drain()
            _ = errorPipe.drain()
            if let ending { return ending }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
            let signal = status & 0x7f
            ending = (signal == 0 ? (status >> 8) & 0xff : nil, signal == 0 ? nil : signal)
            // Everything the program wrote is in the pipes now.
            _ = outputPipe.drain()
            _ = errorPipe.drain()
            return ending
        }
    }

    /// Polls until it has ended or `timeout` has passed.
    public func wait(timeout: TimeInterval = 30) -> (status: Int32?, signal: Int32?)? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let ending = poll() { return ending }
            if Date() > deadline { return nil }
            usleep(5_000)
        }
    }

    /// Signals the process (not its group: a test may want to leave the rest running).
    public func kill(_ signal: Int32) {
        lock.withLock {
            guard ending == nil else { return }
            Glibc.kill(pid, signal)
        }
    }

    /// Signals its whole process group.
    public func killGroup(_ signal: Int32) {
        lock.withLock {
            guard ending == nil else { return }
            Glibc.kill(-pid, signal)
        }
    }

    /// Waits until `condition` holds for what it has written (standard output + error).
    @discardableResult
    public func waitForOutput(_ what: String, timeout: TimeInterval = 15,
                              until condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            _ = poll()
            let text = outputText + errorText
            if condition(text) { return text }
            if Date() > deadline { throw TestFailure("timed out after \(Int(timeout)) s waiting for \(what); output:\n\(text)") }
            usleep(20_000)
        }
    }
}

/// glibc's posix_spawn_file_actions_addchdir_np, which Swift's Glibc module does not declare
/// (it needs _GNU_SOURCE); looked up at run time instead.
private typealias AddChdirAction = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>,
                                                   UnsafePointer<CChar>) -> Int32
private let addChdirAction: AddChdirAction? = dlsym(UnsafeMutableRawPointer(bitPattern: 0),
                                                    "posix_spawn_file_actions_addchdir_np")
    .map { unsafeBitCast($0, to: AddChdirAction.self) }

/// The reading end of one pipe, read without blocking.
private struct PipeDrain {
    private var descriptor: Int32
    var data = Data()

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    /// Reads what is available now; true when anything was read.
    mutating func drain() -> Bool {
        guard descriptor >= 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65536)
        var progressed = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
                progressed = true
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break  // end of file, or nothing more for now
            }
        }
        return progressed
    }

    mutating func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }
}
