@testable import PivotTerminal
import PivotTestSupport
import XCTest

/// A cell's text is told by its bytes: a rule's cell ("─" alone) goes to the terminal in its
/// line-drawing charset, and one printable ASCII character may go in a run of cells.
final class CellTextKindTests: XCTestCase {
    func testExamples() {
        XCTAssertEqual(CellTextKind("─"), .horizontalLine)
        XCTAssertEqual(CellTextKind("a"), .printableASCII)
        XCTAssertEqual(CellTextKind(" "), .printableASCII)
        XCTAssertEqual(CellTextKind("~"), .printableASCII)
        for text in ["", "-q", "\t", "\u{7F}", "\u{1B}", "──", "━", "═", "─\u{301}", "┄", "\u{2501}", "abc", "€", "e\u{301}"] {
            XCTAssertEqual(CellTextKind(text), .other, text.debugDescription)
        }
    }

    func testTheByteTestAgreesWithTheStringTestsOnRandomText() {
        var generator = SeededGenerator(state: 14)
        let pieces = ["─", "-", "a", "━", "\u{301}", "é", "─", "🙂", " ", "\u{1}", "\u{7F}", "~", "\r\n"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...3, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected: CellTextKind
            if text == "─" {
                expected = .horizontalLine
            } else if text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first, (0x20..<0x7F).contains(scalar.value) {
                expected = .printableASCII
            } else {
                expected = .other
            }
            XCTAssertEqual(CellTextKind(text), expected, text.debugDescription)
        }
    }
}
