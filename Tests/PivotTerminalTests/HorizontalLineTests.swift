@testable import PivotTerminal
import PivotTestSupport
import XCTest

/// Rules go to the terminal in its line-drawing charset; a cell is a rule's by its bytes.
final class HorizontalLineTests: XCTestCase {
    func testOnlyTheLightHorizontalLineAloneIsARulesCell() {
        XCTAssertTrue(CursesScreen.isHorizontalLine("─"))
        for text in ["", "-", "q", "──", "━", "═", "─\u{301}", "┄", "\u{2501}", "abc", "€"] {
            XCTAssertFalse(CursesScreen.isHorizontalLine(text), text.debugDescription)
        }
    }

    func testTheByteTestAgreesWithStringComparisonOnRandomText() {
        var generator = SeededGenerator(state: 14)
        let pieces = ["─", "-", "a", "━", "\u{301}", "é", "─", "🙂", " "]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...3, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(CursesScreen.isHorizontalLine(text), text == "─", text.debugDescription)
        }
    }
}
