import Foundation
import Glibc

/// Runs a program to completion with a deadline, collecting what it writes: posix_spawn and
/// waitpid rather than Foundation's Process, whose `isRunning` needs a run loop. Standard
/// output and error are pipes (the program sees "not a terminal", as under `| cat`), drained
/// without blocking, so neither a flood nor a hang stalls the suite. Standard input is empty.
public enum ProcessRunner {
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                           currentDirectory: String? = nil, stdin: String = "/dev/null",
                           timeout: TimeInterval = 20) throws -> ProcessResult {
        let process = try SpawnedProcess(executable, arguments, environment: environment, stdin: stdin,
                                         currentDirectory: currentDirectory)
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

    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String],
                           currentDirectory: URL? = nil, timeout: TimeInterval = 10) throws -> ProcessResult {
        try run(executable.path, arguments, environment: environment, currentDirectory: currentDirectory?.path,
                timeout: timeout)
    }
}

/// Gives a spawned child default signal actions and an empty signal mask: signals the test
/// runner ignores (SIGPIPE, for one) would otherwise stay ignored across exec.
public func resetSignals(_ attributes: inout posix_spawnattr_t, extraFlags: Int32 = 0) {
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
