import Foundation
import Glibc

/// Runs a program to completion with a deadline, collecting what it writes.
///
/// Standard output and standard error are pipes (so the program sees "not a terminal", as under
/// `| cat`), drained with non-blocking reads on this thread: a program that floods a pipe cannot
/// deadlock us, and a program that hangs is killed at the deadline instead of hanging the suite.
struct ProcessResult {
    var status: Int32
    var reason: Process.TerminationReason
    var stdout: Data
    var stderr: Data
    /// True when the deadline passed and the program had to be killed.
    var timedOut: Bool

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

enum ProcessRunner {
    static func run(_ executable: URL, _ arguments: [String],
                    environment: [String: String]? = nil,
                    currentDirectory: URL? = nil,
                    timeout: TimeInterval = 10) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        // An empty standard input: a program that wrongly waits for input sees EOF, not our terminal.
        process.standardInput = FileHandle.nullDevice
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        // Our copies of the write ends must go, or the pipes never reach end of file.
        try? outPipe.fileHandleForWriting.close()
        try? errPipe.fileHandleForWriting.close()

        var readers = [PipeDrain(outPipe.fileHandleForReading.fileDescriptor),
                       PipeDrain(errPipe.fileHandleForReading.fileDescriptor)]
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while readers.contains(where: { !$0.finished }) || process.isRunning {
            let progressed = readers.indices.map { readers[$0].drain() }.contains(true)
            if Date() > deadline {
                timedOut = true
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                break
            }
            if !progressed { usleep(5_000) }
        }
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, reason: process.terminationReason,
                             stdout: readers[0].data, stderr: readers[1].data, timedOut: timedOut)
    }
}

/// The reading end of one pipe, read without blocking until end of file.
private struct PipeDrain {
    let descriptor: Int32
    var data = Data()
    var finished = false

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    /// Reads what is available now; true when something was read or end of file was reached.
    mutating func drain() -> Bool {
        guard !finished else { return false }
        var buffer = [UInt8](repeating: 0, count: 65536)
        var progressed = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
                progressed = true
            } else if count == 0 {
                finished = true
                return true
            } else {
                if errno == EINTR { continue }
                return progressed  // EAGAIN: nothing more for now
            }
        }
    }
}
