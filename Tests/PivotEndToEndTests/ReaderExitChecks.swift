import XCTest
import PivotTestSupport

/// Checks on how the reader left the terminal, read from the lines `startReader` prints after it.
extension EndToEndTestCase {
    /// Waits for the script after the reader to finish, then returns the screen.
    func waitForReaderExit(_ session: TmuxSession, history: Bool = false) throws -> Screen {
        try session.waitForScreen("the reader has exited and `stty -a` has run",
                                  history: history, joinWrapped: true) { $0.contains("STTY-DONE") }
    }

    /// The normal screen is back (MARKER-BEFORE shows again), the exit status is `status`,
    /// and the tty is back in canonical mode with echo (what a shell and the user need).
    func assertTerminalRestored(_ screen: Screen, exitStatus status: Int,
                                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(screen.contains("MARKER-BEFORE"),
                      "the normal screen should be back, showing what was there before:\n\(screen)",
                      file: file, line: line)
        let exitLines = screen.lines.filter { $0.hasPrefix("EXIT=") }
        XCTAssertEqual(exitLines, ["EXIT=\(status)"], "exit status; the pane showed:\n\(screen)",
                       file: file, line: line)
        // stty prints modes as words, "-icanon" when off; the words are what matter, not the layout.
        let modes = Set(screen.lines.joined(separator: " ")
            .split(whereSeparator: { $0.isWhitespace || $0 == ";" }).map(String.init))
        for mode in ["icanon", "echo"] {
            XCTAssertTrue(modes.contains(mode) && !modes.contains("-" + mode),
                          "stty should show '\(mode)' on after the reader ends:\n\(screen)",
                          file: file, line: line)
        }
    }
}
