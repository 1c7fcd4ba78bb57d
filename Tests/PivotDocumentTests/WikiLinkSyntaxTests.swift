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

    func testAcrossNodesAndStyles() {
        let document = PageParser.document(from: "*See [[Deep Page]]* then [[a]][[b|B]], [[x|]], [[ ]] and [[a [[Inner]] end.\n")
        XCTAssertEqual(document.links, [
            Link(text: "Deep Page", target: "Deep Page", isWiki: true),
            Link(text: "a", target: "a", isWiki: true),
            Link(text: "B", target: "b", isWiki: true),
            Link(text: "x", target: "x", isWiki: true),
            Link(text: "Inner", target: "Inner", isWiki: true),
        ])
        guard case .paragraph(let spans)? = document.blocks.first?.kind else { return XCTFail("no paragraph") }
        XCTAssertEqual(spans.plainText, "See Deep Page then aB, x, [[ ]] and [[a Inner end.")
        let deep = spans.first { $0.link == 0 }
        XCTAssertEqual(deep?.text, "Deep Page")
        XCTAssertEqual(deep.map { $0.style.contains(.italic) && $0.style.contains(.link) }, true)
    }

    func testInHeadingsAndNotInLinks() {
        let document = PageParser.document(from: "## About [[Team]]\n\n[see [[Team]]](team.md)\n")
        XCTAssertEqual(document.links.map(\.isWiki), [true, false])
        XCTAssertEqual(document.links.first?.target, "Team")
    }

    func testSanitisedAndBoundedInTime() {
        let document = PageParser.document(from: "[[Bad\u{7}bell]]\n\n" + String(repeating: "[[", count: 50_000) + "x]]\n")
        XCTAssertEqual(document.links.first?.target, "Bad\u{2407}bell")
        XCTAssertEqual(document.links.count, 2, "the innermost [[x]] of the second paragraph")
        XCTAssertEqual(document.links.last?.target, "x")
    }
}
