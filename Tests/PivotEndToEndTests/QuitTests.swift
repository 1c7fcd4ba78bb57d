import Glibc
import PivotTestSupport
import XCTest

/// Every way out leaves the terminal as it was: normal screen back, canonical mode and echo on,
/// and an exit status the shell can read (0 when asked to quit, 128+N when killed by signal N).
final class QuitTests: EndToEndTestCase {
    private func startOnFixture() throws -> TmuxSession {
        let page = try writePage(Fixtures.gardenPage)
        let session = try startReader([page.path])
        try session.waitForScreen("the reader is showing the fixture page") { screen in
            screen.header.trimmingCharacters(in: .whitespaces).hasPrefix(Fixtures.gardenTitle)
                && screen.statusLine.contains("?: help")
        }
        return session
    }

    func testQuitWithQ() throws {
        let session = try startOnFixture()
        try session.sendKeys("q")
        assertTerminalRestored(try waitForReaderExit(session), exitStatus: 0)
    }

    func testQuitWithCtrlC() throws {
        let session = try startOnFixture()
        try session.sendKeys("C-c")
        assertTerminalRestored(try waitForReaderExit(session), exitStatus: 0)
    }

    func testSIGTERMRestoresTerminalAndDiesBySignal() throws {
        let session = try startOnFixture()
        // The pane runs `sh -c <script>`; while the reader runs it is the shell's only child.
        let children = ProcessTree.children(of: try session.panePID())
        let reader = try XCTUnwrap(children.count == 1 ? children.first : nil,
                                   "expected exactly one child of the pane's shell, found \(children)")
        XCTAssertEqual(kill(reader, SIGTERM), 0, "kill -TERM \(reader)")
        assertTerminalRestored(try waitForReaderExit(session), exitStatus: 128 + Int(SIGTERM))
    }
}
