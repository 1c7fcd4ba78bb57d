import Foundation
import PivotTestSupport
import Glibc

/// A running `pivot-tui serve` on 127.0.0.1 and a port of its own choosing (port 0), with
/// its log (standard error) read as it runs.
final class ServeServer {
    let process: SpawnedProcess
    let port: Int
    let hostKeyPath: String

    /// Starts the server and waits for its "listening" line.
    init(binary: String, hostKeyPath: String, arguments: [String] = [],
         environment: [String: String] = TestTools.childEnvironment()) throws {
        self.hostKeyPath = hostKeyPath
        let process = try SpawnedProcess(binary, ["serve", "--listen", "127.0.0.1:0", "--host-key", hostKeyPath] + arguments,
                                         environment: environment)
        self.process = process
        // A text line "... ] listening" with port=N, or with --log-format json "message":"listening", "port":"N".
        let log = try process.waitForOutput("the server's listening line") { text in
            text.contains("] listening") || text.contains("\"message\":\"listening\"") || process.poll() != nil
        }
        guard let line = log.split(separator: "\n").first(where: { $0.contains("] listening") || $0.contains("\"message\":\"listening\"") }),
              let field = line.split(whereSeparator: { $0 == " " || $0 == "," }).first(where: { $0.hasPrefix("port=") || $0.hasPrefix("\"port\":") }),
              let port = Int(field.drop { !$0.isNumber }.prefix { $0.isNumber }) else {
            process.kill(SIGKILL)
            throw TestFailure("the server did not start listening:\n\(log)")
        }
        self.port = port
        process.drainInBackground()
    }

    deinit { stop() }

    var pid: pid_t { process.pid }
    var log: String { process.errorText }

    /// The server's reader processes now (its live children).
    var readers: [pid_t] { ProcessTable.children(of: process.pid) }

    /// Waits until the log holds `text`.
    @discardableResult
    func waitForLog(_ text: String, timeout: TimeInterval = 15) throws -> String {
        try process.waitForOutput("the log to say \"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits for a log line of `event` (the message, last on the line) holding every
    /// `key=value` in `fields`; returns the line.
    @discardableResult
    func waitForEvent(_ event: String, _ fields: String..., timeout: TimeInterval = 15) throws -> String {
        let matches: (Substring) -> Bool = { line in
            line.hasSuffix("] \(event)") && fields.allSatisfy { line.contains(" \($0) ") || line.contains(": \($0) ") }
        }
        let text = try process.waitForOutput("a log line '\(event)' with \(fields)", timeout: timeout) { text in
            text.split(separator: "\n").contains(where: matches)
        }
        return String(text.split(separator: "\n").first(where: matches) ?? "")
    }

    /// SIGTERM, then SIGKILL for whatever is left (server and readers) if it takes too long.
    @discardableResult
    func stop(timeout: TimeInterval = 10) -> (status: Int32?, signal: Int32?)? {
        let readers = self.readers
        process.kill(SIGTERM)
        let ending = process.wait(timeout: timeout)
        if ending == nil {
            process.kill(SIGKILL)
            _ = process.wait(timeout: 5)
        }
        for reader in readers where ProcessTable.isRunning(reader) { kill(-reader, SIGKILL) }
        return ending
    }
}
