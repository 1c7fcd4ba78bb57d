import XCTest
@testable import PivotDocument

/// kramdown's attribute lists never show; callout classes and GitHub alerts make labelled boxes;
/// `{:toc}` becomes the page's table of contents.
final class KramdownAttributeTests: XCTestCase {
    private func plain(_ document: Document) -> String {
        func text(_ blocks: [Block]) -> String {
            blocks.map { block -> String in
                switch block.kind {
                case .paragraph(let spans), .heading(_, let spans): return spans.plainText
                case .quote(let inner), .section(_, let inner): return text(inner)
                case .list(let list): return list.items.map { text($0.blocks) }.joined(separator: "\n")
                case .code(_, let code): return code
                default: return ""
                }
            }.joined(separator: "\n")
        }
        return text(document.blocks)
    }

    private func callouts(_ blocks: [Block]) -> [(Callout, String)] {
        blocks.flatMap { block -> [(Callout, String)] in
            switch block.kind {
            case .quote(let inner):
                let here = block.callout.map { [($0, inner.map { b -> String in
                    if case .paragraph(let spans) = b.kind { return spans.plainText } else { return "" } }.joined(separator: "|"))] } ?? []
                return here + callouts(inner)
            case .section(_, let inner): return callouts(inner)
            default: return []
            }
        }
    }

    func testAttributeListsAreRemovedEverywhereButCode() {
        let document = PageParser.document(from: """
            A [link](https://x.org){:target="_blank"} and *em*{: .big} text.
            {: .lead}

            {:refdef: .class}
            {::comment}
            hidden words
            {:/comment}
            {::options parse_block_html="true" /}

            Code `{: kept}` stays, and so does a fence:

            ```
            {: .kept}
            ```
            """)
        let text = plain(document)
        XCTAssertFalse(text.replacingAll("`{: kept}`", with: "").contains("{: .lead"), text)
        XCTAssertFalse(text.contains("target="), text)
        XCTAssertFalse(text.contains("hidden words"), text)
        XCTAssertFalse(text.contains("{::"), text)
        XCTAssertTrue(text.contains("A link and em text."), text)
        XCTAssertTrue(text.contains("{: kept}"), text)
        XCTAssertTrue(text.contains("{: .kept}"), text)
        XCTAssertEqual(document.links.map(\.target), ["https://x.org"])
    }

    func testCalloutClassesMakeLabelledBoxes() {
        let document = PageParser.document(from: """
            Before.

            {: .note .warning}
            Pygments is deprecated.

            This is a tip.
            {: .tip}

            After.
            """)
        let found = callouts(document.blocks)
        XCTAssertEqual(found.map(\.0), [.warning, .tip])
        XCTAssertEqual(found.map(\.1), ["Warning|Pygments is deprecated.", "Tip|This is a tip."])
        XCTAssertTrue(plain(document).contains("Before.") && plain(document).contains("After."))
    }

    func testGitHubAlertsAreCallouts() {
        let document = PageParser.document(from: """
            > [!NOTE]
            > General information.

            > [!CAUTION]
            > Careful now.
            > Second line.

            > [!NOT-A-KIND]
            > Stays a quote.
            """)
        XCTAssertEqual(callouts(document.blocks).map(\.0), [.note, .caution])
        XCTAssertEqual(callouts(document.blocks).map(\.1), ["Note|General information.", "Caution|Careful now. Second line."])
        XCTAssertTrue(plain(document).contains("[!NOT-A-KIND]"))
        XCTAssertFalse(plain(document).contains("[!NOTE]"))
    }

    func testTableOfContents() {
        let document = PageParser.document(from: """
            # Title

            * TOC
            {:toc}

            ## First part
            text
            ### Detail
            text
            ## Second part
            text
            """)
        XCTAssertFalse(plain(document).contains("TOC"))
        XCTAssertEqual(Array(document.links.map(\.target).prefix(4)), ["#title", "#first-part", "#detail", "#second-part"])
        XCTAssertNotNil(document.order(ofAnchor: "second-part"))
    }
}
