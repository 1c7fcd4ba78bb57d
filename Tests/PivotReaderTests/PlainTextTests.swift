import PivotDocument
import XCTest
@testable import PivotReader

final class PlainTextTests: XCTestCase {
    /// The words a reader of the page's source would read: front matter, HTML tags and
    /// comments, Liquid tags and Markdown punctuation left out.
    static func bodyWords(ofSource source: String) -> [String] {
        var text = FrontMatter.split(source).body
        for (open, close) in [("<!--", "-->"), ("{%", "%}"), ("<", ">")] {
            while let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
                text.replaceSubrange(start.lowerBound..<end.upperBound, with: " ")
            }
        }
        return words(text)
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    func testPlainOutputHoldsEveryWordOfThePageInOrder() {
        let plain = PlainText.render(Fixtures.pivot, width: 80)
        let expected = Self.bodyWords(ofSource: Fixtures.pivotSource)
        XCTAssertGreaterThan(expected.count, 300)
        var output = Self.words(plain)[...]
        for word in expected {
            guard let found = output.firstIndex(of: word) else {
                return XCTFail("'\(word)' is missing (or out of order) in the plain output")
            }
            output = output[(found + 1)...]
        }
    }

    func testPlainOutputHasNoEscapesWrapsAndListsLinks() {
        for width in [20, 40, 80, 132] {
            let plain = PlainText.render(Fixtures.pivot, width: width)
            XCTAssertFalse(plain.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
            for line in plain.split(separator: "\n") where !line.hasPrefix("[") {
                XCTAssertLessThanOrEqual(CellWidth.of(String(line)), width, "width \(width): \(line)")
            }
            XCTAssertTrue(plain.contains("\nLinks:\n[1] /about/\n"))
            XCTAssertFalse(plain.contains("▸") || plain.contains("▾"))
            XCTAssertFalse(plain.contains("{%") || plain.contains("**") || plain.contains("<") || plain.contains("permalink"))
        }
    }

    func testAPageWithoutATitleHeadingGetsOneInPlainOutput() {
        let plain = PlainText.render(PageParser.document(from: "---\ntitle: Named\n---\nBody.\n"), width: 40)
        XCTAssertTrue(plain.hasPrefix("Named\n=====\n\nBody."), plain)
    }
}
