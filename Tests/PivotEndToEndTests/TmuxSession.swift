import Foundation
import Glibc

/// One private tmux server (its own socket, no config file) holding one window that runs a
/// command: a real terminal the tests type into and read back from.
final class TmuxSession {
    private let tmux: URL
    private let socketName: String
    private var alive = true
    /// The server's socket file, removed after the server is killed (tmux leaves it behind).
    private var socketPath: String?

    /// How long `waitForScreen` polls before giving up; generous, since CI machines are slow.
    static let defaultTimeout: TimeInterval = 10

    /// Starts `tmux new-session -d -x width -y height` running `command` (an argv: tmux execs it
    /// without a shell when given several words), in `directory`.
    init(width: Int, height: Int, command: [String], directory: URL) throws {
        tmux = try TestEnvironment.tmux()
        socketName = "pivot-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-c", directory.path] + command)
        socketPath = try? run(["display-message", "-p", "#{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { kill() }

    /// A command line for the window: `env LANG=C.UTF-8 TERM=<term> sh -c <script>`. The
    /// terminal type is set here because tmux's default-terminal would override `-e TERM=...`.
    static func shellCommand(_ script: String, term: String = "tmux-256color") -> [String] {
        ["env", "LANG=C.UTF-8", "TERM=\(term)", "sh", "-c", script]
    }

    // MARK: Input

    /// Sends tmux key names: "q", "Enter", "C-c", "Tab", "-".
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys"] + keys)
    }

    /// Types text literally (no key-name lookup), as a user typing a search would.
    func type(_ text: String) throws {
        try run(["send-keys", "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    // MARK: Output

    /// What the pane shows now. `history` adds lines scrolled off the top; `joinWrapped` glues
    /// lines the terminal wrapped, so a long message reads as the one line it was written as.
    func capture(history: Bool = false, joinWrapped: Bool = false) throws -> Screen {
        var arguments = ["capture-pane", "-p"]
        if history { arguments += ["-S", "-"] }
        if joinWrapped { arguments.append("-J") }
        return Screen(text: try run(arguments))
    }

    /// Polls the pane until `condition` holds; throws (with the last screen) after `timeout`.
    /// Polling instead of sleeping keeps the tests quick on fast machines and patient on slow ones.
    @discardableResult
    func waitForScreen(_ what: String, timeout: TimeInterval = TmuxSession.defaultTimeout,
                       history: Bool = false, joinWrapped: Bool = false,
                       until condition: (Screen) -> Bool) throws -> Screen {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let screen = try capture(history: history, joinWrapped: joinWrapped)
            if condition(screen) { return screen }
            if Date() > deadline { throw ScreenTimeout(expectation: what, timeout: timeout, lastScreen: screen) }
            usleep(50_000)
        }
    }

    /// Waits until `text` appears anywhere on the pane.
    @discardableResult
    func waitForText(_ text: String, history: Bool = false) throws -> Screen {
        try waitForScreen("the pane shows \"\(text)\"", history: history) { $0.contains(text) }
    }

    /// The process id of the window's first process (the `sh` of `shellCommand`).
    func panePID() throws -> pid_t {
        let text = try run(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = pid_t(text) else { throw TmuxError(message: "no pane pid in '\(text)'") }
        return pid
    }

    /// Ends the server and everything in it; safe to call more than once.
    func kill() {
        guard alive else { return }
        alive = false
        _ = try? run(["kill-server"])
        if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
    }

    // MARK: Plumbing

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run(tmux, ["-L", socketName, "-f", "/dev/null"] + arguments,
                                           environment: TestEnvironment.childEnvironment(), timeout: 10)
        guard result.exitStatus == 0, !result.timedOut else {
            throw TmuxError(message: "tmux \(arguments.joined(separator: " ")) failed "
                            + "(status \(String(describing: result.exitStatus))): \(result.stderrText)")
        }
        return result.stdoutText
    }
}

/// A captured pane: its lines, top to bottom (tmux drops trailing blanks of each line).
struct Screen: CustomStringConvertible {
    let lines: [String]

    init(text: String) {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    /// Row 0: the page title at the left, the program name at the right.
    var header: String { lines.first ?? "" }
    /// The last row: position ("Top", "NN%", "Bot", "All") and "?: help".
    var statusLine: String { lines.last ?? "" }
    /// The rows between header and status line.
    var pageLines: ArraySlice<String> { lines.count > 2 ? lines[1..<(lines.count - 1)] : [] }

    func contains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }

    var description: String {
        lines.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n")
    }
}

struct ScreenTimeout: Error, CustomStringConvertible {
    let expectation: String
    let timeout: TimeInterval
    let lastScreen: Screen

    var description: String {
        "timed out after \(Int(timeout)) s waiting until \(expectation); the pane showed:\n\(lastScreen)"
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
