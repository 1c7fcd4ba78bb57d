import PivotAnimation
import PivotDocument

/// Which part of a page the reader holds while the whole page is parsed.
public enum PagePart: Hashable, Sendable {
    case whole
    /// The top of the page, parsed alone.
    case top
    /// The end of the page, parsed alone; its block lines start after `lineOffset` lines of the page.
    case end(lineOffset: Int)
    /// Pieces of a very large page, parsed together (see `PageIndex`): the reader holds only
    /// those around its reading place.
    case pieces(Range<Int>)
}

/// A part of a page, parsed alone, with its stand-ins.
public struct PagePiece: Sendable {
    public var document: Document
    public var standIns: [String: Animation]
    /// Lines of the page before the piece (0 for the top).
    public var lineOffset: Int

    public init(document: Document, standIns: [String: Animation], lineOffset: Int) {
        self.document = document
        self.standIns = standIns
        self.lineOffset = lineOffset
    }
}

/// A whole page made ready to read off the main thread: its document and its layout units.
public struct PreparedPage: Sendable {
    public let document: Document
    public let standIns: [String: Animation]
    let units: LayoutUnits

    public init(document: Document, standIns: [String: Animation]) {
        self.document = document
        self.standIns = standIns
        units = LayoutUnits(document: document, folds: [])
    }
}

/// A large page opens on its top part while the edge parses the rest: its end first (for `G`),
/// then the whole page, which takes the part's place without moving the text on screen.
extension ReaderState {
    /// The same state, marked as showing only the top of its page.
    public func awaitingRestOfPage() -> ReaderState {
        var copy = self
        copy.part = .top
        return copy
    }

    /// The end of the page, parsed alone: `G` shows it until the whole page arrives (at once,
    /// when `G` was pressed already).
    public func knowingEndOfPage(_ end: PagePiece) -> ReaderState {
        // A page read in pieces keeps it too, for `G` from any piece.
        guard part == .top || (pageIndex != nil && !reachesPageEnd) else { return self }
        var copy = self
        // The end has no front matter of its own: the page's title and notes are the top's.
        var end = end
        end.document.title = document.title
        end.document.metadata = document.metadata
        end.document.warnings = document.warnings + end.document.warnings
        copy.endOfPage = end
        if copy.awaitsEnd { copy.showEndOfPage() }
        return copy
    }

    /// `G` on the top part: the end part, at its end, when it is known.
    mutating func showEndOfPage() {
        if pageIndex != nil, !reachesPageEnd, let end = endPieces {
            // A page read in pieces: its last piece, parsed ahead.
            requestedPieces = end.range
            awaitsEnd = true
            self = replacingPieces(end.range, with: end.page)
            return
        }
        // On a page read in pieces, the end part shows at once while the last pieces come.
        guard part == .top || (pageIndex != nil && !reachesPageEnd), let end = endOfPage else { return }
        let top = part == .top ? PagePiece(document: document, standIns: standIns, lineOffset: 0) : topOfPage
        switchPart(to: end, part: .end(lineOffset: end.lineOffset))
        topOfPage = top
        scrollToEnd()
        awaitsEnd = true
    }

    /// `g` on the end part (or on pieces past the top of a page read in pieces): the top part.
    mutating func showTopOfPage() {
        guard let top = topOfPage else { return }
        if case .end = part {
            endOfPage = PagePiece(document: document, standIns: standIns, lineOffset: part.lineOffset)
        } else {
            guard pageIndex != nil, !reachesPageStart else { return }
        }
        switchPart(to: top, part: .top)
    }

    private mutating func switchPart(to piece: PagePiece, part newPart: PagePart) {
        let focusWas = pageIndex == nil ? nil : focusPlace(sectionLines: document.sectionLines())
        var next = ReaderState(document: piece.document, settings: settings, size: windowSize,
                               standIns: piece.standIns, now: playback.now)
        next.playback = playback
        next.part = newPart
        next.message = message
        next.drawnPictureSources = drawnPictureSources
        // A page read in pieces keeps what it knows of the whole page.
        next.pageIndex = pageIndex
        next.topOfPage = topOfPage
        next.endOfPage = endOfPage
        next.pieceMatchCounts = pieceMatchCounts
        next.countsAsked = countsAsked
        next.endPieces = endPieces
        next.searchAwaitsPage = searchAwaitsPage
        next.searchGoesForward = searchGoesForward
        if let search, pageIndex != nil {
            next.search = search
            next.searchMatches = SearchIndex.matches(of: search, in: piece.document, glyphs: settings.glyphs)
        }
        if pageIndex != nil {
            let sectionAtLine = Dictionary(piece.document.sectionLines().map { ($0.value + piece.lineOffset, $0.key) },
                                           uniquingKeysWith: min)
            next.refocus(focusWas, sectionAtLine: sectionAtLine)
        }
        self = next
    }

    /// The reader on the whole page: the text at the top stays there, and the folds, focus,
    /// search and panel carry over where the sections they name are the same.
    public func replacingPage(with document: Document, standIns: [String: Animation]) -> ReaderState {
        replacingPage(with: PreparedPage(document: document, standIns: standIns))
    }

    public func replacingPage(with page: PreparedPage) -> ReaderState {
        let document = page.document
        var next = ReaderState(document: document, settings: settings, size: windowSize, standIns: page.standIns,
                               now: playback.now, units: page.units)
        next.playback = playback
        let isTop = part != .whole && part.lineOffset == 0
        let old = self.document.sections
        // Section numbers are the page's only when counted from its top.
        func same(_ id: Int) -> Bool {
            isTop && id < old.count && id < document.sections.count && old[id].title == document.sections[id].title
                && old[id].kind == document.sections[id].kind
        }
        let anchor = wholePageAnchor(in: document)
        next.relayout(folds: folds.filter(same))
        if awaitsEnd {
            next.scrollToEnd()
        } else if let anchor {
            next.scroll(to: next.line(showing: anchor))
            next.readingAnchor = anchor
        }
        next.focus = focus.flatMap { same($0) ? $0 : nil }
        next.keepFocusVisible()
        next.overlay = isTop ? overlay : nil
        next.prompt = prompt
        if let search {
            next.search = search
            next.searchCursor = isTop ? searchCursor : nil
            next.searchMatches = SearchIndex.matches(of: search, in: document, glyphs: settings.glyphs)
            next.searchAwaitsPage = searchAwaitsPage
            next.message = message ?? next.message
            next.resumeSearch()
            return next
        }
        next.message = message ?? next.message
        return next
    }

    /// Where the reader is, as a place in the whole page: the same anchor for the top part,
    /// found by source line for the end part.
    private func wholePageAnchor(in whole: Document) -> Anchor? {
        let current = readingAnchor ?? (layout.lines.indices.contains(top) ? layout.lines[top].anchor : nil)
        guard case .end(let lineOffset) = part else { return current }
        guard let current, let line = document.line(ofOrder: current.order),
              let order = whole.order(atLine: line + lineOffset) else { return nil }
        return Anchor(order: order, offset: max(0, current.offset))
    }
}

extension PagePart {
    var lineOffset: Int {
        if case .end(let offset) = self { return offset }
        return 0
    }
}
