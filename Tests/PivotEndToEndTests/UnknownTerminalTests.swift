import XCTest

/// A TERM with no terminfo entry: the reader cannot go full screen, so it says so in one line
/// on stderr, prints the page as text, exits 0 and leaves the terminal usable.
final class UnknownTerminalTests: EndToEndTestCase {
    func testUnknownTermPrintsPlainTextAndExitsZero() throws {
        let term = "xterm-unknown-zzz"
        let page = try writePage(Fixtures.gardenPage)
        let session = try startReader([page.path], term: term)
        // History too: the page and stty's lines may push the first lines off a 24-row pane.
        let screen = try waitForReaderExit(session, history: true)
        assertTerminalRestored(screen, exitStatus: 0)
        // What the user sees now, without scrolling back, must be the shell's lines, not garbage.
        let visible = try session.capture()
        XCTAssertTrue(visible.lines.contains("EXIT=0") && visible.contains("STTY-DONE"),
                      "the pane should end in readable shell output:\n\(visible)")

        let messages = screen.lines.filter { $0.hasPrefix("pivot-tui:") }
        XCTAssertEqual(messages.count, 1, "one message line expected:\n\(screen)")
        XCTAssertTrue(messages.first?.contains(term) ?? false, "the message should name the TERM:\n\(screen)")

        // The page, as text, between the marker and the exit line.
        let marker = try XCTUnwrap(screen.lines.firstIndex(of: "MARKER-BEFORE"))
        let exit = try XCTUnwrap(screen.lines.firstIndex(of: "EXIT=0"))
        let output = screen.lines[marker..<exit]
        for expected in [Fixtures.gardenTitle, "alpha: ferns line the northern path", "gate."] {
            XCTAssertTrue(output.contains { $0.contains(expected) }, "'\(expected)' missing from:\n\(screen)")
        }
        XCTAssertFalse(output.contains { $0.contains("▾") || $0.contains("▸") },
                       "plain text has no fold markers:\n\(screen)")
    }
}
