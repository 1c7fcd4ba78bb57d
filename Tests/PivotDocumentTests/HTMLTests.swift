import XCTest
@testable import PivotDocument

final class HTMLTests: XCTestCase {
    func testTokenizerFindsTagsAttributesAndComments() {
        let tokens = HTMLTokenizer.tokens("<img class=\"a b\" alt='pic' width=400px;><!-- c --><p>x &amp; y</p>")
        XCTAssertEqual(tokens, [
            .start(name: "img", attributes: ["class": "a b", "alt": "pic", "width": "400px;"], selfClosing: false),
            .comment, .start(name: "p", attributes: [:], selfClosing: false), .text("x & y"), .end(name: "p"),
        ])
    }

    func testALessThanThatOpensNoTagIsText() {
        XCTAssertEqual(HTMLTokenizer.tokens("1 < 2"), [.text("1 < 2")])
    }

    func testEntities() {
        XCTAssertEqual(HTMLEntities.decode("&lt;a&gt; &#65;&#x42; &mdash; &unknown; &#0; &#xD800;"),
                       "<a> AB \u{2014} &unknown; \u{FFFD} \u{FFFD}")
    }

    func testHTMLBlocksKeepHeadingsRulesAndImages() {
        let page = "<h1 class=\"t\">Big</h1>\n<hr>\n\n<img src=\"https://host.example/x.gif\" alt=\"pic\">\n\n<!-- <p>hidden</p> -->\n"
        let kinds = PageParser.document(from: page).blocks.map(\.kind)
        guard kinds.count == 3 else { return XCTFail("\(kinds)") }
        if case .heading(1, let spans) = kinds[0] { XCTAssertEqual(spans.plainText, "Big") } else { XCTFail("\(kinds[0])") }
        if case .rule = kinds[1] {} else { XCTFail("\(kinds[1])") }
        if case .image(let image) = kinds[2] {
            XCTAssertEqual(image, Image(alt: "pic", source: "https://host.example/x.gif"))
        } else { XCTFail("\(kinds[2])") }
    }

    func testScriptsAndStylesVanishOtherTagsKeepTheirText() {
        let document = PageParser.document(from: "<div><script>alert(1)</script><style>p{}</style><span>kept</span></div>\n")
        XCTAssertEqual(PlainTextProbe.words(of: document), ["kept"])
    }

    func testInlineHTMLStylesAndLinks() {
        let document = PageParser.document(from: "a <u><i>under</i></u> and <a href=\"/t\">there</a><br>next\n")
        guard case .paragraph(let spans)? = document.blocks.first?.kind else { return XCTFail() }
        XCTAssertTrue(spans.contains { $0.text == "under" && $0.style == [.italic, .underline] }, "\(spans)")
        XCTAssertEqual(document.links, [Link(text: "there", target: "/t")])
        XCTAssertTrue(spans.contains { $0.text == "\n" })
    }

    func testAnAttributeGivenTwiceKeepsItsLastValueAndAttributesCompareInAnyOrder() {
        let tokens = HTMLTokenizer.tokens("<a href=\"/first\" TITLE=t href='/last'>")
        XCTAssertEqual(tokens, [.start(name: "a", attributes: ["title": "t", "href": "/last"], selfClosing: false)])
        guard case .start(_, var attributes, _)? = tokens.first else { return XCTFail("\(tokens)") }
        XCTAssertEqual(attributes.count, 2)
        XCTAssertNil(attributes["alt"])
        attributes["href"] = nil
        XCTAssertEqual(attributes, ["title": "t"])
        XCTAssertNotEqual(attributes, ["title": "other"])
        XCTAssertNotEqual(attributes, ["title": "t", "href": "/last"])
    }
}
