import PivotDocument
import XCTest
@testable import PivotReader

/// Highlighted code and Unicode line breaking on screen: text snapshots, role snapshots (which
/// colour each cell takes), and every word of the source in the plain output, in order.
final class CodeAndLineBreakSnapshotTests: XCTestCase {
    /// A Jekyll page with a fenced block, a `{% highlight %}` block with line numbers, and
    /// Japanese text whose commas and full stops fall at line ends.
    static let source = """
        ---
        title: Code and breaks
        ---
        Run this:

        ```python
        def greet(name):  # say hello
            return "hi " + name * 2
        ```

        {% highlight ruby linenos %}
        puts "one"
        puts 2
        {% endhighlight %}

        日本語の文章は、句読点で終わります。行頭に句読点が来てはいけません。「括弧」も同じです。
        """

    /// Tokens as a highlighter gives them (the real library is tested in PivotHighlightTests):
    /// what this test pins is how they are drawn.
    static func tokens(language: String, code: String) -> [CodeToken]? {
        switch language {
        case "python":
            return [CodeToken(line: 0, start: 0, length: 3, kind: .keyword),
                    CodeToken(line: 0, start: 4, length: 5, kind: .function),
                    CodeToken(line: 0, start: 18, length: 11, kind: .comment),
                    CodeToken(line: 1, start: 4, length: 6, kind: .keyword),
                    CodeToken(line: 1, start: 11, length: 5, kind: .string),
                    CodeToken(line: 1, start: 26, length: 1, kind: .number)]
        case "ruby":
            return [CodeToken(line: 0, start: 5, length: 5, kind: .string), CodeToken(line: 1, start: 5, length: 1, kind: .number)]
        default:
            return nil
        }
    }

    static var document: Document {
        var document = PageParser.document(from: source)
        document.highlightCode(using: tokens)
        return document
    }

    func testHighlightedCodeAndCJKBreaking() {
        for size in [Size(width: 80, height: 24), Size(width: 40, height: 16)] {
            let grid = render(Fixtures.state(Self.document, width: size.width, height: size.height))
            assertSnapshot(grid, named: "code-and-breaks")
            assertStyleSnapshot(grid, named: "code-and-breaks")
        }
    }

    func testNoLineStartsWithClosingPunctuationAtAnyWidth() {
        for width in 20...60 {
            let state = Fixtures.state(Self.document, width: width, height: 40, readingWidth: width)
            for line in state.layout.lines.map(\.text) {
                let trimmed = line.drop { $0 == " " || $0 == "│" }
                XCTAssertFalse(trimmed.first.map { "、。」）".contains($0) } ?? false, "width \(width): \(line)")
                XCTAssertFalse(line.last.map { "「（".contains($0) } ?? false, "width \(width): \(line)")
            }
        }
    }

    func testPlainOutputHoldsEveryWordInOrder() {
        let plain = PlainText.render(Self.document, width: 40)
        // Japanese has no spaces: a wrapped line cuts a "word", so its letters are checked one by one.
        // A fence's language names the block; it is not text of the page.
        let text = Self.source.replacingOccurrences(of: "```python", with: "```")
        let expected = PlainTextTests.bodyWords(ofSource: text).flatMap { word in
            word.allSatisfy(\.isASCII) ? [word] : word.map { String($0) }
        }
        XCTAssertGreaterThan(expected.count, 40)
        var output = PlainTextTests.words(plain).flatMap { word in
            word.allSatisfy(\.isASCII) ? [word] : word.map { String($0) }
        }[...]
        for word in expected {
            guard let found = output.firstIndex(of: word) else {
                return XCTFail("'\(word)' is missing (or out of order) in the plain output:\n\(plain)")
            }
            output = output[(found + 1)...]
        }
    }
}
