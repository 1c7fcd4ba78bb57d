import Foundation
import PivotTestSupport
import XCTest

/// Shared setup for the end-to-end tests: the binary, a temporary directory, and tmux sessions
/// that are always torn down, whatever the test did.
class EndToEndTestCase: XCTestCase {
    private(set) var binary = URL(fileURLWithPath: "/nonexistent")
    private(set) var workDirectory = URL(fileURLWithPath: "/nonexistent")
    private var sessions: [TmuxSession] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        binary = try TestEnvironment.binary()
        workDirectory = try Fixtures.makeTemporaryDirectory()
    }

    override func tearDown() {
        sessions.forEach { $0.kill() }
        sessions = []
        try? FileManager.default.removeItem(at: workDirectory)
        super.tearDown()
    }

    /// Writes `text` as a page in this test's directory and returns its path.
    func writePage(_ text: String, named name: String = "page.md") throws -> URL {
        let url = workDirectory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Starts a tmux window running a shell script (working directory: this test's directory).
    func startSession(width: Int = 80, height: Int = 24, script: String,
                      term: String = "tmux-256color", directory: URL? = nil) throws -> TmuxSession {
        let session = try TmuxSession(width: width, height: height,
                                      command: TmuxSession.shellCommand(script, term: term),
                                      directory: directory ?? workDirectory)
        sessions.append(session)
        return session
    }

    /// Starts the reader on `arguments`, followed by lines that show how it ended: its exit
    /// status and the terminal modes it left behind. MARKER-BEFORE is printed first, on the
    /// normal screen, so seeing it again proves the alternate screen was left.
    func startReader(_ arguments: [String], width: Int = 80, height: Int = 24,
                     term: String = "tmux-256color", executable: URL? = nil,
                     directory: URL? = nil) throws -> TmuxSession {
        let command = ([(executable ?? binary).path] + arguments).map(shellQuoted).joined(separator: " ")
        let script = "printf 'MARKER-BEFORE\\n'; \(command); echo EXIT=$?; stty -a; echo STTY-DONE; sleep 30"
        return try startSession(width: width, height: height, script: script, term: term, directory: directory)
    }
}
