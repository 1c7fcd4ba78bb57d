import XCTest
@testable import PivotDocument

/// `#anchor` targets of a page: heading slugs as GitHub and kramdown make them, and ids the page sets.
final class PageAnchorTests: XCTestCase {
    private func order(_ document: Document, ofHeading text: String) -> Int? {
        var found: Int?
        func visit(_ blocks: [Block]) {
            for block in blocks where found == nil {
                switch block.kind {
                case .heading(_, let spans) where spans.plainText == text: found = block.order
                case .section(_, let body), .quote(let body): visit(body)
                default: break
                }
            }
        }
        visit(document.blocks)
        return found
    }

    func testHeadingSlugs() {
        let document = PageParser.document(from: """
            # Getting Started!
            text
            ## What's new in v2.0?
            text
            ## Intro
            text
            ## Intro
            text
            ## Café & Crème
            text
            """)
        XCTAssertEqual(document.order(ofAnchor: "getting-started"), order(document, ofHeading: "Getting Started!"))
        XCTAssertEqual(document.order(ofAnchor: "whats-new-in-v20"), order(document, ofHeading: "What's new in v2.0?"))
        XCTAssertNotNil(document.order(ofAnchor: "intro"))
        XCTAssertNotNil(document.order(ofAnchor: "intro-1"))
        XCTAssertNotEqual(document.order(ofAnchor: "intro"), document.order(ofAnchor: "intro-1"))
        XCTAssertEqual(document.order(ofAnchor: "café--crème"), order(document, ofHeading: "Café & Crème"))
        XCTAssertEqual(document.order(ofAnchor: "caf%C3%A9--cr%C3%A8me"), order(document, ofHeading: "Café & Crème"))
        XCTAssertEqual(document.order(ofAnchor: "Getting-Started"), order(document, ofHeading: "Getting Started!"))
        XCTAssertNil(document.order(ofAnchor: "nowhere"))
    }

    func testKramdownIDsAreTakenAndNotShown() {
        let document = PageParser.document(from: "## The link tag {#link}\n\ntext\n\n### Other {: #other .class}\n\nmore\n")
        XCTAssertEqual(document.order(ofAnchor: "link"), order(document, ofHeading: "The link tag"))
        XCTAssertEqual(document.order(ofAnchor: "other"), order(document, ofHeading: "Other"))
        XCTAssertEqual(document.sections.map(\.title).filter { $0.contains("{") }, [])
    }

    func testHTMLIdsAndNames() {
        let document = PageParser.document(from: """
            <h2 id="html-heading">HTML heading</h2>

            <a name="spot"></a>

            The paragraph after the named spot.

            Inline <span id="inline-id">id</span> here.
            """)
        XCTAssertEqual(document.order(ofAnchor: "html-heading"), order(document, ofHeading: "HTML heading"))
        let spot = document.order(ofAnchor: "spot")
        XCTAssertNotNil(spot)
        XCTAssertNotNil(document.order(ofAnchor: "inline-id"))
        XCTAssertGreaterThan(document.order(ofAnchor: "inline-id")!, spot!)
    }
}
