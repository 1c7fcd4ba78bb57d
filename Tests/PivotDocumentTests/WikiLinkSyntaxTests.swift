import XCTest
@testable import PivotDocument

/// `[[Page name]]` and `[[Page name|text]]` as links, never inside code.
final class WikiLinkSyntaxTests: XCTestCase {
    func testWikiLinks() {
        let document = PageParser.document(from: "See [[Home Page]], [[notes/todo|my list]] and [[Guide#setup]].\n")
        XCTAssertEqual(document.links, [
            Link(text: "Home Page", target: "Home Page", isWiki: true),
            Link(text: "my list", target: "notes/todo", isWiki: true),
            Link(text: "Guide#setup", target: "Guide#setup", isWiki: true),
        ])
        guard case .paragraph(let spans)? = document.blocks.first?.kind else { return XCTFail("no paragraph") }
        XCTAssertEqual(spans.plainText, "See Home Page, my list and Guide#setup.")
        XCTAssertEqual(spans.filter { $0.link == 1 }.map(\.text), ["my list"])
    }

    func testNotInCodeNorUnclosed() {
        let document = PageParser.document(from: "Code `[[not a link]]`, open [[half and [[a]b]] done.\n\n```\n[[code]]\n```\n")
        XCTAssertTrue(document.links.isEmpty, "\(document.links)")
        guard case .paragraph(let spans)? = document.blocks.first?.kind else { return XCTFail("no paragraph") }
        XCTAssertTrue(spans.plainText.contains("[[not a link]]"))
        XCTAssertTrue(spans.plainText.contains("open [[half"))
    }

    func testMarkdownLinksStillWin() {
        let document = PageParser.document(from: "[[x]](y.md) and [text](z.md)\n")
        XCTAssertEqual(document.links.map(\.isWiki), document.links.map { _ in false })
    }
}
