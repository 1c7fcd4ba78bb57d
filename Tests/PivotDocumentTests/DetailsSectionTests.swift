import XCTest
@testable import PivotDocument

/// `<details>` with `<summary>`: a section titled by its summary, folded at first unless `open`;
/// nested details nest.
final class DetailsSectionTests: XCTestCase {
    static let page = """
        Intro text.

        <details>
        <summary>Click to <b>expand</b></summary>

        Hidden **markdown** text.

        <details open>
        <summary>Inner open</summary>

        Inner words.

        </details>

        </details>

        After the details.
        """

    func testDetailsBecomeSectionsTitledByTheirSummary() throws {
        let document = PageParser.document(from: Self.page)
        let outer = try XCTUnwrap(document.sections.first { $0.title == "Click to expand" })
        let inner = try XCTUnwrap(document.sections.first { $0.title == "Inner open" })
        XCTAssertTrue(outer.startsFolded)
        XCTAssertFalse(inner.startsFolded)
        XCTAssertEqual(inner.parent, outer.id)
        XCTAssertEqual(document.sections.count, 2)
    }

    func testNoTagShowsAndNothingIsLost() {
        let document = PageParser.document(from: Self.page)
        var words: [String] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .paragraph(let spans): words.append(spans.plainText)
                case .section(_, let body): visit(body)
                default: break
                }
            }
        }
        visit(document.blocks)
        XCTAssertEqual(words, ["Intro text.", "Click to expand", "Hidden markdown text.", "Inner open", "Inner words.",
                               "After the details."])
    }

    func testAnUnclosedDetailsRunsToTheEnd() throws {
        let document = PageParser.document(from: "<details>\n<summary>Open end</summary>\n\nText.\n\nMore.\n")
        XCTAssertEqual(document.sections.map(\.title), ["Open end"])
    }
}
