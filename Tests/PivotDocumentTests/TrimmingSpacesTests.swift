@testable import PivotDocument
import PivotTestSupport
import XCTest

/// `trimmingSpaces` returns a text that starts and ends with a visible ASCII byte as it is; for
/// every text it must equal the reading by characters (whitespace `Character`s off both ends).
final class TrimmingSpacesTests: XCTestCase {
    private func trimmedByCharacters(_ text: String) -> String {
        var characters = Substring(text)
        while let first = characters.first, first.isWhitespace { characters = characters.dropFirst() }
        while let last = characters.last, last.isWhitespace { characters = characters.dropLast() }
        return String(characters)
    }

    func testAnyTextTrimsAsTheReadingByCharacters() {
        let pieces = ["a", "Z", "!", "~", " ", "\t", "\n", "\r\n", "\u{A0}", "\u{3000}", "\u{2003}", "\u{85}", "\u{301}",
                      "\u{600}", "é", "中", "\u{200D}", "\u{FE0F}", "👍", "\u{1F3FD}", "x\u{20DD}"]
        var generator = SeededGenerator(state: 20261206)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(text.trimmingSpaces(), trimmedByCharacters(text), text.debugDescription)
        }
        XCTAssertEqual(" \u{A0}a b\t".trimmingSpaces(), "a b")
        XCTAssertEqual("a\u{301} ".trimmingSpaces(), "a\u{301}")
    }
}
