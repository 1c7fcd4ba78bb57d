import PivotDocument
import XCTest

/// The top of a large page is parsed alone; it must parse as it does within the whole page.
final class PageSplitterTests: XCTestCase {
    private func filler(_ count: Int) -> String {
        (0..<count).map { "Paragraph \($0) with a few words of filler text to take some room.\n\n" }.joined()
    }

    private func cutText(_ text: String, minimum: Int) -> String? {
        PageSplitter.headEnd(of: text, minimum: minimum).map { String(text[..<$0]) }
    }

    func testASmallPageIsNotCut() {
        XCTAssertNil(PageSplitter.headEnd(of: filler(10), minimum: 4096))
    }

    func testTheCutIsBeforeAHeadingWhenOneComesSoon() {
        let text = filler(60) + "## A heading\n\n" + filler(200)
        let head = cutText(text, minimum: 2048)
        XCTAssertNotNil(head)
        XCTAssertTrue(text.dropFirst(head!.utf8.count).hasPrefix("## A heading\n"))
    }

    func testTheCutIsBeforeAParagraphWithoutHeadings() {
        let text = filler(400)
        let head = cutText(text, minimum: 4096)!
        XCTAssertGreaterThanOrEqual(head.utf8.count, 4096)
        XCTAssertTrue(head.hasSuffix("\n\n"))
        XCTAssertTrue(text.dropFirst(head.utf8.count).hasPrefix("Paragraph "))
    }

    /// Blocks that may hold blank lines and paragraph-like lines: no cut inside them.
    func testNoCutInsideBlocksThatHoldBlankLines() {
        let openers = [("```\n", "```\n"), ("~~~~ python\n", "~~~~\n"), ("<!--\n", "-->\n"), ("<pre>\n", "</pre>\n"),
                       ("<script>\n", "</script>\n"), ("{% raw %}\n", "{% endraw %}\n"),
                       ("{% comment %}\n", "{% endcomment %}\n"), ("{% highlight ruby %}\n", "{% endhighlight %}\n")]
        for (open, close) in openers {
            let inside = (0..<200).map { "Inside \($0) looks like a paragraph.\n\n## Like a heading\n\n" }.joined()
            let text = filler(5) + open + inside + close + "\n" + filler(600)
            guard let head = cutText(text, minimum: 1024) else {
                XCTFail("no cut for \(open)")
                continue
            }
            XCTAssertGreaterThan(head.utf8.count, text.utf8.count - filler(600).utf8.count - 2,
                                 "cut inside \(open.trimmingCharacters(in: .newlines))")
        }
    }

    func testNoCutInsideFrontMatter() {
        let yaml = (0..<300).map { "key\($0): value\n\n# not a heading\n" }.joined()
        let text = "---\n" + yaml + "---\n\n" + filler(600)
        let head = cutText(text, minimum: 1024)!
        XCTAssertGreaterThan(head.utf8.count, yaml.utf8.count)
    }

    /// No cut before a list item, so a lead-in paragraph keeps its list (the outline groups them).
    func testNoCutBeforeAListOrAQuoteOrAnIndentedLine() {
        let items = (0..<400).map { "- **item\($0)**: text\n\n1. ordered\n\n> quote\n\n    indented\n\n" }.joined()
        let text = filler(2) + items + "## After\n\n" + filler(400)
        let head = cutText(text, minimum: 512)!
        XCTAssertTrue(text.dropFirst(head.utf8.count).hasPrefix("## After"))
    }

    /// The head's document is the whole page's document cut short: same blocks, orders and sections.
    func testTheHeadParsesAsTheTopOfTheWholePage() {
        var page = "---\ntitle: Split Page\n---\n\n"
        for chapter in 1...300 {
            page += "## Chapter \(chapter)\n\nIt leads into a list:\n\n- **alpha**: one\n- **beta**: two\n\n"
            page += "```\ncode \(chapter)\n\n```\n\nA closing paragraph with a [link](https://example.org/\(chapter)).\n\n"
        }
        let whole = PageParser.document(from: page)
        guard let head = PageParser.head(of: page, minimum: 8192) else { return XCTFail("no head") }
        XCTAssertEqual(head.title, whole.title)
        XCTAssertGreaterThan(head.blocks.count, 10)
        XCTAssertLessThan(head.blocks.count, whole.blocks.count)
        for (index, section) in head.sections.enumerated() {
            XCTAssertEqual(section.title, whole.sections[index].title)
            XCTAssertEqual(section.kind, whole.sections[index].kind)
        }
        XCTAssertEqual(head.links, Array(whole.links.prefix(head.links.count)))
        func orders(_ blocks: [Block]) -> [Int] {
            blocks.flatMap { block -> [Int] in
                if case .section(_, let body) = block.kind { return [block.order] + orders(body) }
                return [block.order]
            }
        }
        let headOrders = orders(head.blocks)
        // The head's last top-level section is cut short; every order before it is the whole page's.
        XCTAssertEqual(Array(orders(whole.blocks).prefix(headOrders.count - 1)), Array(headOrders.dropLast()))
    }
}

/// The end of a large page is cut from its last part only, without the scan from the top.
final class PageEndSplitterTests: XCTestCase {
    private let paragraphs = (0..<300).map { "Paragraph \($0) of the end, with words enough to be a line.\n\n" }.joined()

    func testTheEndIsCutBeforeAParagraphLeavingAtLeastTheMinimum() {
        let chunk = "ragment of a line\n\n" + paragraphs
        let cut = PageSplitter.tailStart(of: chunk, minimum: 4096)!
        let tail = chunk[cut...]
        XCTAssertTrue(tail.hasPrefix("Paragraph "))
        XCTAssertGreaterThanOrEqual(tail.utf8.count, 4096)
        XCTAssertLessThan(tail.utf8.count, 4096 + 200)
    }

    /// A chunk that starts inside a code block: the scan finds the code's end open, and starts
    /// again after it.
    func testAChunkThatStartsInsideCodeIsCutAfterTheCode() {
        let code = (0..<50).map { "Looks like text \($0)\n\n" }.joined() + "```\n\n"
        let chunk = code + paragraphs
        let cut = PageSplitter.tailStart(of: chunk, minimum: 1_000_000)!
        XCTAssertGreaterThan(chunk.utf8.distance(from: chunk.startIndex, to: cut), code.utf8.count - 1)
        XCTAssertTrue(chunk[cut...].hasPrefix("Paragraph 0 "))
    }

    func testNoCutWithoutAParagraphOrHeadingAtTheMargin() {
        let chunk = "text\n\n" + (0..<100).map { "- item \($0)\n\n    indented\n\n> quote\n\n" }.joined()
        XCTAssertNil(PageSplitter.tailStart(of: chunk, minimum: 100))
    }

    /// Blocks are found again in the whole page by their source lines.
    func testTheEndPartsBlocksFindTheirPlaceInTheWholePage() {
        let page = "# Title\n\n" + paragraphs
        let whole = PageParser.document(from: page)
        let cut = PageSplitter.tailStart(of: page, minimum: 2048)!
        let linesBefore = page[..<cut].filter { $0 == "\n" }.count
        let end = PageParser.document(from: String(page[cut...]))
        for block in end.blocks.prefix(20) {
            guard case .paragraph(let spans) = block.kind,
                  let order = whole.order(atLine: block.line + linesBefore),
                  let line = whole.line(ofOrder: order) else { return XCTFail("no place for \(block)") }
            XCTAssertEqual(line, block.line + linesBefore)
            let match = whole.blocks.first { $0.order == order }
            guard case .paragraph(let wholeSpans)? = match?.kind else { return XCTFail("not a paragraph") }
            XCTAssertEqual(wholeSpans.plainText, spans.plainText)
        }
    }
}
