@testable import PivotDocument
import PivotTestSupport
import XCTest

/// Sentences are read by Unicode scalars; they must cut where a reading by characters
/// (grapheme clusters, the reference below) cuts, on text of many scripts.
final class SentenceSplitTests: XCTestCase {
    /// The first implementation, by characters: the reference.
    private func referenceSplit(_ text: String) -> [String] {
        let characters = Array(text)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if ".!?:".contains(character), index + 1 < characters.count, characters[index + 1].isWhitespace {
                var next = index + 1
                while next < characters.count, characters[next].isWhitespace { next += 1 }
                let follower = next < characters.count ? characters[next] : " "
                if follower.isUppercase || follower.isNumber || "\"'“‘([".contains(follower) {
                    sentences.append(String(characters[start...index]).trimmingSpaces())
                    start = next
                    index = next
                    continue
                }
            }
            index += 1
        }
        let tail = String(characters[min(start, characters.count)...]).trimmingSpaces()
        if !tail.isEmpty { sentences.append(tail) }
        return sentences
    }

    func testExamples() {
        XCTAssertEqual(Sentences.split("One. Two! three? Four: 5 items. “Quoted.” (Aside.)"),
                       ["One.", "Two! three?", "Four:", "5 items.", "“Quoted.” (Aside.)"], "no cut after a closing quote")
        XCTAssertEqual(Sentences.split("Trailing.   "), ["Trailing."])
        XCTAssertEqual(Sentences.split("e.g. this stays. Ⅳ counts as a capital"), ["e.g. this stays.", "Ⅳ counts as a capital"])
        XCTAssertEqual(Sentences.split(""), [])
    }

    /// Random text of letters of several scripts, capitals, digits (Arabic-Indic and fullwidth
    /// too), the four marks, quotes, brackets, spaces, tabs, CRLF, CJK and emoji: both readings
    /// give the same sentences. (Combining marks are left out: attached to a space or a mark,
    /// a cluster and its first scalar can disagree, in text no page has.)
    func testScalarsCutWhereCharactersCut() {
        let alphabet = Array("abcXYZéÉßçΩωЖжअआ日本語한글٣٤５1ⅣǅIJ.!?: \t\r\n\"'“‘([)]…-,;🙂👍🏽🇫🇷")
        var random = SeededGenerator(state: 0x5E7E)
        for _ in 0..<3_000 {
            let text = String((0..<Int.random(in: 0...80, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            XCTAssertEqual(Sentences.split(text), referenceSplit(text), text.debugDescription)
        }
    }

    /// Titles collapse whitespace by bytes when the text is ASCII: the same words as a split by
    /// characters, whatever the mix of spaces, tabs, vertical tabs, form feeds, CR, LF and CR LF.
    func testWhitespaceCollapsesByBytesAsByCharacters() {
        let pieces = ["a", "Be", "x.", ":", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "-", "\u{7F}", "\u{1F}"]
        var generator = SeededGenerator(state: 5122026)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let byCharacters = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            XCTAssertEqual(Sentences.collapsingWhitespace(text), byCharacters, text.debugDescription)
        }
        XCTAssertEqual(Sentences.collapsingWhitespace("no\u{A0}break\u{2003}em  café\n"), "no break em café",
                       "other text splits by character, on Unicode's spaces too")
    }
}
