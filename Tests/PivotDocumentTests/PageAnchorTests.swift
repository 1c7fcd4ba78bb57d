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
        let document = PageParser.document(from: """
            ## The link tag {#link}

            text

            ### Other {: #other .class}

            more

            ## Wide *one* {#wide .full}

            ## Classed {: .class #late}

            ## No toc {: .no_toc}

            ## Braces {not an id}
            """)
        XCTAssertEqual(document.order(ofAnchor: "link"), order(document, ofHeading: "The link tag"))
        XCTAssertEqual(document.order(ofAnchor: "other"), order(document, ofHeading: "Other"))
        XCTAssertEqual(document.order(ofAnchor: "wide"), order(document, ofHeading: "Wide one"))
        XCTAssertEqual(document.order(ofAnchor: "late"), order(document, ofHeading: "Classed"))
        XCTAssertNotNil(order(document, ofHeading: "No toc"))
        XCTAssertNotNil(order(document, ofHeading: "Braces {not an id}"))
        XCTAssertEqual(document.sections.map(\.title).filter { $0.contains("{") }, ["Braces {not an id}"])
    }

    func testKramdownAutomaticIDsBesideGitHubSlugs() {
        let document = PageParser.document(from: "## 1. First steps\n\ntext\n\n## 2. First steps\n\ntext\n\n## snake_case\n\ntext\n")
        let first = order(document, ofHeading: "1. First steps")
        let second = order(document, ofHeading: "2. First steps")
        XCTAssertEqual(document.order(ofAnchor: "1-first-steps"), first, "GitHub keeps digits")
        XCTAssertEqual(document.order(ofAnchor: "first-steps"), first, "kramdown drops what comes before the first letter")
        XCTAssertEqual(document.order(ofAnchor: "first-steps-1"), second, "kramdown numbers its repeats")
        XCTAssertEqual(document.order(ofAnchor: "2-first-steps"), second)
        XCTAssertEqual(document.order(ofAnchor: "snake_case"), order(document, ofHeading: "snake_case"))
        XCTAssertEqual(document.order(ofAnchor: "snakecase"), order(document, ofHeading: "snake_case"))
    }

    func testSlugsOfPunctuationEmojiAndOtherScripts() {
        let cases = [
            ("Hello, World!", "hello-world"), ("A -- B", "a----b"), ("Émoji 🎉 party", "émoji--party"),
            ("日本語の見出し", "日本語の見出し"), ("Ünïcödé_Test", "ünïcödé_test"), ("C++ & C#", "c--c"),
        ]
        for (text, slug) in cases { XCTAssertEqual(HeadingIDs.githubSlug(text), slug, text) }
        XCTAssertEqual(HeadingIDs.kramdownID("123"), "section")
        XCTAssertEqual(HeadingIDs.kramdownID("Émoji party"), "moji-party")
    }

    func testAnchorsAreBounded() {
        let blocks = (0..<(HeadingIDs.limit + 50)).map {
            Block(.heading(level: 2, [Span("Same")]), line: $0, order: $0)
        }
        let anchors = HeadingIDs.anchors(of: blocks)
        XCTAssertEqual(anchors.count, HeadingIDs.limit)
        XCTAssertEqual(anchors["same-1"], 1)
    }

    func testHTMLIdsAndNames() {
        let document = PageParser.document(from: """
            <h2 id="html-heading">HTML heading</h2>

            <a name="spot"></a>

            The paragraph after the named spot.

            Inline <span id="inline-id">id</span> here.

            <div id="box">
            Boxed text.
            </div>

            <p>A <a name="in-para">named spot</a> in a paragraph.</p>
            """)
        XCTAssertEqual(document.order(ofAnchor: "html-heading"), order(document, ofHeading: "HTML heading"))
        let spot = document.order(ofAnchor: "spot")
        XCTAssertNotNil(spot)
        XCTAssertNotNil(document.order(ofAnchor: "inline-id"))
        XCTAssertGreaterThan(document.order(ofAnchor: "inline-id")!, spot!)
        XCTAssertNotNil(document.order(ofAnchor: "box"))
        XCTAssertGreaterThan(document.order(ofAnchor: "box")!, document.order(ofAnchor: "inline-id")!)
        XCTAssertGreaterThan(document.order(ofAnchor: "in-para")!, document.order(ofAnchor: "box")!)
        XCTAssertEqual(document.order(ofAnchor: "HTML-Heading"), document.order(ofAnchor: "html-heading"), "any case")
    }
}
