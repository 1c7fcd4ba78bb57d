import XCTest
@testable import PivotReader
import PivotTestSupport

final class TextWrapperTests: XCTestCase {
    private func wrap(_ text: String, _ width: Int) -> [String] {
        TextWrapper.wrap([TextWrapper.Piece(text: text, style: CellStyle())], width: width)
            .map { $0.runs.map(\.text).joined() }
    }

    func testWrapsAtSpaces() {
        XCTAssertEqual(wrap("the quick brown fox jumps", 10), ["the quick", "brown fox", "jumps"])
    }

    /// ASCII letters are read a byte at a time; a letter followed by a combining mark, an emoji
    /// sequence or CR LF is still one character (one cell, never cut, its offset counted once).
    func testALetterWithACombiningMarkStaysOneCharacter() {
        XCTAssertEqual(wrap("cafe\u{301}s abcde\u{301}f", 5), ["cafés", "abcdé", "f"])
        XCTAssertEqual(wrap("ab \u{1F44D}\u{1F3FD} cd", 4), ["ab", "\u{1F44D}\u{1F3FD}", "cd"], "the emoji takes two cells")
        let lines = TextWrapper.wrap([TextWrapper.Piece(text: "ab\ncd\u{301}e fg", style: CellStyle())], width: 4)
        XCTAssertEqual(lines.map { $0.runs.map(\.text).joined() }, ["ab", "cd\u{301}e", "fg"])
        XCTAssertEqual(lines.map(\.offset), [0, 3, 7], "offsets count characters, not bytes")
    }

    func testBreaksWordsWiderThanTheLine() {
        XCTAssertEqual(wrap("abcdefghijkl xy", 5), ["abcde", "fghij", "kl xy"])
    }

    func testWideCharactersNeverStraddleTheEdge() {
        // Each CJK character takes two cells: five of them fill ten cells exactly.
        XCTAssertEqual(wrap("日本語日本語", 5), ["日本", "語日", "本語"])
        XCTAssertEqual(wrap("ab 日本語", 6), ["ab 日", "本語"])
        for line in wrap("x 🎉🎉🎉 y 漢字漢字漢字 z", 7) { XCTAssertLessThanOrEqual(CellWidth.of(line), 7, line) }
    }

    func testCellWidths() {
        XCTAssertEqual(CellWidth.of("a"), 1)
        XCTAssertEqual(CellWidth.of("日"), 2)
        XCTAssertEqual(CellWidth.of("🎉"), 2)
        XCTAssertEqual(CellWidth.of("e\u{301}"), 1, "a combining mark adds no cell")
        XCTAssertEqual(CellWidth.of("👩‍💻"), 2, "a joined emoji is one wide glyph")
        XCTAssertEqual(CellWidth.of("🇫🇷"), 2)
        XCTAssertEqual(CellWidth.of("❤️"), 2)
        XCTAssertEqual(CellWidth.of("日本 ok"), 7)
    }

    func testOffsetsPointAtEachLinesFirstCharacter() {
        let text = "one two three four"
        let lines = TextWrapper.wrap([TextWrapper.Piece(text: text, style: CellStyle())], width: 8)
        for line in lines {
            let first = line.runs.first!.text.first!
            XCTAssertEqual(Array(text)[line.offset], first)
        }
    }

    func testPropertyEveryLineFitsAndNoLetterIsLost() {
        var random = SeededGenerator(state: 42)
        let alphabet = Array("ab cd ef 日本 é́ 🎉 x")
        for _ in 0..<500 {
            let width = Int.random(in: 1...30, using: &random)
            let text = String((0..<Int.random(in: 0...120, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let lines = wrap(text, width)
            for line in lines {
                XCTAssertLessThanOrEqual(CellWidth.of(line), max(width, 2), "width \(width): \(line)")
            }
            XCTAssertEqual(lines.joined().filter { $0 != " " }, text.filter { $0 != " " }, "width \(width)")
        }
    }
}

/// A link's number stays whole on one line, even when the word before it is cut.
final class LinkNumberWrapTests: XCTestCase {
    func testTheNumberIsNeverSplit() {
        let link = CellStyle(.link, .underline, link: 94)
        let number = CellStyle(.muted, .dim, link: 94)
        for width in 8...14 {
            let lines = TextWrapper.wrap([TextWrapper.Piece(text: "AdoptAPet", style: link),
                                          TextWrapper.Piece(text: "[95]", style: number)], width: width)
            let texts = lines.map { $0.runs.map(\.text).joined() }
            XCTAssertTrue(texts.contains { $0.contains("[95]") }, "width \(width): \(texts)")
            XCTAssertEqual(texts.joined(), "AdoptAPet[95]", "width \(width)")
        }
    }
}
