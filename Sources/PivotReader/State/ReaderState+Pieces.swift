import PivotDocument

/// A very large page is never parsed whole: the edge reads its `PageIndex` (where it cuts into
/// pieces that parse alone), and the reader holds the few pieces around its reading place,
/// asking for others as it nears an edge of those. The text on screen stays where it is when
/// pieces change: places move between them by source line.
extension ReaderState {
    /// How many pieces the reader holds at once.
    static let piecesHeld = 3

    /// Lines of the page before the first line of `document`.
    var partLineOffset: Int {
        switch part {
        case .whole, .top: return 0
        case .end(let offset): return offset
        case .pieces(let range): return pageIndex.map { $0.pieces[range.lowerBound].lineOffset } ?? 0
        }
    }

    var isPieces: Bool {
        if case .pieces = part { return true }
        return false
    }

    /// True when `document` holds the page's first line.
    var reachesPageStart: Bool {
        switch part {
        case .whole, .top: return true
        case .end(let offset): return offset == 0
        case .pieces(let range): return range.lowerBound == 0
        }
    }

    /// True when `document` holds the page's last line.
    var reachesPageEnd: Bool {
        switch part {
        case .whole, .end: return true
        case .top: return false
        case .pieces(let range): return range.upperBound >= (pageIndex?.pieces.count ?? 0)
        }
    }

    /// The page's source line of the text at the top (by its layout unit).
    var topSourceLine: Int? {
        guard layout.lines.indices.contains(top) else { return nil }
        let unit = units.index(containing: layout.lines[top].anchor)
        return units.sourceLine(ofUnit: unit).map { $0 + partLineOffset }
    }

    /// The page is read a few pieces at a time from now on: the top or end part gives way to the
    /// pieces around the reading place.
    /// `line`: a place to come back to (the history's), whose pieces are asked for first.
    mutating func knowIndex(_ index: PageIndex, at line: Int? = nil) -> [Effect] {
        guard part != .whole, pageIndex == nil, !index.pieces.isEmpty else { return [] }
        pageIndex = index
        if part == .top { topOfPage = PagePiece(document: document, standIns: standIns, lineOffset: 0) }
        if let line {
            let wanted = Self.pieces(around: index.piece(containingLine: line), in: index)
            requestedPieces = wanted
            return [.loadPieces(wanted)]
        }
        return piecesNeeded()
    }

    /// What the reader needs of the edge next on a very large page: the pieces around its place
    /// (when it nears an edge of those it holds, or holds only a top or end part), the last pieces
    /// for `G`, the pieces of a match `n` goes to, a search's matches counted.
    mutating func piecesNeeded() -> [Effect] {
        guard let index = pageIndex, part != .whole else { return [] }
        if let query = search, pieceMatchCounts == nil, !countsAsked {
            countsAsked = true
            return [.countMatches(query)]
        }
        let wanted: Range<Int>
        if let match = pendingMatch, let counts = pieceMatchCounts {
            wanted = Self.pieces(around: Self.piece(holdingMatch: match.index, counts: counts), in: index)
        } else if awaitsEnd && !reachesPageEnd {
            wanted = max(0, index.pieces.count - Self.piecesHeld)..<index.pieces.count
        } else {
            guard requestedPieces == nil else { return [] }
            let nearEnd = !reachesPageEnd && layout.reachesEnd && top + pageHeight + windowMargin >= layout.lines.count
            let nearStart = !reachesPageStart && layout.reachesStart && top < windowMargin
            let holdsPart: Bool
            if case .pieces = part { holdsPart = false } else { holdsPart = true }
            guard nearEnd || nearStart || holdsPart, let line = topSourceLine else { return [] }
            wanted = Self.pieces(around: index.piece(containingLine: line), in: index)
        }
        if case .pieces(let held) = part, held == wanted {
            if let match = pendingMatch { showPieceMatch(match) }
            return []
        }
        guard requestedPieces != wanted else { return [] }
        requestedPieces = wanted
        return [.loadPieces(wanted)]
    }

    static func pieces(around piece: Int, in index: PageIndex) -> Range<Int> {
        let start = max(0, min(piece - 1, index.pieces.count - piecesHeld))
        return start..<min(index.pieces.count, start + piecesHeld)
    }

    /// The piece holding the page's match number `match` (from 0).
    static func piece(holdingMatch match: Int, counts: [Int]) -> Int {
        var seen = 0
        for (piece, count) in counts.enumerated() {
            seen += count
            if match < seen { return piece }
        }
        return max(0, counts.count - 1)
    }

    /// The reader on the pieces `range`, which the edge parsed: the text at the top, the folds and
    /// the focus stay (found again by source line); a match `n` went to is shown.
    public func replacingPieces(_ range: Range<Int>, with page: PreparedPage) -> ReaderState {
        guard let index = pageIndex, requestedPieces == range else { return self }
        var document = page.document
        if range.lowerBound > 0 {
            // A later piece has no front matter: the page's title and notes are the top's.
            document.title = self.document.title
            document.metadata = self.document.metadata
            document.warnings = self.document.warnings
        }
        let oldOffset = partLineOffset
        let newOffset = index.pieces[range.lowerBound].lineOffset
        let toEnd = awaitsEnd && range.upperBound == index.pieces.count
        // Walks of the old pieces only where they are needed (`G` is answered at once).
        let current = toEnd ? nil : readingAnchor ?? (layout.lines.indices.contains(top) ? layout.lines[top].anchor : nil)
        let currentLine = current.flatMap { self.document.line(ofOrder: $0.order) }.map { $0 + oldOffset }
        let oldSections = folds.isEmpty && focus == nil ? [:] : self.document.sectionLines()
        let foldLines = Set(folds.compactMap { oldSections[$0] }.map { $0 + oldOffset })
        let focusWas = focusPlace(sectionLines: oldSections)

        var next = ReaderState(document: document, settings: settings, size: windowSize, standIns: page.standIns,
                               now: playback.now, units: page.units, laysOutWindowsOnly: true)
        next.playback = playback
        next.part = .pieces(range)
        next.pageIndex = index
        next.topOfPage = topOfPage
        next.endOfPage = endOfPage
        next.awaitsEnd = awaitsEnd
        next.pieceMatchCounts = pieceMatchCounts
        next.countsAsked = countsAsked
        next.pendingMatch = pendingMatch
        next.endPieces = endPieces
        next.searchAwaitsPage = searchAwaitsPage
        next.searchGoesForward = searchGoesForward
        next.message = message
        let sectionAtLine = foldLines.isEmpty && focusWas == nil ? [:]
            : Dictionary(document.sectionLines().map { ($0.value + newOffset, $0.key) }, uniquingKeysWith: min)
        next.relayout(folds: Set(foldLines.compactMap { sectionAtLine[$0] }))
        if toEnd {
            next.scrollToEnd()
        } else if let current, let currentLine, let order = document.order(atLine: currentLine - newOffset) {
            let anchor = Anchor(order: order, offset: max(0, current.offset))
            next.scroll(to: next.line(showing: anchor))
            next.readingAnchor = anchor
        }
        next.refocus(focusWas, sectionAtLine: sectionAtLine)
        next.prompt = prompt
        if let search {
            next.search = search
            next.searchMatches = SearchIndex.matches(of: search, in: document, glyphs: settings.glyphs)
        }
        if let match = next.pendingMatch { next.showPieceMatch(match) }
        next.resumeSearch()
        return next
    }

    /// Where the focus is in the page, to find it again in other pieces.
    func focusPlace(sectionLines: [Int: Int]) -> (line: Int, title: String)? {
        guard let focus else { return focusElsewhere }
        return sectionLines[focus].map { ($0 + partLineOffset, document.sections[focus].title) }
    }

    /// The focus found again by its source line, or kept aside while its piece is away.
    mutating func refocus(_ place: (line: Int, title: String)?, sectionAtLine: [Int: Int]) {
        focus = place.flatMap { sectionAtLine[$0.line] }
        focusElsewhere = focus == nil ? place : nil
        keepFocusVisible()
    }

    /// The page's last piece, parsed ahead: `G` shows it at once. The end part gives way to it.
    public func knowingEndPieces(_ range: Range<Int>, page: PreparedPage) -> ReaderState {
        guard pageIndex != nil, range.upperBound == pageIndex?.pieces.count else { return self }
        var copy = self
        copy.endPieces = (range, page)
        if case .end = part {} else { copy.endOfPage = nil }
        return copy
    }

    /// Shows the page's match number `match.index` when the pieces held have it.
    mutating func showPieceMatch(_ match: PendingMatch) {
        guard case .pieces(let range) = part, let counts = pieceMatchCounts else { return }
        let before = counts[..<range.lowerBound].reduce(0, +)
        let local = match.index - before
        guard searchMatches.indices.contains(local) else { return }
        pendingMatch = nil
        show(searchMatches[local], position: match.index + 1, of: counts.reduce(0, +), wrapped: match.wrapped)
    }

    /// The edge counted the search's matches in every piece: `n` goes to the first from here.
    mutating func countedMatches(of query: String, counts: [Int]) {
        guard search == query, pieceMatchCounts == nil else { return }
        pieceMatchCounts = counts
        resumeSearch()
    }

    /// `n`/`N` on a very large page: the next match in the pieces held, else the pieces that
    /// hold it are asked for (and it is shown when they come). False when the page's matches are
    /// not counted yet.
    mutating func findNextInPieces(forward: Bool, chosen: SearchIndex.Match?) -> Bool {
        guard case .pieces(let range) = part, let counts = pieceMatchCounts, let query = search else { return false }
        let total = counts.reduce(0, +)
        guard total > 0 else {
            message = "not found: \(query)"
            return true
        }
        let before = counts[..<range.lowerBound].reduce(0, +)
        if let chosen, let local = searchMatches.firstIndex(where: { $0.anchor == chosen.anchor }) {
            show(chosen, position: before + local + 1, of: total, wrapped: false)
            return true
        }
        var target = forward ? before + searchMatches.count : before - 1
        var wrapped = false
        if target < 0 || target >= total {
            target = forward ? 0 : total - 1
            wrapped = true
        }
        pendingMatch = PendingMatch(index: target, wrapped: wrapped)
        let local = target - before
        if searchMatches.indices.contains(local) { showPieceMatch(pendingMatch!) } else { message = "searching…" }
        return true
    }
}

/// A match `n` went to in pieces the reader does not hold yet.
struct PendingMatch: Hashable, Sendable {
    /// Its place among the page's matches, from 0.
    var index: Int
    var wrapped: Bool
}
