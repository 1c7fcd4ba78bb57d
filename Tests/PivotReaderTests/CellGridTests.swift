import PivotTestSupport
import XCTest
@testable import PivotReader

/// `CellGrid.put` reads printable ASCII a byte at a time and everything else a character at a
/// time; whatever the text, the cells must be those of the character-by-character reading.
final class CellGridTests: XCTestCase {
    /// The plain reading: every character in turn, as `put` worked before its ASCII path.
    private func putByCharacters(_ text: String, into grid: inout CellGrid, row: Int, column: Int, style: CellStyle) -> Int {
        guard row >= 0, row < grid.height else { return column }
        var x = column
        for character in text {
            let cells = CellWidth.of(character)
            if cells == 0 { continue }
            if x < 0 { x += cells; continue }
            if x + cells > grid.width {
                if x < grid.width { grid[row, x] = Cell(" ", style) }
                return grid.width
            }
            grid[row, x] = Cell(String(character), style)
            if cells == 2 { grid[row, x + 1] = Cell("", style) }
            x += cells
        }
        return x
    }

    func testPuttingAnyTextGivesTheCellsOfACharacterByCharacterReading() {
        // ASCII with the marks, joiners and pairs that join onto it, wide and zero-width text.
        let pieces = ["a", "b", "Z", " ", "~", "1", "\r\n", "\r", "\n", "\t", "\u{1B}", "\u{7F}", "\u{301}", "\u{308}",
                      "中", "文", "é", "e\u{301}", "👍", "👍🏽", "❤️", "👨‍👩‍👧", "🇫🇷", "🇫", "\u{200D}", "\u{FE0F}",
                      "\u{0600}", "ก", "\u{E33}", "가", "\u{1100}\u{1161}", "\u{11A8}", "─", "│", "▾", "•", "—", "…", "“",
                      "·", "ß", "Ж", "λ", "☺", "カ", "\u{3099}", "\u{AD}", "\u{2028}", "\u{1F3FD}", "\u{94D}"]
        var generator = SeededGenerator(state: 20261205)
        for round in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let width = Int.random(in: 1...12, using: &generator)
            let column = Int.random(in: -4...14, using: &generator)
            let style = CellStyle(round % 2 == 0 ? .text : .link, round % 3 == 0 ? .bold : [])
            assertPutMatchesTheCharacterReading(text, into: CellGrid(width: width, height: 2), column: column, style: style)
        }
    }

    /// Printable ASCII alone takes `put`'s in-place path: the same cells and end column as the
    /// character-by-character reading, clipped on either side or not, empty or not.
    func testPuttingPrintableASCIIGivesTheCellsOfACharacterByCharacterReading() {
        var generator = SeededGenerator(state: 20261206)
        for round in 0..<3_000 {
            let length = Int.random(in: 0...20, using: &generator)
            let text = String((0..<length).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &generator))) })
            let width = Int.random(in: 1...12, using: &generator)
            let column = Int.random(in: -25...14, using: &generator)
            let style = CellStyle(round % 2 == 0 ? .text : .code, round % 3 == 0 ? .bold : [])
            var grid = CellGrid(width: width, height: 2)
            grid.put("#", row: 1, column: 0, style: .plain)  // a cell to overwrite, or to keep
            assertPutMatchesTheCharacterReading(text, into: grid, column: column, style: style)
        }
    }

    /// `put` of `text` on row 1 of `grid` gives the cells and end column of `putByCharacters`.
    private func assertPutMatchesTheCharacterReading(_ text: String, into grid: CellGrid, column: Int, style: CellStyle,
                                                     file: StaticString = #filePath, line: UInt = #line) {
        var expected = grid
        var actual = grid
        let expectedEnd = putByCharacters(text, into: &expected, row: 1, column: column, style: style)
        let actualEnd = actual.put(text, row: 1, column: column, style: style)
        let what = "\(text.debugDescription) at \(column) in \(grid.width)"
        XCTAssertEqual(actualEnd, expectedEnd, what, file: file, line: line)
        XCTAssertTrue(actual == expected, "\(what): \(cells(actual)) instead of \(cells(expected))", file: file, line: line)
    }

    /// The written row's cells, their texts and styles, short enough to read in a failure.
    private func cells(_ grid: CellGrid) -> String {
        grid.row(1).map { "\($0.text.debugDescription)\($0.style == .plain ? "" : "*")" }.joined(separator: " ")
    }

    func testRowsCompareCellByCellAcrossGrids() {
        var first = CellGrid(width: 6, height: 3)
        first.put("ab中", row: 0, column: 0, style: .plain)
        first.put("ab中", row: 2, column: 1, style: .plain)
        var second = CellGrid(width: 6, height: 2)
        second.put("ab中", row: 1, column: 0, style: .plain)
        XCTAssertTrue(first.row(0, isTheSameAs: 1, of: second))
        XCTAssertFalse(first.row(2, isTheSameAs: 1, of: second), "the same text one column over")
        XCTAssertTrue(first.row(1, isTheSameAs: 0, of: second), "blank rows")
        var restyled = second
        restyled.restyle(row: 1, columns: 1..<2) { $0.attributes.insert(.bold) }
        XCTAssertFalse(first.row(0, isTheSameAs: 1, of: restyled), "one cell in bold")
        XCTAssertFalse(first.row(0, isTheSameAs: 2, of: second), "a row past the other grid's end")
        XCTAssertFalse(first.row(0, isTheSameAs: 0, of: CellGrid(width: 5, height: 3)), "another width")
    }
}

/// `LoneScalar` lets `CellGrid.put` skip grapheme breaking; checked against `Character`'s.
final class LoneScalarTests: XCTestCase {
    /// Every scalar `isCharacter` accepts, before ASCII, before itself and after ASCII, stays a
    /// character of its own: no plain scalar is a prefix, a mark, a joiner, a jamo or a flag half.
    func testEveryPlainScalarIsACharacterOfItsOwnNextToAnyPlainScalar() {
        var plain = 0
        for value in UInt32(0x20)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value), LoneScalar.isCharacter(scalar, before: nil) else { continue }
            plain += 1
            let alone = String(scalar)
            XCTAssertEqual((alone + "a").count, 2, "U+\(String(value, radix: 16)) before ASCII")
            XCTAssertEqual(("a" + alone).count, 2, "U+\(String(value, radix: 16)) after ASCII")
            XCTAssertEqual((alone + alone).count, 2, "U+\(String(value, radix: 16)) twice")
            XCTAssertEqual(CellWidth.of(scalar), CellWidth.of(Character(scalar)), "U+\(String(value, radix: 16))")
        }
        XCTAssertGreaterThan(plain, 20_000, "the blocks of rules, punctuation, Latin and CJK")
    }

    func testScalarsThatJoinWhatFollowsOrPrecedesAreLeftToCharacter() {
        let joining: [(Unicode.Scalar, Unicode.Scalar?)] = [
            ("e", "\u{301}"), ("─", "\u{FE0F}"), ("☺", "\u{FE0F}"), ("•", "\u{200D}"), ("가", "\u{11A8}"),
            ("\u{1100}", "\u{1161}"), ("\r", "\n"), ("\u{1F1EB}", "\u{1F1F7}"), ("\u{600}", "1"), ("カ", "\u{3099}"),
            ("\u{AD}", nil), ("\u{200D}", nil), ("\u{2028}", nil),
        ]
        for (scalar, next) in joining {
            XCTAssertFalse(LoneScalar.isCharacter(scalar, before: next), "\(scalar) before \(String(describing: next))")
        }
        XCTAssertTrue(LoneScalar.isCharacter("─", before: "─"))
        XCTAssertTrue(LoneScalar.isCharacter("é", before: "—"))
        XCTAssertTrue(LoneScalar.isCharacter("中", before: nil))
    }
}
