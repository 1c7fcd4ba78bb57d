import PivotTestSupport
@testable import PivotReader
import XCTest

/// Lines break where UAX #14 allows, as browsers break them: not only at spaces.
final class LineBreakingTests: XCTestCase {
    private func wrap(_ text: String, _ width: Int) -> [String] {
        TextWrapper.wrap([TextWrapper.Piece(text: text, style: .plain)], width: width).map { $0.runs.map(\.text).joined() }
    }

    func testClosingPunctuationNeverStartsALine() {
        // At 10 cells, 。 would begin the second line; it takes the ideograph before it along.
        XCTAssertEqual(wrap("日本語です。次", 10), ["日本語で", "す。次"])
        for width in 4...16 {
            for line in wrap("これは、日本語の文章です。とても長い文章です。", width).dropFirst() {
                XCTAssertFalse(line.hasPrefix("。") || line.hasPrefix("、"), "width \(width): \(line) starts with a closing mark")
            }
        }
    }

    func testOpeningBracketsNeverEndALine() {
        for line in wrap("これは「引用」と（括弧）の文章です。", 8).dropLast() {
            XCTAssertFalse(line.hasSuffix("「") || line.hasSuffix("（"), "\(line) ends with an opening mark")
        }
    }

    func testHyphenatedWordsBreakAfterTheHyphen() {
        XCTAssertEqual(wrap("a well-known name", 9), ["a well-", "known", "name"])
    }

    func testNumbersAndTheirSignsStayTogether() {
        XCTAssertEqual(wrap("costs $1,000.50 today", 12), ["costs", "$1,000.50", "today"])
    }

    func testNoBreakBeforeAnExclamationAfterASpace() {
        // French puts a space before `!`; the mark stays with its word.
        XCTAssertEqual(wrap("aa bbbbbb !", 9), ["aa", "bbbbbb !"])
    }

    func testFlagsAndNoncharactersBreakWithoutHarm() {
        // Debian's libunibreak aborts on these unless they are replaced first (LineBreaks.safeScalar).
        let text = "🇯🇵🇫🇷 flags \u{FFFF} and 🇺🇸🇺🇸🇺🇸🇺🇸 more \u{1F1E6}x"
        for width in 1...12 {
            let lines = wrap(text, width)
            XCTAssertEqual(lines.joined().filter { $0 != " " }, text.filter { $0 != " " }, "width \(width)")
        }
    }

    func testPropertyRandomTextOfEveryScriptFitsAndLosesNothing() {
        var random = SeededGenerator(state: 1_414)
        // Latin, punctuation, CJK with its marks, Hangul, Thai, Arabic, emoji, flags, combining marks.
        let alphabet = Array("ab -/.,!?()「」。、日本한국ไทยعربي🎉👩‍💻🇯🇵é́ 1 2 $%\u{00A0}\u{200B}\u{FFFF}")
        for _ in 0..<2_000 {
            let width = Int.random(in: 1...24, using: &random)
            let text = String((0..<Int.random(in: 0...80, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let lines = wrap(text, width)
            for line in lines {
                XCTAssertLessThanOrEqual(CellWidth.of(line), max(width, 2), "width \(width): \(line.debugDescription) in \(text.debugDescription)")
            }
            let kept: (Character) -> Bool = { $0 != " " && CellWidth.of($0) > 0 }
            XCTAssertEqual(lines.joined().filter(kept), text.filter(kept), "width \(width): \(text.debugDescription)")
        }
    }

    func testPropertyAskingAboutTheLastWordsFirstBreaksAsTheWholeLineDoes() {
        var random = SeededGenerator(state: 31_415)
        let alphabet = Array("ab cd ef -/.,!?()「」。、日本한국ไทยعربي🎉🇯🇵é́ 1 2 $%   word words longer")
        for _ in 0..<1_500 {
            let width = Int.random(in: 50...120, using: &random)
            let text = String((0..<Int.random(in: 40...400, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let pieces = [TextWrapper.Piece(text: text, style: .plain)]
            let windowed = TextWrapper.wrap(pieces, width: width).map { $0.runs.map(\.text).joined() }
            let whole = TextWrapper.wrap(pieces, width: width, breakWindow: 1_000_000).map { $0.runs.map(\.text).joined() }
            XCTAssertEqual(windowed, whole, "width \(width): \(text.debugDescription)")
        }
    }
}
