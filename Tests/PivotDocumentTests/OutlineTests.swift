import XCTest
@testable import PivotDocument

final class OutlineTests: XCTestCase {
    // MARK: - The embedded page

    /// Lead words as the page's source writes them: `- **word**:` at the start of a list item.
    private func sourceLeadWords(_ source: String) -> [[String]] {
        var lists: [[String]] = []
        var current: [String] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix("- **"), let end = trimmed.dropFirst(4).firstRange(of: "**") {
                current.append(String(trimmed.dropFirst(4)[..<end.lowerBound]))
            } else if !current.isEmpty, !line.hasPrefix("    ") {
                lists.append(current)
                current = []
            }
        }
        if !current.isEmpty { lists.append(current) }
        return lists
    }

    func testThePivotPageFoldsAsTheIssueAsks() throws {
        let source = Fixtures.pivotPage
        let document = PageParser.document(from: source)
        let expectedLists = sourceLeadWords(source)
        XCTAssertEqual(expectedLists.count, 2, "the page has two lead-word lists")

        let topLevel = document.topLevelSections.map { document.sections[$0] }
        XCTAssertEqual(topLevel.map(\.kind), [.group, .group, .passage])

        // Each group's items are its list's lead words, in order, each foldable.
        for (group, leadWords) in zip(topLevel.prefix(2), expectedLists) {
            let items = group.children.map { document.sections[$0] }
            XCTAssertEqual(items.map(\.title), leadWords)
            XCTAssertTrue(items.allSatisfy { $0.kind == .item })
        }

        // The first group is titled by the announcement's first sentence; the second by the
        // sentence that introduces its list (it ends with a colon in the page).
        let body = Self.bodyParagraphs(source)
        XCTAssertTrue(body[0].hasPrefix(topLevel[0].title), "\(topLevel[0].title)")
        XCTAssertTrue(body[1].contains(topLevel[1].title + ":"), "\(topLevel[1].title)")
        XCTAssertTrue(body[2].hasPrefix(topLevel[2].title), "closing passage: \(topLevel[2].title)")

        // The last tip keeps its nested examples as content.
        let lastTip = document.sections[topLevel[1].children.last!]
        let nestedSource = source.split(separator: "\n").filter { $0.hasPrefix("    - ") }
        var nestedItems = 0
        Self.visitSections(document.blocks) { id, body in
            guard id == lastTip.id else { return }
            for block in body { if case .list(let list) = block.kind { nestedItems = list.items.count } }
        }
        XCTAssertEqual(nestedItems, nestedSource.count)
        XCTAssertEqual(nestedItems, 5)

        // The closing passage holds the link, resolved from the Liquid tag.
        XCTAssertEqual(document.links.last?.target, "/about/")
        XCTAssertEqual(document.title, "Pivot")
        XCTAssertTrue(document.titleInBody)
    }

    /// The page's paragraphs of running text (not HTML, lists or front matter).
    static func bodyParagraphs(_ source: String) -> [String] {
        let afterFrontMatter = source.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        return afterFrontMatter.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ") }
            .filter { first in
                guard let initial = first.first else { return false }
                return initial.isLetter
            }
            .map { $0.replacingOccurrences(of: "**", with: "") }
    }

    /// Calls `body` with each `.section` block's id and body, at any depth.
    static func visitSections(_ blocks: [Block], _ visit: (Int, [Block]) -> Void) {
        for block in blocks {
            switch block.kind {
            case .section(let id, let body): visit(id, body); visitSections(body, visit)
            case .quote(let inner): visitSections(inner, visit)
            case .list(let list):
                for item in list.items {
                    if let id = item.section { visit(id, item.blocks) }
                    visitSections(item.blocks, visit)
                }
            default: break
            }
        }
    }

    // MARK: - Rules on pages the tests write

    func testHeadingsNestByLevelAndLeadWordListsFoldInside() {
        let page = """
            # Guide

            Intro.

            ## Setup

            Before you start:

            - **install**: get it
            - **configure**: set it

            ### Details

            Deep.

            ## Use

            Just use it.
            """
        let document = PageParser.document(from: page)
        XCTAssertEqual(document.title, "Guide")
        let titles = document.sections.map(\.title)
        XCTAssertEqual(titles, ["Setup", "Before you start", "install", "configure", "Details", "Use"])
        let setup = document.sections[0]
        XCTAssertEqual(setup.children.map { document.sections[$0].title }, ["Before you start", "Details"])
        XCTAssertEqual(document.sections[4].depth, 2)
        XCTAssertEqual(document.topLevelSections.count, 2)
    }

    func testAPageWithoutLeadWordListsStaysFlat() {
        let document = PageParser.document(from: "One paragraph.\n\n- plain\n- list\n\nAnother.\n")
        XCTAssertTrue(document.sections.isEmpty)
    }

    func testItalicLeadWordsNeedAColonBoldOnesDoNot() {
        XCTAssertEqual(PageParser.document(from: "Lead:\n\n- *a*: x\n- *b*: y\n").sections.map(\.title), ["Lead", "a", "b"])
        XCTAssertTrue(PageParser.document(from: "Lead:\n\n- *a* x\n- *b* y\n").sections.isEmpty)
        XCTAssertEqual(PageParser.document(from: "Lead.\n\n- **a** x\n- **b** y\n").sections.map(\.title), ["Lead.", "a", "b"])
    }

    func testSectionIdsFollowReadingOrder() {
        let page = "# A\n\n## B\n\nIntro:\n\n- **x**: 1\n- **y**: 2\n\n## C\n\ntext\n"
        let document = PageParser.document(from: page)
        var seen: [Int] = []
        Self.visitSections(document.blocks) { id, _ in seen.append(id) }
        XCTAssertEqual(seen, Array(0..<document.sections.count))
        for section in document.sections {
            if let parent = section.parent { XCTAssertTrue(document.sections[parent].children.contains(section.id)) }
        }
    }

    // MARK: - The shared corpus (skipped in a fresh clone)

    func testEveryCorpusPageBuildsAConsistentOutline() throws {
        let pages = Fixtures.corpusPages()
        guard !pages.isEmpty else { throw XCTSkip("../shared/corpus is not here (a fresh clone has none)") }
        for url in pages {
            let source = try String(contentsOf: url, encoding: .utf8)
            let document = PageParser.document(from: try PageSource.text(from: Array(source.utf8)),
                                               site: FileSite(pagePath: url.path))
            let flatSource = source.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            for section in document.sections {
                XCTAssertFalse(section.title.isEmpty, url.lastPathComponent)
                XCTAssertEqual(section.depth, section.parent.map { document.sections[$0].depth + 1 } ?? 1)
                // Titles are the page's own words: each word of a title occurs in the page.
                for word in section.title.split(whereSeparator: { !$0.isLetter }) where word.count > 3 {
                    XCTAssertTrue(flatSource.contains(word), "\(url.lastPathComponent): '\(word)' of '\(section.title)'")
                }
            }
            var seen: [Int] = []
            Self.visitSections(document.blocks) { id, _ in seen.append(id) }
            XCTAssertEqual(seen, Array(0..<document.sections.count), url.lastPathComponent)
        }
    }

    func testCorpusPagesWithLeadWordListsFold() throws {
        guard let corpus = Fixtures.sharedCorpus else { throw XCTSkip("../shared/corpus is not here") }
        let page = corpus.appendingPathComponent("madewithml/_pages/pivot.md")
        let document = PageParser.document(from: try String(contentsOf: page, encoding: .utf8),
                                           site: FileSite(pagePath: page.path))
        XCTAssertEqual(document.sections.filter { $0.kind == .item }.count, 9)
        // Inside the site, the link resolves from the linked page's own front matter.
        let about = try String(contentsOf: corpus.appendingPathComponent("madewithml/_pages/about.md"), encoding: .utf8)
        let permalink = FrontMatter.split(about).values["permalink"]?.string
        XCTAssertEqual(document.links.last?.target, permalink)
    }
}
