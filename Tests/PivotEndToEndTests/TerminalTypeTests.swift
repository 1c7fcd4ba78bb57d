import Foundation
import PivotTestSupport
import XCTest

/// The reader under terminal types it may meet: each either shows the reader (the header holds
/// the page's title) and quits on `q`, or prints the page as plain text with one line on
/// stderr; either way it exits 0 and leaves the terminal sane (canonical mode and echo on).
final class TerminalTypeTests: EndToEndTestCase {
    enum Mode: Equatable { case fullScreen, plainText }

    /// The script `startReader` runs, with the terminal type set (or unset) inside the shell,
    /// after tmux's own TERM.
    private func startReader(page: URL, termSetting: String, locale: String = "export LANG=C.UTF-8",
                             width: Int = 80, height: Int = 24) throws -> TmuxSession {
        let script = "\(locale); unset LC_ALL LC_CTYPE; \(termSetting); printf 'MARKER-BEFORE\\n'; "
            + "\(shellQuoted(binary.path)) \(shellQuoted(page.path)); echo EXIT=$?; stty -a; echo STTY-DONE; sleep 30"
        return try startSession(width: width, height: height, script: script)
    }

    private func check(termSetting: String, label: String, expected: Mode, file: StaticString = #filePath,
                       line: UInt = #line) throws {
        let page = try writePage(Fixtures.gardenPage)
        let session = try startReader(page: page, termSetting: termSetting)
        // Terminals without an alternate screen (vt100, linux) draw below what was there: the
        // header is the row that starts with the title, not necessarily the first.
        let first = try session.waitForScreen("\(label): the reader shows the page or has printed it") {
            $0.contains("STTY-DONE")
                || ($0.lines.contains { $0.hasPrefix(" " + Fixtures.gardenTitle) } && $0.statusLine.contains("?: help"))
        }
        let mode: Mode = first.contains("STTY-DONE") ? .plainText : .fullScreen
        XCTAssertEqual(mode, expected, "\(label): mode; the pane showed:\n\(first)", file: file, line: line)
        if mode == .fullScreen { try session.sendKeys("q") }
        let screen = try waitForReaderExit(session, history: true)
        // The shell's next line must start on a clean row: on terminals without an alternate
        // screen the reader's last screen stays, and a status line left under the cursor would
        // run on after the prompt ("$ sections    All  ?: help").
        let exitLine = screen.lines.first { $0.hasPrefix("EXIT=") } ?? "(none)"
        XCTAssertEqual(exitLine, "EXIT=0", "\(label): the shell's output should start on a clean line after the reader "
                       + "quits; the reader left text on the row under the cursor:\n\(screen)", file: file, line: line)
        if exitLine.hasPrefix("EXIT=0") {
            // The rest of the restore checks (normal screen back, exit status, stty modes).
            var lines = screen.lines
            if let index = lines.firstIndex(of: exitLine) { lines[index] = "EXIT=0" }
            assertTerminalRestored(Screen(text: lines.joined(separator: "\n")), exitStatus: 0, file: file, line: line)
        } else {
            assertTerminalRestored(screen, exitStatus: 0, file: file, line: line)
        }
        if mode == .plainText {
            let messages = screen.lines.filter { $0.hasPrefix("pivot-tui:") }
            XCTAssertEqual(messages.count, 1, "\(label): one message line on stderr:\n\(screen)", file: file, line: line)
            XCTAssertTrue(screen.contains("alpha: ferns line the northern path"), "\(label): the page as text:\n\(screen)",
                          file: file, line: line)
        }
    }

    func testTermUnsetPrintsPlainText() throws {
        try check(termSetting: "unset TERM", label: "TERM unset", expected: .plainText)
    }

    func testDumbPrintsPlainText() throws {
        try check(termSetting: "export TERM=dumb", label: "dumb", expected: .plainText)
    }

    func testAnUnknownNamePrintsPlainText() throws {
        try check(termSetting: "export TERM=no-such-terminal-xyz", label: "unknown name", expected: .plainText)
    }

    func testVT100ShowsTheReader() throws {
        try check(termSetting: "export TERM=vt100", label: "vt100", expected: .fullScreen)
    }

    func testLinuxShowsTheReader() throws {
        try check(termSetting: "export TERM=linux", label: "linux", expected: .fullScreen)
    }

    func testScreen256ColorShowsTheReader() throws {
        try check(termSetting: "export TERM=screen-256color", label: "screen-256color", expected: .fullScreen)
    }

    func testXterm256ColorShowsTheReader() throws {
        try check(termSetting: "export TERM=xterm-256color", label: "xterm-256color", expected: .fullScreen)
    }

    // MARK: - A locale that is not UTF-8

    static let widePage = """
        ---
        title: Wide Text
        ---

        Narrow words before the wide ones.

        漢字テスト END1

        한국어 문장 END2

        🎉🎉 END3

        Ｆｕｌｌ END4

        """

    /// Under LANG=C the reader switches its own LC_CTYPE to C.UTF-8, says so in the status line,
    /// and draws wide text in the same columns as under a UTF-8 locale.
    func testANonUTF8LocaleDrawsWideTextInTheRightColumnsAndSaysSo() throws {
        let page = try writePage(Self.widePage)
        var screens: [String: Screen] = [:]
        for locale in ["C", "C.UTF-8"] {
            let session = try startReader(page: page, termSetting: "export TERM=tmux-256color",
                                          locale: "export LANG=\(locale)")
            let screen = try session.waitForScreen("LANG=\(locale): the reader shows the page") {
                $0.header.contains("Wide Text") && $0.contains("END4")
            }
            screens[locale] = screen
            try session.sendKeys("q")
            assertTerminalRestored(try waitForReaderExit(session), exitStatus: 0)
        }
        let c = try XCTUnwrap(screens["C"])
        let utf8 = try XCTUnwrap(screens["C.UTF-8"])
        XCTAssertTrue(c.statusLine.contains("locale is not UTF-8"), "LANG=C: the status line should say so: \(c.statusLine)")
        XCTAssertFalse(utf8.statusLine.contains("locale"), "LANG=C.UTF-8: no note: \(utf8.statusLine)")
        XCTAssertEqual(Array(c.pageLines), Array(utf8.pageLines), "the page should look the same under LANG=C:\n\(c)\n---\n\(utf8)")
        // Each END marker stands two cells per wide character after the text column.
        for (marker, wideText) in [("END1", "漢字テスト"), ("END2", "한국어 문장"), ("END3", "🎉🎉"), ("END4", "Ｆｕｌｌ")] {
            let row = try XCTUnwrap(c.lines.first { $0.contains(marker) }, "\(marker) missing:\n\(c)")
            let prefix = String(row[..<row.range(of: marker)!.lowerBound])
            let expected = 2 + wideText.reduce(0) { $0 + ($1 == " " ? 1 : 2) } + 1
            XCTAssertEqual(Self.displayWidth(prefix), expected, "\(marker) column in \(row.debugDescription)")
            XCTAssertTrue(row.contains(wideText), "\(marker): the wide text itself: \(row.debugDescription)")
        }
    }

    /// Columns a captured line takes: East Asian wide ranges and emoji as 2, the rest as 1.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let value = scalar.value
            let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0x1F300...0x1FAFF).contains(value)
            return total + (wide ? 2 : 1)
        }
    }
}
