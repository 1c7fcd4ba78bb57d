import XCTest
@testable import PivotDocument

/// Jekyll pages read HTML blocks as kramdown does: to the closing tag, across blank lines.
final class KramdownHTMLBlockTests: XCTestCase {
    static let body = """
        <div class="cards">
          <div class="card">

            <table>
              <tr><th>Name</th></tr>

              <tr><td>Apple</td></tr>
            </table>

          </div>
        </div>

        After the cards.
        """

    private func kinds(_ document: Document) -> [String] {
        func visit(_ blocks: [Block]) -> [String] {
            blocks.flatMap { block -> [String] in
                switch block.kind {
                case .section(_, let body): return visit(body)
                case .code: return ["code"]
                case .table: return ["table"]
                case .paragraph(let spans): return ["paragraph: " + spans.plainText]
                default: return ["other"]
                }
            }
        }
        return visit(document.blocks)
    }

    func testAJekyllPageKeepsTheElementWhole() {
        let document = PageParser.document(from: "---\ntitle: Cards\n---\n" + Self.body)
        XCTAssertEqual(kinds(document), ["table", "paragraph: After the cards."])
    }

    func testAPlainMarkdownPageKeepsCommonMarksRule() {
        let document = PageParser.document(from: Self.body)
        XCTAssertTrue(kinds(document).contains("code"), "\(kinds(document))")
    }

    func testFencedCodeAndPreAreLeftAlone() {
        let page = "---\ntitle: Code\n---\n```html\n<div>\n\n</div>\n```\n\n<pre>\nline\n\nafter blank\n</pre>\n"
        let document = PageParser.document(from: page)
        guard case .code(_, let code)? = document.blocks.first?.kind else { return XCTFail("no code block first") }
        XCTAssertTrue(code.contains("<div>\n\n</div>"), code.debugDescription)
    }
}
