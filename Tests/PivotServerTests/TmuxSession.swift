import Foundation
import Glibc

/// One private tmux server (its own socket, no config file) holding one window that runs a
/// command: a real terminal for the ssh client, typed into and read back.
final class TmuxSession {
    private let tmux: String
    private let socketName: String
    private var socketPath: String?
    private var alive = true

    static let defaultTimeout: TimeInterval = 15

    /// Starts `tmux new-session -d -x width -y height` running `script` under `sh -c`, with
    /// TERM set for the window (tmux's default-terminal would override `-e TERM=...`).
    init(width: Int, height: Int, script: String, term: String = "tmux-256color") throws {
        tmux = try TestTools.tmux()
        socketName = "pivot-serve-\(getpid())-\(UUID().uuidString.prefix(8))"
        try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                 "env", "LANG=C.UTF-8", "TERM=\(term)", "sh", "-c", script])
        socketPath = try? run(["display-message", "-p", "#{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { kill() }

    func sendKeys(_ keys: String...) throws {
        try run(["send-keys"] + keys)
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pane's lines now, top to bottom.
    func capture() throws -> [String] {
        var lines = try run(["capture-pane", "-p", "-J"]).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Polls the pane until `condition` holds; throws with the last screen after `timeout`.
    @discardableResult
    func waitForScreen(_ what: String, timeout: TimeInterval = TmuxSession.defaultTimeout,
                       until condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let screen = try capture()
            if condition(screen) { return screen }
            if Date() > deadline {
                throw TestFailure("timed out after \(Int(timeout)) s waiting until \(what); the pane showed:\n"
                                  + screen.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }
                                      .joined(separator: "\n"))
            }
            usleep(50_000)
        }
    }

    /// The process id of the window's first process (the `sh` running the script).
    func panePID() throws -> pid_t {
        let text = try run(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = pid_t(text) else { throw TestFailure("no pane pid in '\(text)'") }
        return pid
    }

    /// Ends the server and everything in it; safe to call more than once.
    func kill() {
        guard alive else { return }
        alive = false
        _ = try? run(["kill-server"])
        if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run(tmux, ["-L", socketName, "-f", "/dev/null"] + arguments,
                                           environment: TestTools.childEnvironment(), timeout: 10)
        guard result.exitStatus == 0, !result.timedOut else {
            throw TestFailure("tmux \(arguments.joined(separator: " ")) failed: \(result.stderrText)")
        }
        return result.stdoutText
    }
}

extension Array where Element == String {
    /// True when any line holds `text`.
    func containsText(_ text: String) -> Bool { contains { $0.contains(text) } }
}
