import Foundation
import XCTest
@testable import PivotDocument

/// Every page of the shared corpus (skipped when it is absent): kramdown attribute lists,
/// footnote syntax and GitHub alert markers never show as text outside code.
final class CorpusMarkupTests: XCTestCase {
    /// The page's text as shown, without code blocks and code spans.
    private func prose(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block.kind {
            case .paragraph(let spans), .heading(_, let spans):
                return [spans.filter { !$0.style.contains(.code) }.map(\.text).joined()]
            case .quote(let inner), .section(_, let inner): return prose(inner)
            case .list(let list): return list.items.flatMap { prose($0.blocks) }
            case .table(let table): return ([table.header] + table.rows).flatMap { $0.map { $0.filter { !$0.style.contains(.code) }.map(\.text).joined() } }
            default: return []
            }
        }
    }

    func testNoRawAttributeListsFootnotesOrAlerts() throws {
        let pages = Fixtures.corpusPages()
        guard !pages.isEmpty else { throw XCTSkip("../shared/corpus is absent") }
        for page in pages {
            let text = try String(contentsOf: page, encoding: .utf8)
            let document = PageParser.document(from: text)
            for line in prose(document.blocks) {
                for marker in ["{:", "[^", "[!NOTE]", "[!TIP]", "[!IMPORTANT]", "[!WARNING]", "[!CAUTION]", "<details", "<summary", "<table", "<tr", "<td"] {
                    XCTAssertFalse(line.contains(marker), "\(page.lastPathComponent): \(marker) in \(line.prefix(120))")
                }
            }
        }
    }
}
