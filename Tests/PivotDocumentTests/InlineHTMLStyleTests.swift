import XCTest
@testable import PivotDocument

/// `<sup>`, `<sub>` and `<mark>` as a terminal can show them.
final class InlineHTMLStyleTests: XCTestCase {
    private func paragraph(_ text: String) -> Inlines {
        for block in PageParser.document(from: text).blocks { if case .paragraph(let spans) = block.kind { return spans } }
        return []
    }

    func testSuperscriptsSubscriptsAndMarks() {
        XCTAssertEqual(paragraph("E = mc<sup>2</sup>, H<sub>2</sub>O, the 1<sup>st</sup>.").plainText,
                       "E = mc², H₂O, the 1^(st).")
        XCTAssertEqual(paragraph("<p>x<sup>10</sup> and a<sub>n</sub></p>").plainText, "x¹⁰ and a_(n)")
        let marked = paragraph("Some <mark>marked</mark> words.")
        XCTAssertEqual(marked.first { $0.text == "marked" }?.style, .mark)
    }
}
