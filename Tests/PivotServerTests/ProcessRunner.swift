import Foundation
import Glibc

/// How a program run by `ProcessRunner` ended, and what it wrote.
struct ProcessResult {
    /// The exit status, or nil when a signal ended the program.
    var exitStatus: Int32?
    var signal: Int32?
    var stdout: Data
    var stderr: Data
    /// True when the deadline passed and the program had to be killed.
    var timedOut: Bool

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs a program to completion with a deadline, collecting what it writes. posix_spawn and
/// waitpid rather than Foundation's Process, whose `isRunning` needs a run loop; both output
/// pipes are drained without blocking, so neither a flood nor a hang stalls the suite.
enum ProcessRunner {
    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    stdin: String = "/dev/null", timeout: TimeInterval = 20) throws -> ProcessResult {
        let process = try SpawnedProcess(executable, arguments, environment: environment, stdin: stdin)
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.poll() == nil {
            if Date() > deadline {
                timedOut = true
                process.kill(SIGKILL)
                _ = process.wait()
                break
            }
            usleep(2_000)
        }
        let ending = process.poll() ?? (nil, SIGKILL)
        return ProcessResult(exitStatus: ending.status, signal: ending.signal, stdout: process.output,
                             stderr: process.errors, timedOut: timedOut)
    }
}

/// A child process with its standard output and error in pipes that are read as it runs.
/// Its own process group, so `kill` reaches whatever it started too. Thread-safe, so that a
/// background thread can keep a chatty program's pipes empty (`drainInBackground`).
final class SpawnedProcess: @unchecked Sendable {
    let pid: pid_t
    private let lock = NSLock()
    private var outputPipe: PipeDrain
    private var errorPipe: PipeDrain
    private var ending: (status: Int32?, signal: Int32?)?

    init(_ executable: String, _ arguments: [String], environment: [String: String],
         stdin: String = "/dev/null") throws {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw TestFailure("pipe: \(String(cString: strerror(errno)))") }
        (outPipe + errPipe).forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        // Signals the test runner ignores (SIGPIPE) would stay ignored across exec.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

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

    var output: Data {
        lock.withLock {
            _ = outputPipe.drain()
            return outputPipe.data
        }
    }

    var errors: Data {
        lock.withLock {
            _ = errorPipe.drain()
            return errorPipe.data
        }
    }

    /// Reads the pipes every 20 ms until the program has ended: a program that writes much
    /// and is seldom asked (a server's log during a soak test) must never block on a full pipe.
    func drainInBackground() {
        Thread.detachNewThread { [weak self] in
            while let process = self, process.poll() == nil {
                usleep(20_000)
            }
        }
    }

    var outputText: String { String(decoding: output, as: UTF8.self) }
    var errorText: String { String(decoding: errors, as: UTF8.self) }

    /// How it ended, once it has; nil while it runs. Reads the pipes either way.
    func poll() -> (status: Int32?, signal: Int32?)? {
        lock.withLock {
            _ = outputPipe.drain()
            _ = errorPipe.drain()
            if let ending { return ending }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
            let signal = status & 0x7f
            ending = (signal == 0 ? (status >> 8) & 0xff : nil, signal == 0 ? nil : signal)
            _ = outputPipe.drain()
            _ = errorPipe.drain()
            return ending
        }
    }

    /// Polls until it has ended or `timeout` has passed.
    func wait(timeout: TimeInterval = 30) -> (status: Int32?, signal: Int32?)? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let ending = poll() { return ending }
            if Date() > deadline { return nil }
            usleep(5_000)
        }
    }

    /// Signals the process (not its group: a test may want to leave the rest running).
    func kill(_ signal: Int32) {
        lock.withLock {
            guard ending == nil else { return }
            Glibc.kill(pid, signal)
        }
    }

    /// Signals its whole process group.
    func killGroup(_ signal: Int32) {
        lock.withLock {
            guard ending == nil else { return }
            Glibc.kill(-pid, signal)
        }
    }

    /// Waits until `condition` holds for what it has written (standard output + error).
    @discardableResult
    func waitForOutput(_ what: String, timeout: TimeInterval = 15,
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

/// The reading end of one pipe, read without blocking.
private struct PipeDrain {
    private var descriptor: Int32
    var data = Data()

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

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

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
