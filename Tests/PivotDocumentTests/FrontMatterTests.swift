import XCTest
@testable import PivotDocument

final class FrontMatterTests: XCTestCase {
    func testSplitsYAMLAndKeepsLineNumbers() {
        let page = "---\ntitle: Hello\npermalink: /hello/\n---\n\nBody text\n"
        let split = FrontMatter.split(page)
        XCTAssertEqual(split.values["title"]?.string, "Hello")
        XCTAssertEqual(split.values["permalink"]?.string, "/hello/")
        XCTAssertNil(split.warning)
        let lines = split.body.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[5], "Body text", "front matter lines are blanked, not removed")
        XCTAssertFalse(split.body.contains("title"))
    }

    func testNoFrontMatterLeavesTextAlone() {
        let split = FrontMatter.split("# Title\n\ntext\n")
        XCTAssertEqual(split.values, .null)
        XCTAssertEqual(split.body, "# Title\n\ntext\n")
    }

    func testUnclosedFrontMatterIsTextWithAWarning() {
        let split = FrontMatter.split("---\ntitle: x\nno end\n")
        XCTAssertEqual(split.values, .null)
        XCTAssertNotNil(split.warning)
    }

    func testMalformedYAMLWarnsAndTheBodyStillRenders() {
        let document = PageParser.document(from: "---\ntitle: [unclosed\n---\n\nThe body.\n")
        XCTAssertTrue(document.warnings.contains { $0.contains("not valid YAML") }, "\(document.warnings)")
        XCTAssertEqual(PlainTextProbe.words(of: document), ["The", "body"])
    }

    func testFrontMatterThatIsNotAMappingIsIgnored() {
        let split = FrontMatter.split("---\n- a\n- b\n---\ntext\n")
        XCTAssertEqual(split.values, .null)
        XCTAssertNotNil(split.warning)
    }

    func testFrontMatterOnlyPageHasAnEmptyBody() {
        let document = PageParser.document(from: "---\ntitle: Only\n---")
        XCTAssertEqual(document.title, "Only")
        XCTAssertTrue(document.blocks.isEmpty)
    }

    func testWindowsLineEndsAreRead() throws {
        let text = try PageSource.text(from: Array("---\r\ntitle: CRLF\r\n---\r\n\r\nBody\r\n".utf8))
        XCTAssertEqual(PageParser.document(from: text).title, "CRLF")
    }
}

/// Words of a document's body as a reader sees them (letters and digits), for assertions.
enum PlainTextProbe {
    static func words(of document: Document) -> [String] {
        var text = ""
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .paragraph(let spans), .heading(_, let spans): text += spans.plainText + " "
                case .section(_, let body), .quote(let body): visit(body)
                case .list(let list): list.items.forEach { visit($0.blocks) }
                case .code(_, let code): text += code + " "
                default: break
                }
            }
        }
        visit(document.blocks)
        return text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
}
