import PivotDocument
import XCTest
@testable import PivotReader

/// Deep nesting in the core: past depth 48 the parser flattens blocks into text (so 10,000
/// levels cannot exhaust the stack); whatever the depth, what is laid out must stay inside the
/// reading column, where the screen can show it, and the deepest words must stay readable.
final class HostileNestingTests: XCTestCase {
    static let deepestWords = "deepest words here"

    static let pages: [(name: String, text: String)] = [
        ("10,000 nested block quotes", String(repeating: ">", count: 10_000) + " " + deepestWords + "\n"),
        ("10,000 nested lists", String(repeating: "- ", count: 10_000) + deepestWords + "\n"),
        ("5,000 quotes of lists", String(repeating: "> - ", count: 5_000) + deepestWords + "\n"),
        ("12 nested lists", (0..<12).map { String(repeating: "  ", count: $0) + "- level \($0)\n" }.joined()
            + String(repeating: "  ", count: 12) + "- " + deepestWords + "\n"),
        ("30 nested quotes", String(repeating: "> ", count: 30) + deepestWords + "\n"),
    ]

    func testTheParserFlattensDeepNestingWithoutLosingText() {
        for (name, text) in Self.pages {
            let document = PageParser.document(from: text)
            let plain = PlainText.render(document, width: 1000)
            XCTAssertTrue(plain.contains(Self.deepestWords), "\(name): the deepest words are lost:\n\(plain.suffix(300))")
        }
    }

    /// At 40 and 80 columns (and 20, the smallest window drawn), every run of every line is
    /// inside the reading column, and the deepest words are whole on a line.
    func testDeepNestingStaysInsideTheReadingColumn() {
        for (name, text) in Self.pages {
            let document = PageParser.document(from: text)
            for width in [20, 40, 80] {
                let layout = Layout(document: document, options: LayoutOptions(width: width), folds: [])
                let problems = GridChecks.layoutProblems(layout)
                XCTAssertTrue(problems.isEmpty, "\(name) at \(width) columns: \(problems.count) runs outside, "
                              + "first: \(problems.prefix(2))")
                let lines = layout.lines.map(\.text)
                XCTAssertTrue(lines.contains { $0.contains(Self.deepestWords) }
                              || width < 40 && lines.contains { $0.contains("deepest") },
                              "\(name) at \(width) columns: '\(Self.deepestWords)' is not readable on any line; "
                              + "the last lines are: \(lines.suffix(4).map { $0.trimmingCharacters(in: .whitespaces) })")
            }
        }
    }

    /// The screen holds the same words (the reading column is centred; nothing is off to the right).
    func testTheDeepestWordsAreOnScreen() {
        for (name, text) in Self.pages {
            var state = Fixtures.state(PageParser.document(from: text), width: 80, height: 24)
            state = press(state, .end)
            let grid = render(state)
            GridChecks.assertClean(grid, state, name)
            XCTAssertTrue(grid.textLines.contains { $0.contains("deepest") },
                          "\(name): 'deepest' is not on screen:\n" + grid.textLines.joined(separator: "\n"))
        }
    }
}
