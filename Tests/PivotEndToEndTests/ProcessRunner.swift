import Foundation
import Glibc

/// How a program run by `ProcessRunner` ended, and what it wrote.
struct ProcessResult {
    /// The exit status, or nil when a signal ended the program.
    var exitStatus: Int32?
    /// The signal that ended the program, if one did.
    var signal: Int32?
    var stdout: Data
    var stderr: Data
    /// True when the deadline passed and the program had to be killed.
    var timedOut: Bool

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs a program to completion with a deadline, collecting what it writes.
///
/// Built on posix_spawn and waitpid rather than Foundation's Process, whose `isRunning` only
/// changes while the launching thread runs its run loop, which a polling loop never does.
/// Standard output and standard error are pipes (the program sees "not a terminal", as under
/// `| cat`), drained without blocking, so neither a flood nor a hang can stall the suite.
enum ProcessRunner {
    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ executable: URL, _ arguments: [String],
                    environment: [String: String],
                    currentDirectory: URL? = nil,
                    timeout: TimeInterval = 10) throws -> ProcessResult {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))")
        }
        // Only the copies dup2'ed onto 1 and 2 may reach the child (or later children).
        (outPipe + errPipe).forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        defer { [outPipe[0], errPipe[0]].forEach { close($0) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // An empty standard input: a program that wrongly waits for input sees EOF, not our terminal.
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        if let currentDirectory {
            guard let addChdir = addChdirAction else {
                throw SpawnError(description: "posix_spawn_file_actions_addchdir_np is missing (glibc < 2.29)")
            }
            _ = addChdir(&actions, currentDirectory.path)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        resetSignals(&attributes)

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            throw SpawnError(description: "cannot run \(executable.path): \(String(cString: strerror(spawned)))")
        }

        var output = PipeDrain(outPipe[0])
        var errors = PipeDrain(errPipe[0])
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var timedOut = false
        while true {
            let progressed = [output.drain(), errors.drain()].contains(true)
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                // Everything the program wrote is in the pipes now; a grandchild that kept a copy
                // of them (a daemon, say) must not keep us waiting for end of file.
                _ = output.drain()
                _ = errors.drain()
                break
            }
            if Date() > deadline {
                timedOut = true
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            if !progressed { usleep(2_000) }
        }
        let signal = status & 0x7f
        return ProcessResult(exitStatus: signal == 0 ? (status >> 8) & 0xff : nil,
                             signal: signal == 0 ? nil : signal,
                             stdout: output.data, stderr: errors.data, timedOut: timedOut)
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
    let descriptor: Int32
    var data = Data()
    var atEnd = false

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    /// Reads what is available now; true when anything was read.
    mutating func drain() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var progressed = false
        while !atEnd {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
                progressed = true
            } else if count == 0 {
                atEnd = true
            } else if errno != EINTR {
                break  // EAGAIN: nothing more for now
            }
        }
        return progressed
    }
}

/// Gives a spawned child default signal actions and an empty signal mask: signals the test
/// runner ignores (SIGPIPE, for one) would otherwise stay ignored across exec.
func resetSignals(_ attributes: inout posix_spawnattr_t, extraFlags: Int32 = 0) {
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK) | extraFlags))
}
