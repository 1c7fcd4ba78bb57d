import Foundation

/// How a program run by `ProcessRunner` ended, and what it wrote.
public struct ProcessResult: Sendable {
    /// The exit status, or nil when a signal ended the program.
    public var exitStatus: Int32?
    /// The signal that ended the program, if one did.
    public var signal: Int32?
    public var stdout: Data
    public var stderr: Data
    /// True when the deadline passed and the program had to be killed.
    public var timedOut: Bool

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// A test's own failure with a message (a timeout, a tool that failed).
public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
