/// A very large page as pieces that each parse alone (cut where `PageSplitter` allows), so a
/// reader holds only the pieces around its reading place: what a piece starts with, and what
/// the whole page says that a piece cannot know alone (its front matter, its headings).
public struct PageIndex: Sendable, Equatable {
    public struct Piece: Sendable, Equatable {
        /// Where the piece starts in the file, in bytes and in lines.
        public var byteOffset: Int
        public var lineOffset: Int

        public init(byteOffset: Int, lineOffset: Int) {
            self.byteOffset = byteOffset
            self.lineOffset = lineOffset
        }
    }

    /// In page order; the first starts at 0.
    public var pieces: [Piece]
    public var byteCount: Int
    public var lineCount: Int
    /// The page's front matter lines (with their `---` lines), for the pieces after the first.
    public var frontMatter: String
    /// Lines that are level-1 headings (`# `), and headings of any level.
    public var levelOneHeadings: Int
    public var headings: Int
    /// The links in each piece (see `countingLinks`), so that a piece numbers its links as the
    /// whole page does; empty until counted.
    public var linkCounts: [Int] = []

    public init(pieces: [Piece], byteCount: Int, lineCount: Int, frontMatter: String = "",
                levelOneHeadings: Int = 0, headings: Int = 0) {
        self.pieces = pieces
        self.byteCount = byteCount
        self.lineCount = lineCount
        self.frontMatter = frontMatter
        self.levelOneHeadings = levelOneHeadings
        self.headings = headings
    }

    /// The bytes of the pieces `range` of the file.
    public func byteRange(of range: Range<Int>) -> Range<Int> {
        let start = pieces[range.lowerBound].byteOffset
        let end = range.upperBound < pieces.count ? pieces[range.upperBound].byteOffset : byteCount
        return start..<end
    }

    /// The first source line of the pieces after `range` (the page's line count at its end).
    public func endLine(of range: Range<Int>) -> Int {
        range.upperBound < pieces.count ? pieces[range.upperBound].lineOffset : lineCount
    }

    /// The piece holding source line `line` (the last one for lines past the end).
    public func piece(containingLine line: Int) -> Int {
        var low = 0
        var high = pieces.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if pieces[middle].lineOffset <= line { low = middle } else { high = middle }
        }
        return low
    }

    /// How a piece's text is read as part of this page rather than as a page of its own.
    public func context(for range: Range<Int>) -> PageParser.PartContext {
        PageParser.PartContext(frontMatter: range.lowerBound == 0 ? "" : frontMatter,
                               startsPage: range.lowerBound == 0,
                               allowsTitleHeading: levelOneHeadings <= 1,
                               nestsByHeadings: headings > (levelOneHeadings == 1 ? 1 : 0),
                               linkNumberOffset: linkCounts.prefix(range.lowerBound).reduce(0, +))
    }
}

extension PageIndex {
    /// The index with each piece's links counted: every piece parsed in turn (and let go), its
    /// bytes read by `bytes` (nil: unreadable, counted as none).
    public func countingLinks(bytes: (Range<Int>) -> [UInt8]?) -> PageIndex {
        var counted = self
        counted.linkCounts = []
        forEachPieceDocument(bytes: bytes) { counted.linkCounts.append($0?.links.count ?? 0) }
        return counted
    }

    /// Each piece parsed in turn, as it reads within the page (its links numbered after those of
    /// the pieces before), and let go once `body` has it: the page is never parsed whole. A piece
    /// `bytes` cannot read, or whose bytes are no page text, comes as nil.
    public func forEachPieceDocument(site: SiteContext? = nil, bytes: (Range<Int>) -> [UInt8]?,
                                     _ body: (Document?) -> Void) {
        var numbering = self
        numbering.linkCounts = []
        for piece in pieces.indices {
            let range = piece..<piece + 1
            let document = bytes(byteRange(of: range)).flatMap { numbering.document(pieces: range, bytes: $0, site: site) }
            numbering.linkCounts.append(document?.links.count ?? 0)
            body(document)
        }
    }

    /// The pieces `range` parsed together as they read within the page, from their bytes (the
    /// file's `byteRange(of: range)`); nil for bytes that are no page text (binary, too large).
    public func document(pieces range: Range<Int>, bytes: [UInt8], site: SiteContext? = nil) -> Document? {
        guard let text = try? PageSource.text(from: bytes) else { return nil }
        return PageParser.document(from: text, site: site, part: context(for: range))
    }
}

/// Builds a `PageIndex` from a page's bytes, read in chunks of whole lines (the edge reads a
/// file a chunk at a time, so the page is never in memory whole).
public struct PageIndexBuilder {
    /// The size a piece reaches before a cut is looked for.
    public let pieceBytes: Int
    private var scanner = PageSplitter.Scanner()
    private var pieces = [PageIndex.Piece(byteOffset: 0, lineOffset: 0)]
    private var offset = 0
    private var line = 0
    private var paragraphCut: PageIndex.Piece?
    private var frontMatter: [UInt8] = []
    private var inFrontMatter = false
    private var levelOneHeadings = 0
    private var headings = 0
    /// The end of a line cut by the chunk before.
    private var carried: [UInt8] = []

    public init(pieceBytes: Int = 65_536) {
        self.pieceBytes = pieceBytes
    }

    /// Reads the next bytes of the page; a last line without its newline waits for the next chunk.
    public mutating func read(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { read($0) }
    }

    /// Not generic: generic code over bytes is not specialised across modules (see `PageSource`).
    public mutating func read(_ chunk: UnsafeBufferPointer<UInt8>) {
        var start = chunk.startIndex
        while let newline = chunk[start...].firstIndex(of: UInt8(ascii: "\n")) {
            if carried.isEmpty {
                readLine(chunk[start..<newline])
            } else {
                carried += chunk[start..<newline]
                let whole = carried
                carried = []
                readLine(whole[...])
            }
            start = newline + 1
        }
        carried += chunk[start...]
    }

    /// The index, once every byte was read.
    public mutating func finish() -> PageIndex {
        if !carried.isEmpty {
            let last = carried
            carried = []
            readLine(last[...], hasNewline: false)
        }
        return PageIndex(pieces: pieces, byteCount: offset, lineCount: line,
                         frontMatter: String(decoding: frontMatter, as: UTF8.self),
                         levelOneHeadings: levelOneHeadings, headings: headings)
    }

    private mutating func readLine<Line: Collection>(_ text: Line, hasNewline: Bool = true) where Line.Element == UInt8 {
        let here = PageIndex.Piece(byteOffset: offset, lineOffset: line)
        let size = offset - pieces[pieces.count - 1].byteOffset
        if size >= pieceBytes, scanner.isBetweenBlocks, let first = text.first {
            if first == UInt8(ascii: "#") {
                cut(at: here)
            } else {
                if paragraphCut == nil, PageSplitter.startsParagraph(text) { paragraphCut = here }
                // A heading is worth waiting for a while; then the paragraph will do.
                if let cutHere = paragraphCut, size >= 2 * pieceBytes { cut(at: cutHere) }
            }
        }
        noteFrontMatter(text, hasNewline: hasNewline)
        if scanner.isClosed, !inFrontMatter, let level = Self.headingLevel(text) {
            headings += 1
            if level == 1 { levelOneHeadings += 1 }
        }
        scanner.read(text, number: line)
        offset += text.count + (hasNewline ? 1 : 0)
        line += 1
    }

    private mutating func cut(at piece: PageIndex.Piece) {
        if piece.byteOffset > pieces[pieces.count - 1].byteOffset { pieces.append(piece) }
        paragraphCut = nil
    }

    /// Keeps the page's front matter (at most 64 KiB of it): its lines up to the closing `---`.
    private mutating func noteFrontMatter<Line: Collection>(_ text: Line, hasNewline: Bool) where Line.Element == UInt8 {
        if line == 0, text.starts(with: "---".utf8) { inFrontMatter = true }
        guard inFrontMatter else { return }
        if frontMatter.count + text.count < 65_536 {
            frontMatter += text
            frontMatter.append(UInt8(ascii: "\n"))
        }
        if line > 0, text.starts(with: "---".utf8) || text.starts(with: "...".utf8) { inFrontMatter = false }
    }

    /// `# Title` is 1, `### Part` 3; nil for a line that is no ATX heading.
    static func headingLevel<Line: Collection>(_ text: Line) -> Int? where Line.Element == UInt8 {
        // `<h1 ...>`: the HTML reader makes it a heading too (`| 0x20` lowers letters only here).
        let tag = Array(text.prefix(4).map { $0 | 0x20 })
        if tag.count >= 3, tag[0] == UInt8(ascii: "<"), tag[1] == UInt8(ascii: "h"),
           (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(tag[2]),
           tag.count == 3 || tag[3] == UInt8(ascii: ">") || tag[3] == 0x20 {
            return Int(tag[2] - UInt8(ascii: "0"))
        }
        let marks = text.prefix { $0 == UInt8(ascii: "#") }.count
        guard (1...6).contains(marks) else { return nil }
        let after = text.dropFirst(marks).first
        return after == nil || after == 0x20 || after == 0x09 ? marks : nil
    }
}
