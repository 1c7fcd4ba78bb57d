import Foundation
import Glibc

/// One private tmux server (its own socket, no config file) holding one window that runs a
/// command: a real terminal the tests type into and read back from.
public final class TmuxSession {
    private let tmux: String
    private let environment: [String: String]
    private let socketName: String
    private var alive = true
    /// The server's socket file, removed after the server is killed (tmux leaves it behind).
    private var socketPath: String?
    /// How long `waitForScreen` polls before giving up by default.
    public let defaultTimeout: TimeInterval
    /// Whether captures glue lines the terminal wrapped, unless a call says otherwise.
    public let joinsWrappedLines: Bool

    /// Starts `tmux new-session -d -x width -y height` running `command` (an argv: tmux execs it
    /// without a shell when given several words), in `directory`. `environment` is tmux's own.
    public init(tmux: String, width: Int, height: Int, command: [String], directory: String? = nil,
                environment: [String: String], timeout: TimeInterval = 10, joinsWrappedLines: Bool = false) throws {
        self.tmux = tmux
        self.environment = environment
        defaultTimeout = timeout
        self.joinsWrappedLines = joinsWrappedLines
        socketName = "pivot-tests-\(getpid())-\(UUID().uuidString.prefix(8))"
        try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)"]
                + (directory.map { ["-c", $0] } ?? []) + command)
        socketPath = try? run(["display-message", "-p", "#{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { kill() }

    /// A command line for the window: `env LANG=C.UTF-8 TERM=<term> sh -c <script>`. The
    /// terminal type is set here because tmux's default-terminal would override `-e TERM=...`.
    public static func shellCommand(_ script: String, term: String = "tmux-256color") -> [String] {
        ["env", "LANG=C.UTF-8", "TERM=\(term)", "sh", "-c", script]
    }

    // MARK: Input

    /// Sends tmux key names: "q", "Enter", "C-c", "Tab", "-".
    public func sendKeys(_ keys: String...) throws {
        try run(["send-keys"] + keys)
    }

    /// Types text literally (no key-name lookup), as a user typing a search would.
    public func type(_ text: String) throws {
        try run(["send-keys", "-l", text])
    }

    /// Appends every byte the window's program writes to the file at `path`, from now on
    /// (tmux pipe-pane): what the terminal was sent, not only what it shows.
    public func recordOutput(to path: String) throws {
        try run(["pipe-pane", "-o", "cat >> \(shellQuoted(path))"])
    }

    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    // MARK: Output

    /// What the pane shows now. `history` adds lines scrolled off the top; `joinWrapped` glues
    /// lines the terminal wrapped, so a long message reads as the one line it was written as.
    public func capture(history: Bool = false, joinWrapped: Bool? = nil) throws -> Screen {
        var arguments = ["capture-pane", "-p"]
        if history { arguments += ["-S", "-"] }
        if joinWrapped ?? joinsWrappedLines { arguments.append("-J") }
        return Screen(text: try run(arguments))
    }

    /// The pane's lines with the SGR sequences (colours, bold) that tmux keeps for its cells.
    public func captureWithStyles() throws -> [String] {
        try run(["capture-pane", "-p", "-e"]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Polls the pane until `condition` holds; throws (with the last screen) after `timeout`.
    /// Polling instead of sleeping keeps the tests quick on fast machines and patient on slow ones.
    @discardableResult
    public func waitForScreen(_ what: String, timeout: TimeInterval? = nil, history: Bool = false,
                              joinWrapped: Bool? = nil, until condition: (Screen) -> Bool) throws -> Screen {
        let timeout = timeout ?? defaultTimeout
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
    public func waitForText(_ text: String, history: Bool = false) throws -> Screen {
        try waitForScreen("the pane shows \"\(text)\"", history: history) { $0.contains(text) }
    }

    /// The process id of the window's first process.
    public func panePID() throws -> pid_t {
        let text = try run(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = pid_t(text) else { throw TestFailure("no pane pid in '\(text)'") }
        return pid
    }

    /// Ends the server and everything in it; safe to call more than once.
    public func kill() {
        guard alive else { return }
        alive = false
        _ = try? run(["kill-server"])
        if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run(tmux, ["-L", socketName, "-f", "/dev/null"] + arguments,
                                           environment: environment, timeout: 10)
        guard result.exitStatus == 0, !result.timedOut else {
            throw TestFailure("tmux \(arguments.joined(separator: " ")) failed "
                              + "(status \(String(describing: result.exitStatus))): \(result.stderrText)")
        }
        return result.stdoutText
    }
}

/// `waitForScreen` gave up: what it waited for and the last screen it saw.
public struct ScreenTimeout: Error, CustomStringConvertible {
    public let expectation: String
    public let timeout: TimeInterval
    public let lastScreen: Screen

    public var description: String {
        "timed out after \(Int(timeout)) s waiting until \(expectation); the pane showed:\n\(lastScreen)"
    }
}
