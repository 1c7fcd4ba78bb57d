import XCTest
@testable import PivotDocument

final class MarkdownTests: XCTestCase {
    private func blocks(_ markdown: String) -> [Block.Kind] {
        PageParser.document(from: markdown).blocks.map(\.kind)
    }

    func testInlineStyles() {
        guard case .paragraph(let spans)? = blocks("**b** *i* `c` ~~s~~ [l](http://x.example)").first else { return XCTFail() }
        XCTAssertTrue(spans.contains(Span("b", style: .bold)))
        XCTAssertTrue(spans.contains(Span("i", style: .italic)))
        XCTAssertTrue(spans.contains(Span("c", style: .code)))
        XCTAssertTrue(spans.contains(Span("s", style: .strike)))
        XCTAssertTrue(spans.contains(Span("l", style: .link, link: 0)))
    }

    func testListsNestAndKnowTheirKind() {
        guard case .list(let list)? = blocks("3. one\n4. two\n   - inner\n").first else { return XCTFail() }
        XCTAssertTrue(list.ordered)
        XCTAssertEqual(list.start, 3)
        XCTAssertEqual(list.items.count, 2)
        guard case .list(let inner)? = list.items[1].blocks.last?.kind else { return XCTFail() }
        XCTAssertFalse(inner.ordered)
    }

    func testTablesTaskListsAndAutolinks() {
        let kinds = blocks("| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\nsee www.example.com\n")
        guard case .table(let table) = kinds[0] else { return XCTFail("\(kinds)") }
        XCTAssertEqual(table.alignments, [.left, .right])
        XCTAssertEqual(table.header.map(\.plainText), ["a", "b"])
        XCTAssertEqual(table.rows.map { $0.map(\.plainText) }, [["1", "2"]])
        guard case .list(let tasks) = kinds[1] else { return XCTFail() }
        XCTAssertEqual(tasks.items.map(\.checked), [true, false])
        guard case .paragraph(let spans) = kinds[2] else { return XCTFail() }
        XCTAssertTrue(spans.contains { $0.style.contains(.link) })
    }

    func testCodeQuotesAndRules() {
        let kinds = blocks("```swift\nlet x = 1\n```\n\n> quoted\n\n---\n")
        guard case .code(let language, let text) = kinds[0] else { return XCTFail() }
        XCTAssertEqual(language, "swift")
        XCTAssertEqual(text, "let x = 1")
        guard case .quote(let inner) = kinds[1], case .paragraph = inner.first?.kind else { return XCTFail() }
        guard case .rule = kinds[2] else { return XCTFail() }
    }

    func testAnImageAloneIsAnImageBlock() {
        guard case .image(let image)? = blocks("![a cat](cat.gif)\n").first else { return XCTFail() }
        XCTAssertEqual(image.alt, "a cat")
    }

    func testDeepNestingIsFlattenedNotACrash() {
        let deep = String(repeating: "> ", count: 5000) + "deep text\n"
        let document = PageParser.document(from: deep)
        XCTAssertEqual(PlainTextProbe.words(of: document), ["deep", "text"])
    }
}
