import PivotDocument
import PivotTestSupport
import XCTest
@testable import PivotReader

/// Unicode at the edges: wide characters, emoji sequences, flags, combining and zero-width
/// characters placed exactly at the wrap column and at the window's last column, at many
/// widths. A rendered row never holds more than the window's width, a wide character is
/// never split (its second cell is ""), no cell holds a control, and nothing is lost.
final class UnicodeEdgeTests: XCTestCase {
    static let clusters: [(name: String, text: String)] = [
        ("CJK ideograph", "漢"),
        ("Hangul syllable", "한"),
        ("Hangul jamo L V T", "\u{1100}\u{1161}\u{11A8}"),
        ("fullwidth letter", "Ａ"),
        ("emoji", "😀"),
        ("ZWJ family", "👨‍👩‍👧‍👦"),
        ("ZWJ with skin tone", "👩🏽‍💻"),
        ("skin tone modifier", "👍🏿"),
        ("flag", "🇫🇷"),
        ("tag sequence flag", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"),
        ("VS16 heart", "❤️"),
        ("keycap", "1️⃣"),
        ("lone regional indicator", "🇦"),
        ("wide with combining mark", "漢\u{0301}"),
        ("combining acute", "e\u{0301}"),
        ("stacked combining marks", "a\u{0300}\u{0316}\u{0317}\u{0318}\u{0319}\u{031A}\u{031B}"),
        ("Devanagari conjunct", "क्षि"),
        ("Thai with marks", "กิ่"),
        ("combining mark alone", "\u{0301}"),
        ("ZWJ alone", "\u{200D}"),
        ("ZWNJ", "\u{200C}"),
        ("word joiner", "\u{2060}"),
        ("zero width space", "\u{200B}"),
        ("byte-order mark", "\u{FEFF}"),
        ("soft hyphen", "\u{00AD}"),
        ("variation selector alone", "\u{FE0F}"),
    ]

    /// Window widths around the usual wrap columns (the reading column is at most 80).
    static let widths = [20, 21, 22, 39, 40, 41, 79, 80, 81, 121]
    /// Widths at which the focus walks every section and the panels open (slower checks).
    static let panelWidths: Set<Int> = [20, 41, 80]

    /// A page that puts `cluster` at the wrap columns of paragraphs, and at many columns of list items,
    /// quotes, headings, table cells and code lines, plus lead words and a long title.
    static func page(_ cluster: String) -> String {
        var lines = ["---", "title: \"" + String(repeating: cluster + "t", count: 70) + "\"", "---", ""]
        // Reading columns of 20, 40 and 80 leave 18, 38 and 78 columns of text: the cluster
        // lands on, across and after the last of them (and at the window's last column).
        for count in [6, 15, 16, 17, 18, 19, 20, 21, 34, 35, 36, 37, 38, 39, 40, 50, 74, 75, 76, 77, 78, 79, 80] {
            let run = String(repeating: "x", count: count)
            lines.append(run + cluster + "yy " + cluster + cluster + " end")
            lines.append("")
        }
        for count in stride(from: 6, through: 84, by: 3) {
            let run = String(repeating: "w", count: count)
            lines.append("- " + run + cluster + "z")
            lines.append("  - nested " + run + cluster)
        }
        lines.append("")
        for count in stride(from: 4, through: 84, by: 5) {
            lines.append("> " + String(repeating: "q", count: count) + cluster + " quote " + cluster)
            lines.append(">")
        }
        lines.append("")
        for count in stride(from: 6, through: 84, by: 7) {
            lines.append("## " + String(repeating: "h", count: count) + cluster + "H")
            lines.append("")
            lines.append("Words " + String(repeating: "word ", count: count / 5) + cluster + " " + cluster + " words.")
            lines.append("")
        }
        lines.append("Introduction to the lead words:")
        lines.append("")
        for count in [1, 5, 12] {
            lines.append("- **" + String(repeating: cluster, count: count) + "**: an item about " + cluster)
        }
        lines.append("")
        lines.append("| " + cluster + " | " + String(repeating: "c", count: 30) + cluster + " | r |")
        lines.append("|---|:---:|---:|")
        for count in stride(from: 1, through: 60, by: 6) {
            lines.append("| " + String(repeating: "a", count: count) + cluster + " | " + cluster
                         + String(repeating: "b", count: count) + " | " + cluster + " |")
        }
        lines.append("")
        lines.append("```")
        for count in stride(from: 6, through: 84, by: 2) {
            lines.append(String(repeating: "k", count: count) + cluster + "kk")
        }
        lines.append("```")
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// A cluster that stays one character after an "x" and draws: its count must survive.
    private static func isStandalone(_ cluster: String) -> Bool {
        ("x" + cluster).count == 2 && CellWidth.of(cluster) > 0
    }

    func testEveryClusterAtEveryColumnAtManyWidths() {
        var failures: [String] = []
        for (name, cluster) in Self.clusters {
            let document = PageParser.document(from: Self.page(cluster))
            let bodyCount = Self.count(cluster, inBodyOf: document)
            for width in Self.widths {
                var state = Fixtures.state(document, width: width, height: 24)
                // A window tall enough to show the whole page at once.
                state = update(state, .resize(Size(width: width, height: min(4096, state.layout.lines.count + 2)))).0
                let label = "\(name) at \(width) columns"
                let grid = render(state)
                failures += GridChecks.problems(grid, for: state).prefix(3).map { "\(label): \($0)" }
                failures += GridChecks.layoutProblems(state.layout).prefix(3).map { "\(label): layout \($0)" }
                failures += Self.rowWidthProblems(grid).prefix(3).map { "\(label): \($0)" }
                if Self.isStandalone(cluster) {
                    let laidOut = state.layout.lines.reduce(0) { $0 + Self.occurrences(of: cluster, in: $1.text) }
                    var drawn = 0
                    for row in 1..<(grid.height - 1) {
                        drawn += grid.row(row).filter { $0.text == cluster }.count
                    }
                    if laidOut != bodyCount { failures.append("\(label): \(bodyCount) in the page, \(laidOut) laid out") }
                    if drawn != laidOut { failures.append("\(label): \(laidOut) laid out, \(drawn) drawn") }
                }
                // Folded: the one-line summaries and their previews are cut to fit.
                let folded = press(state, .character("-"))
                failures += GridChecks.problems(render(folded), for: folded).prefix(3).map { "\(label) folded: \($0)" }
                failures += GridChecks.layoutProblems(folded.layout).prefix(3).map { "\(label) folded: layout \($0)" }
                guard Self.panelWidths.contains(width) else { continue }
                // The status line shows the focused section's title (lead words made of the cluster).
                var focused = Fixtures.state(document, width: width, height: 12)
                for step in 0..<(document.sections.count + 1) {
                    focused = press(focused, .tab)
                    let grid = render(focused)
                    failures += GridChecks.problems(grid, for: focused).prefix(2).map { "\(label) tab \(step): \($0)" }
                    failures += Self.rowWidthProblems(grid).prefix(2).map { "\(label) tab \(step): \($0)" }
                }
                // The outline and info panels list the titles unwrapped, clipped at the edge.
                for panel in ["t", "i"] {
                    let open = press(Fixtures.state(document, width: width, height: 40), .character(Character(panel)))
                    failures += GridChecks.problems(render(open), for: open).prefix(2).map { "\(label) panel \(panel): \($0)" }
                }
            }
        }
        Self.report(failures)
    }

    /// One failure per cluster, with its count and first few problems.
    private static func report(_ failures: [String], file: StaticString = #filePath, line: UInt = #line) {
        var byCluster: [String: [String]] = [:]
        var order: [String] = []
        for failure in failures {
            let name = clusters.map(\.name).first { failure.hasPrefix($0 + " ") } ?? "other"
            if byCluster[name] == nil { order.append(name) }
            byCluster[name, default: []].append(failure)
        }
        for name in order {
            let list = byCluster[name] ?? []
            XCTFail("\(name): \(list.count) problems, e.g.\n" + list.prefix(4).joined(separator: "\n"), file: file, line: line)
        }
    }

    /// The header cuts the title with an ellipsis; a wide character at the cut is never halved.
    func testTitlesCutAtEveryColumnOfTheHeader() {
        var failures: [String] = []
        for (name, cluster) in Self.clusters {
            for prefix in 0...24 {
                let title = String(repeating: "T", count: prefix) + String(repeating: cluster, count: 40)
                let document = Document(title: title)
                for width in [20, 21, 22, 23, 24, 25, 26, 33, 34] {
                    let state = Fixtures.state(document, width: width, height: 3)
                    let grid = render(state)
                    let label = "\(name), title after \(prefix) letters, \(width) columns"
                    failures += GridChecks.problems(grid, for: state).prefix(2).map { "\(label): \($0)" }
                    failures += Self.rowWidthProblems(grid).prefix(2).map { "\(label): \($0)" }
                }
            }
        }
        Self.report(failures)
    }

    /// A character made only of scalars that draw nothing (a run of joiners or variation
    /// selectors, a combining mark with a joiner) draws nothing: like a single one, it takes no
    /// cell. Counted as two cells, it gets a wide cell of its own that the terminal does not
    /// fill, and the joiners attach to whatever the terminal drew last.
    func testCharactersOfOnlyZeroWidthScalarsTakeNoCells() {
        let samples = ["\u{200D}", "\u{200D}\u{200D}", "\u{FE0F}\u{FE0F}", "\u{200D}\u{FE0F}", "\u{0301}\u{200D}",
                       "\u{0301}\u{FE0F}", "\u{200C}\u{200D}"]
        for sample in samples {
            XCTAssertEqual(sample.count, 1, "\(sample.unicodeScalars.map { $0.value }) should be one character")
            XCTAssertEqual(CellWidth.of(Character(sample)), 0,
                           "U+\(sample.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " U+"))")
        }
        // The cluster widths the reader relies on stay as they are.
        XCTAssertEqual(CellWidth.of(Character("👨‍👩‍👧‍👦")), 2)
        XCTAssertEqual(CellWidth.of(Character("❤️")), 2)
        XCTAssertEqual(CellWidth.of(Character("🇫🇷")), 2)
        XCTAssertEqual(CellWidth.of(Character("e\u{301}")), 1)
    }

    /// Search highlighting a wide match at the right edge stays inside the row.
    func testSearchMatchesOfWideTextAtTheEdge() {
        for (name, cluster) in Self.clusters where Self.isStandalone(cluster) {
            let document = PageParser.document(from: Self.page(cluster))
            for width in [20, 21, 40, 41, 80] {
                var state = press(Fixtures.state(document, width: width, height: 10), .character("/"))
                state = press(type(state, "yy " + cluster), .enter)
                for step in 0..<6 {
                    let grid = render(state)
                    let problems = GridChecks.problems(grid, for: state)
                    XCTAssertTrue(problems.isEmpty, "\(name) at \(width), match \(step): \(problems.prefix(3))")
                    state = press(state, .character("n"))
                }
            }
        }
    }

    /// Plain output keeps to its width too, however the clusters fall.
    func testPlainTextLinesFitTheirWidth() {
        for (name, cluster) in Self.clusters {
            let document = PageParser.document(from: Self.page(cluster))
            for width in [20, 21, 40, 41, 80] {
                let text = PlainText.render(document, width: width)
                XCTAssertEqual(HostileCorpus.forbiddenScalars(in: text, allowingNewline: true), [], "\(name) at \(width)")
                // The title line (and its underline) is printed whole, as a heading; the body wraps.
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let body = document.titleInBody || document.title == nil ? lines[...] : lines.dropFirst(2)
                for line in body where CellWidth.of(String(line)) > width {
                    XCTFail("\(name) at \(width): a plain line is \(CellWidth.of(String(line))) columns: \(line)")
                    break
                }
            }
        }
    }

    // MARK: - Helpers

    /// A row's cells read as one string must take exactly the window's width: the terminal
    /// sees the characters in a row, so a cell whose text joins its neighbour (or draws in
    /// another width) would push the rest of the row along.
    static func rowWidthProblems(_ grid: CellGrid) -> [String] {
        (0..<grid.height).compactMap { row in
            let width = CellWidth.of(grid.text(ofRow: row))
            return width == grid.width ? nil : "row \(row) takes \(width) columns of \(grid.width): \(grid.text(ofRow: row))"
        }
    }

    /// Characters of `text` equal to `cluster` (counted one by one: a filtered String would
    /// join neighbours, two regional indicators into one flag).
    static func occurrences(of cluster: String, in text: String) -> Int {
        text.reduce(0) { $0 + (String($1) == cluster ? 1 : 0) }
    }

    /// How many times `cluster` is a character of the page's body text.
    static func count(_ cluster: String, inBodyOf document: Document) -> Int {
        var total = 0
        func count(_ text: String) { total += occurrences(of: cluster, in: text) }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .paragraph(let spans), .heading(_, let spans): count(spans.plainText)
                case .code(_, let text): count(text)
                case .table(let table): ([table.header] + table.rows).forEach { $0.forEach { count($0.plainText) } }
                case .section(_, let body), .quote(let body): visit(body)
                case .list(let list): list.items.forEach { visit($0.blocks) }
                case .image, .rule: break
                }
            }
        }
        visit(document.blocks)
        return total
    }
}
