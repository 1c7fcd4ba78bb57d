import PivotTestSupport
import XCTest

/// Text of every width reaches a real terminal where the reader's grid puts it: wide CJK and
/// Hangul, letters with combining marks, rules and typographic punctuation, on the first screen
/// and after line scrolls (ncurses takes one-column cells a run at a time and the others one by
/// one: a width it counted differently would shift the rest of the row).
final class WideTextTests: EndToEndTestCase {
    private static let paragraphs = (1...20).map { number in
        ["中文字 \(number) and 한국어 after", "e\u{301}a\u{308} marks \(number) — “quoted” …",
         "rule \(number) ───── ▾ • end", "가\(number)나다라 mixed 中 x"][number % 4]
    }

    func testEveryRowShowsItsParagraphWholeOnTheFirstScreenAndAfterLineScrolls() throws {
        let page = try writePage("# Widths\n\n" + Self.paragraphs.joined(separator: "\n\n") + "\n")
        let session = try startReader(["--no-animation", page.path], width: 40, height: 24)
        var screen = try session.waitForScreen("the page with its status line") { $0.statusLine.contains("?: help") }
        checkRows(screen, when: "at first")
        for press in 1...6 {
            let before = screen.lines
            try session.sendKeys("j")
            screen = try session.waitForScreen("the page one line further (press \(press))") { $0.lines != before }
            checkRows(screen, when: "after \(press) j")
        }
        try session.sendKeys("q")
        assertTerminalRestored(try waitForReaderExit(session), exitStatus: 0)
    }

    /// Every row between the header and the status line is blank, the heading, or a paragraph whole.
    private func checkRows(_ screen: Screen, when: String, file: StaticString = #filePath, line: UInt = #line) {
        let rows = screen.lines.dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
        var shown = 0
        for row in rows where !row.isEmpty && !row.hasSuffix("Widths") {
            XCTAssertTrue(Self.paragraphs.contains(row), "\(when): a row shows \(row.debugDescription), no paragraph:\n\(screen)",
                          file: file, line: line)
            shown += 1
        }
        XCTAssertGreaterThanOrEqual(shown, 3, "\(when): paragraphs on screen:\n\(screen)", file: file, line: line)
    }
}
