import XCTest
@testable import PivotDocument

/// Footnotes (GFM and kramdown write them alike): references are links to their notes, and the
/// notes come at the end of the page, numbered, each with its anchor.
final class FootnoteTests: XCTestCase {
    static let page = """
        Apples keep[^keep] well, and pears[^2] do not.

        [^keep]: In a cool cellar,
            for months.
        [^2]: Eat them soon.

        The end of the text.
        """

    func testReferencesAreLinksToTheirNotes() throws {
        let document = PageParser.document(from: Self.page)
        XCTAssertEqual(document.links, [Link(text: "note 1", target: "#fn-1"), Link(text: "note 2", target: "#fn-2")])
        guard case .paragraph(let spans)? = document.blocks.first?.kind else { return XCTFail("no paragraph") }
        XCTAssertEqual(spans.plainText, "Apples keep¹ well, and pears² do not.")
        XCTAssertFalse(spans.plainText.contains("[^"))
    }

    func testNotesComeLastWithTheirNumbersAndAnchors() throws {
        let document = PageParser.document(from: Self.page)
        let paragraphs = document.blocks.compactMap { block -> (text: String, order: Int)? in
            if case .paragraph(let spans) = block.kind { return (spans.plainText, block.order) }
            return nil
        }
        XCTAssertEqual(paragraphs.map(\.text), ["Apples keep¹ well, and pears² do not.", "The end of the text.",
                                                "¹ In a cool cellar, for months.", "² Eat them soon."])
        XCTAssertEqual(document.order(ofAnchor: "fn-1"), paragraphs[2].order)
        XCTAssertEqual(document.order(ofAnchor: "fn-2"), paragraphs[3].order)
    }

    func testMarkers() {
        XCTAssertEqual(Footnotes.marker("12"), "¹²")
        XCTAssertEqual(Footnotes.marker("x"), "^x")
    }
}
