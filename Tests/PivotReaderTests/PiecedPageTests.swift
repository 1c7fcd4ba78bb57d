import PivotDocument
import PivotTestSupport
import XCTest
@testable import PivotReader

/// A very large page read in pieces (see `PageIndex`) must show what a reader holding the whole
/// page shows: the same screens, status line included, after the same keys.
final class PiecedPageTests: XCTestCase {
    /// About `bytes` of Markdown: chapters with headings at two levels, lead-word lists, code with
    /// blank lines, quotes, links and bold words; `needle` a few times in its last thirtieth only.
    static func largePage(bytes: Int) -> String {
        var random = SeededGenerator(state: 20261205)
        let words = ["reader", "window", "piece", "layout", "margin", "outline", "search", "column", "section",
                     "terminal", "cursor", "status", "binary", "memory", "scroll", "heading"]
        func sentence(_ count: Int) -> String {
            (0..<count).map { _ in words[Int.random(in: 0..<words.count, using: &random)] }.joined(separator: " ")
        }
        var text = "---\ntitle: Pieced page\n---\n\nA page long enough to be read in pieces.\n\n"
        var chapter = 0
        while text.utf8.count < bytes {
            chapter += 1
            let nearEnd = text.utf8.count > bytes - bytes / 30
            text += "## Chapter \(chapter)\n\nChapter \(chapter) opens with **\(sentence(3))** and \(sentence(20)), "
                + "a [link](#chapter-\(chapter)) and \(sentence(12)).\n\n"
            switch chapter % 4 {
            case 0: text += "- **\(sentence(1))**: \(sentence(14))\n- **\(sentence(1))**: \(sentence(9))\n\n"
            case 1: text += "```\nlet chapter = \(chapter)\n\n# not a heading\n```\n\n"
            case 2: text += "> \(sentence(16))\n\n### Part \(chapter).1\n\n\(sentence(30)).\n\n"
            default: text += "\(sentence(25))\(nearEnd && chapter % 8 == 3 ? " needle" : "").\n\n"
            }
        }
        return text + "The last words of the page.\n"
    }

    /// A reader of the page in pieces, with the edge's work done here and at once: the top part
    /// first, then the end part and the index, then the pieces and counts the reader asks for.
    struct PiecedReader {
        let bytes: [UInt8]
        let index: PageIndex
        private(set) var browser: Browser
        private(set) var piecesLoaded = 0
        private(set) var largestPieces = 0

        /// `indexed` false: only the top and end parts have come (`index()` brings the rest).
        init(text: String, size: Size, pieceBytes: Int = 65_536, indexed: Bool = true) {
            bytes = Array(text.utf8)
            var builder = PageIndexBuilder(pieceBytes: pieceBytes)
            builder.read(bytes)
            let bytes = self.bytes
            index = builder.finish().countingLinks { Array(bytes[$0]) }
            // As the edge opens a large page: its first 128 KiB, whole lines, cut where it parses alone.
            let prefix = bytes.prefix(131_072)
            let top = String(decoding: prefix[..<(prefix.lastIndex(of: 0x0A) ?? prefix.endIndex)], as: UTF8.self)
            let head = PageParser.head(of: top)!
            browser = Browser(page: PreparedPage(document: head, standIns: [:]), path: nil, isPartial: true,
                              settings: ReaderSettings(), size: size)
            let endStart = bytes.count - 131_072
            let linesBefore = bytes[..<endStart].filter { $0 == 0x0A }.count
            let end = PageParser.end(of: Array(bytes[endStart...]), linesBefore: linesBefore)!
            send(.endOfPage(generation: browser.generation,
                            PagePiece(document: end.document, standIns: [:], lineOffset: end.lineOffset)))
            if indexed { learnPieces() }
        }

        /// What the edge's threads answer once the page's pieces are known.
        mutating func learnPieces() {
            send(.pageIndexed(generation: browser.generation, index))
            let last = (index.pieces.count - 1)..<index.pieces.count
            send(.endPiecesLoaded(generation: browser.generation, last, PreparedPage(
                document: index.document(pieces: last, bytes: Array(bytes[index.byteRange(of: last)]))!, standIns: [:])))
        }

        mutating func send(_ event: BrowserEvent) {
            let (next, effects) = update(browser, event)
            browser = next
            for effect in effects {
                switch effect {
                case .loadPieces(let range):
                    piecesLoaded += 1
                    largestPieces = max(largestPieces, index.byteRange(of: range).count)
                    let document = index.document(pieces: range, bytes: Array(bytes[index.byteRange(of: range)]))!
                    send(.piecesLoaded(generation: browser.generation, range, PreparedPage(document: document, standIns: [:])))
                case .countMatches(let query):
                    let bytes = self.bytes
                    let counts = index.matchCounts(of: query, glyphs: browser.settings.glyphs) { Array(bytes[$0]) }
                    send(.matchesCounted(generation: browser.generation, query: query, counts: counts))
                default:
                    break
                }
            }
        }

        mutating func press(_ keys: Key...) {
            for key in keys { send(.reader(.key(key))) }
        }
    }

    private func pressed(_ browser: Browser, _ keys: [Key]) -> Browser {
        keys.reduce(browser) { update($0, .reader(.key($1))).0 }
    }

    private func compare(pageBytes: Int, size: Size) throws {
        let text = Self.largePage(bytes: pageBytes)
        var whole = Browser(page: PreparedPage(document: PageParser.document(from: text), standIns: [:]), path: nil,
                            settings: ReaderSettings(), size: size)
        var pieced = PiecedReader(text: text, size: size)
        XCTAssertGreaterThan(pieced.index.pieces.count, 6)
        XCTAssertNotNil(pieced.browser.reader?.pageIndex)

        var step = 0
        func check(_ keys: [Key], _ what: String) {
            step += 1
            whole = pressed(whole, keys)
            for key in keys { pieced.press(key) }
            XCTAssertEqual(render(pieced.browser).textLines, render(whole).textLines, "step \(step): \(what)")
        }
        check([], "the first screen")
        check([.character("/")] + "needle".map { .character($0) } + [.enter], "a search near the end")
        check([.character("n")], "the next match")
        check([.character("n"), .character("n"), .character("n")], "matches on, wrapping to the first")
        check([.character("N")], "back a match, across the wrap")
        check([.character("G")], "the end")
        check(Array(repeating: .character("b"), count: 12), "pages back from the end")
        check([.character("g")], "the top again")
        check(Array(repeating: .character(" "), count: 40), "pages down, past the first pieces")
        check(Array(repeating: .character("k"), count: 30) + [.tab, .enter], "lines up, a section folded")
        check(Array(repeating: .character("j"), count: 60), "lines down past the fold")
        check([.character("G"), .character("g")], "to the end and back")
        check([.character("n")], "the first match again, from the top")
        check([.character("G"), .character("N")], "the last match, from the end")
        XCTAssertLessThan(pieced.largestPieces, pageBytes / 4, "the reader held a few pieces, never the page")
    }

    /// `G` and a search typed before the pieces are known: the end part and the top part answer
    /// at once, and the pieces then take their place where the whole page has the same text.
    func testKeysBeforeThePiecesAreKnownEndWhereTheWholePageDoes() throws {
        let text = Self.largePage(bytes: 1_572_864)
        let size = Size(width: 80, height: 24)
        var whole = Browser(page: PreparedPage(document: PageParser.document(from: text), standIns: [:]), path: nil,
                            settings: ReaderSettings(), size: size)
        var pieced = PiecedReader(text: text, size: size, indexed: false)
        XCTAssertNil(pieced.browser.reader?.pageIndex)
        pieced.press(.character("G"))
        XCTAssertTrue(render(pieced.browser).textLines.joined().contains("The last words of the page."))
        pieced.learnPieces()
        whole = pressed(whole, [.character("G")])
        XCTAssertEqual(render(pieced.browser).textLines, render(whole).textLines, "the end, once the pieces are known")

        var searched = PiecedReader(text: text, size: size, indexed: false)
        let keys: [Key] = [.character("/")] + "needle".map { .character($0) } + [.enter]
        for key in keys { searched.press(key) }
        XCTAssertEqual(searched.browser.reader?.message, "searching… (the page is still being read)")
        searched.learnPieces()
        whole = pressed(whole, [.character("g")] + keys)
        XCTAssertEqual(render(searched.browser).textLines, render(whole).textLines, "the first match, once the pieces are known")
    }

    /// The issue's case: a 10 MiB page.
    func testReadingATenMegabytePageInPiecesShowsWhatReadingItWholeShows() throws {
        try compare(pageBytes: 10 * 1_048_576, size: Size(width: 80, height: 24))
    }

    func testANarrowWindowShowsTheSameToo() throws {
        try compare(pageBytes: 1_572_864, size: Size(width: 40, height: 12))
    }

    /// Plain text written a piece at a time (title, each piece's body, every piece's links) is
    /// the whole page's plain text, at two widths and with pieces small enough to cut often.
    func testPlainTextWrittenAPieceAtATimeIsTheWholePagesText() {
        let text = Self.largePage(bytes: 393_216)
        let bytes = Array(text.utf8)
        for (width, pieceBytes) in [(80, 8_192), (33, 20_000)] {
            var builder = PageIndexBuilder(pieceBytes: pieceBytes)
            builder.read(bytes)
            let index = builder.finish()
            XCTAssertGreaterThan(index.pieces.count, 10, "the page is cut into many pieces")
            var written = ""
            var links: [String] = []
            var pieces = 0
            index.forEachPieceDocument(bytes: { Array(bytes[$0]) }) { document in
                guard let document else { return XCTFail("piece \(pieces) is page text") }
                if pieces == 0 { written += PlainText.title(of: document, width: width) }
                written += PlainText.body(of: document, width: width, continuing: pieces > 0)
                links += PlainText.linkLines(of: document)
                pieces += 1
            }
            written += PlainText.links(links)
            XCTAssertEqual(pieces, index.pieces.count)
            let whole = PlainText.render(PageParser.document(from: text), width: width)
            XCTAssertTrue(whole.contains("\nLinks:\n[1] #chapter-1\n"), "the page's links are listed")
            if written != whole {
                let (a, b) = (written.split(separator: "\n", omittingEmptySubsequences: false),
                              whole.split(separator: "\n", omittingEmptySubsequences: false))
                let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                XCTFail("width \(width): line \(first) differs: \(a.dropFirst(first).prefix(3)) vs \(b.dropFirst(first).prefix(3)) (\(a.count) vs \(b.count) lines)")
            }
        }
    }
}
