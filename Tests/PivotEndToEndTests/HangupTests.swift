import Foundation
import PivotTestSupport
import Glibc
import XCTest

/// Exit paths the quit tests do not cover: SIGHUP, and the terminal going away under the
/// reader (the tmux server killed: its pty closes, as when a terminal window is closed or an
/// SSH connection drops). The reader must end within a few seconds and leave no process behind.
final class HangupTests: EndToEndTestCase {
    /// How long a reader may take to notice its terminal is gone.
    static let exitDeadline: TimeInterval = 5

    private func startOnFixture() throws -> (TmuxSession, shell: pid_t, reader: pid_t) {
        let page = try writePage(Fixtures.gardenPage)
        let session = try startReader([page.path])
        try session.waitForScreen("the reader is showing the fixture page") {
            $0.header.hasPrefix(" " + Fixtures.gardenTitle) && $0.statusLine.contains("?: help")
        }
        let shell = try session.panePID()
        let reader = try readerPID(underShell: shell)
        return (session, shell, reader)
    }

    /// The pane runs `sh -c <script>`; while the reader runs it is the shell's only child.
    private func readerPID(underShell shell: pid_t) throws -> pid_t {
        let children = ProcessTree.children(of: shell)
        let reader = try XCTUnwrap(children.count == 1 ? children.first : nil,
                                   "expected exactly one child of the pane's shell, found \(children)")
        let command = (try? String(contentsOfFile: "/proc/\(reader)/cmdline", encoding: .utf8)) ?? ""
        XCTAssertTrue(command.hasPrefix(binary.path), "the shell's child should be the reader: \(command.debugDescription)")
        return reader
    }

    /// Running, as opposed to gone or a zombie waiting to be reaped.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let nameEnd = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: nameEnd)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// Waits until none of `pids` runs; returns those still running at the deadline.
    private func waitForExit(_ pids: [pid_t], deadline: TimeInterval = exitDeadline) -> [pid_t] {
        let end = Date().addingTimeInterval(deadline)
        while Date() < end {
            if !pids.contains(where: Self.isRunning) { return [] }
            usleep(50_000)
        }
        return pids.filter(Self.isRunning)
    }

    func testSIGHUPRestoresTheTerminalAndDiesBySignal() throws {
        let (session, _, reader) = try startOnFixture()
        XCTAssertEqual(kill(reader, SIGHUP), 0, "kill -HUP \(reader)")
        assertTerminalRestored(try waitForReaderExit(session), exitStatus: 128 + Int(SIGHUP))
    }

    func testClosingTheTerminalEndsTheReader() throws {
        let (session, shell, reader) = try startOnFixture()
        let readerChildren = ProcessTree.children(of: reader)
        session.kill()  // the tmux server goes, and with it the pty's master side
        let left = waitForExit([reader, shell] + readerChildren)
        XCTAssertEqual(left, [], "still running \(Self.exitDeadline) s after the terminal closed: \(left.map(Self.describe))")
        for pid in left { kill(pid, SIGKILL) }
    }

    /// The same while an animation plays: the loop wakes for frames, and must still notice.
    func testClosingTheTerminalEndsTheReaderWhileAnimating() throws {
        let session = try startReader([])  // the built-in Pivot page and its animation
        try session.waitForScreen("the reader is showing the built-in page") { $0.statusLine.contains("?: help") }
        let shell = try session.panePID()
        let reader = try readerPID(underShell: shell)
        session.kill()
        let left = waitForExit([reader, shell])
        XCTAssertEqual(left, [], "still running \(Self.exitDeadline) s after the terminal closed: \(left.map(Self.describe))")
        for pid in left { kill(pid, SIGKILL) }
    }

    /// A reader in a session of its own (`setsid`) gets no SIGHUP when the terminal closes: it
    /// must notice from its input (POLLHUP, end of file) and end all the same.
    func testClosingTheTerminalEndsAReaderThatGetsNoSIGHUP() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setsid") else {
            throw XCTSkip("/usr/bin/setsid (util-linux) is not installed")
        }
        let page = try writePage(Fixtures.gardenPage)
        let session = try startReader(["/usr/bin/setsid", binary.path, page.path], executable: URL(fileURLWithPath: "/usr/bin/env"))
        try session.waitForScreen("the reader is showing the fixture page") {
            $0.header.hasPrefix(" " + Fixtures.gardenTitle) && $0.statusLine.contains("?: help")
        }
        let shell = try session.panePID()
        let children = ProcessTree.children(of: shell)
        let reader = try XCTUnwrap(children.count == 1 ? children.first : nil, "the shell's children: \(children)")
        session.kill()
        let left = waitForExit([reader, shell])
        XCTAssertEqual(left, [], "still running \(Self.exitDeadline) s after the terminal closed: \(left.map(Self.describe))")
        for pid in left { kill(pid, SIGKILL) }
    }

    /// SIGHUP while an animation plays (the loop sleeps until the next frame, not forever):
    /// the reader still ends by SIGHUP and restores the terminal.
    func testSIGHUPWhileAnimating() throws {
        let session = try startReader([])
        try session.waitForScreen("the reader is showing the built-in page") { $0.statusLine.contains("?: help") }
        let reader = try readerPID(underShell: try session.panePID())
        XCTAssertEqual(kill(reader, SIGHUP), 0)
        assertTerminalRestored(try waitForReaderExit(session), exitStatus: 128 + Int(SIGHUP))
    }

    static func describe(_ pid: pid_t) -> String {
        let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8))?
            .replacingOccurrences(of: "\0", with: " ") ?? "?"
        return "\(pid) (\(command))"
    }
}
