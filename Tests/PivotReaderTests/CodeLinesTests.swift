import PivotDocument
@testable import PivotReader
import XCTest

/// Highlighted code laid out: each token's characters in its kind's role, the rest in the text
/// colour, styles kept across wrapped lines, a line-number gutter, and highlighters' mistakes
/// (offsets inside a character or past the line) never crashing or garbling the text.
final class CodeLinesTests: XCTestCase {
    private func roles(_ piece: CodeLines.Piece) -> [(String, ColorRole)] {
        piece.map { ($0.text, $0.style.role) }
    }

    func testTokensColourTheirCharactersAndTheRestIsText() {
        let lines = CodeLines(text: "def f():\n    return 42",
                              tokens: [CodeToken(line: 0, start: 0, length: 3, kind: .keyword),
                                       CodeToken(line: 1, start: 4, length: 6, kind: .keyword),
                                       CodeToken(line: 1, start: 11, length: 2, kind: .number)],
                              showsLineNumbers: false)
        let pieces = lines.pieces(width: 40)
        XCTAssertEqual(pieces.count, 2)
        XCTAssertEqual(roles(pieces[0]).map(\.0), ["def", " f():"])
        XCTAssertEqual(roles(pieces[0]).map(\.1), [.codeKeyword, .text])
        XCTAssertEqual(roles(pieces[1]).map(\.0), ["    ", "return", " ", "42"])
        XCTAssertEqual(roles(pieces[1]).map(\.1), [.text, .codeKeyword, .text, .codeNumber])
        XCTAssertTrue(pieces[0][0].style.attributes.contains(.bold), "keywords are bold, for terminals without colour")
    }

    func testACommentIsDimAndUnhighlightedCodeKeepsTheCodeColour() {
        let comment = CodeLines(text: "# note", tokens: [CodeToken(line: 0, start: 0, length: 6, kind: .comment)],
                                showsLineNumbers: false).pieces(width: 40)
        XCTAssertEqual(comment[0][0].style.role, .codeComment)
        XCTAssertTrue(comment[0][0].style.attributes.contains(.dim))
        let plain = CodeLines(text: "anything", tokens: [], showsLineNumbers: false).pieces(width: 40)
        XCTAssertEqual(roles(plain[0]).map(\.1), [.code])
    }

    func testWrappedLinesKeepTheirStyles() {
        let lines = CodeLines(text: "aaaa\"bbbbbb\"", tokens: [CodeToken(line: 0, start: 4, length: 8, kind: .string)],
                              showsLineNumbers: false)
        let pieces = lines.pieces(width: 6)
        XCTAssertEqual(pieces.map { $0.map(\.text).joined() }, ["aaaa\"b", "bbbbb\""])
        XCTAssertEqual(roles(pieces[0]).map(\.1), [.text, .codeString])
        XCTAssertEqual(roles(pieces[1]).map(\.1), [.codeString])
    }

    func testLineNumbersSitInAGutterOnEachLinesFirstScreenLine() {
        let text = (1...10).map { "line \($0)" }.joined(separator: "\n")
        let pieces = CodeLines(text: text, tokens: [], showsLineNumbers: true).pieces(width: 9)
        // A gutter of three cells ("10" and a space); "line 10" wraps onto a second screen line.
        XCTAssertEqual(pieces.first?.map(\.text), [" 1 ", "line 1"])
        XCTAssertEqual(pieces.first?.first?.style.role, .muted)
        XCTAssertEqual(pieces.suffix(2).map { $0.map(\.text).joined() }, ["10 line 1", "   0"])
    }

    func testOffsetsInsideACharacterOrPastTheLineAreHarmless() {
        let text = "é = \"ü\"  // ✓"
        let tokens = [CodeToken(line: 0, start: 1, length: 1, kind: .variable),   // inside é
                      CodeToken(line: 0, start: 5, length: 4, kind: .string),
                      CodeToken(line: 0, start: 12, length: 500, kind: .comment),   // runs past the end
                      CodeToken(line: 7, start: 0, length: 3, kind: .keyword)]      // no such line
        let pieces = CodeLines(text: text, tokens: tokens, showsLineNumbers: false).pieces(width: 80)
        XCTAssertEqual(pieces.count, 1)
        XCTAssertEqual(pieces[0].map(\.text).joined(), text, "every character shown once, in order")
    }

    func testHighlightedBlockOnScreenHasTheRolesAtTheirColumns() {
        var document = PageParser.document(from: "# Code\n\n```python\nimport os\n```\n")
        document.highlightCode { _, _ in [CodeToken(line: 0, start: 0, length: 6, kind: .preprocessor)] }
        let layout = Layout(document: document, options: LayoutOptions(width: 40), folds: [])
        let line = layout.lines.first { $0.runs.map(\.text).joined().contains("import") }
        XCTAssertEqual(line?.runs.map(\.text), ["import", " os"])
        XCTAssertEqual(line?.runs.map(\.style.role), [.codePreprocessor, .text])
        let column = line?.runs.first?.column ?? 0
        XCTAssertGreaterThan(column, 0, "code is indented")
        XCTAssertEqual(line?.runs.last?.column, column + 6, "the plain rest starts after the token")
    }
}
