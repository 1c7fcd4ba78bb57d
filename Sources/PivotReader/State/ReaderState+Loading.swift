import PivotAnimation
import PivotDocument

/// Which part of a page the reader holds while the whole page is parsed.
public enum PagePart: Hashable, Sendable {
    case whole
    /// The top of the page, parsed alone.
    case top
    /// The end of the page, parsed alone; its block lines start after `lineOffset` lines of the page.
    case end(lineOffset: Int)
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
        guard part == .top else { return self }
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
        guard part == .top, let end = endOfPage else { return }
        let top = PagePiece(document: document, standIns: standIns, lineOffset: 0)
        switchPart(to: end, part: .end(lineOffset: end.lineOffset))
        topOfPage = top
        scrollToEnd()
        awaitsEnd = true
    }

    /// `g` on the end part: back to the top part.
    mutating func showTopOfPage() {
        guard case .end = part, let top = topOfPage else { return }
        let end = PagePiece(document: document, standIns: standIns, lineOffset: part.lineOffset)
        switchPart(to: top, part: .top)
        endOfPage = end
    }

    private mutating func switchPart(to piece: PagePiece, part newPart: PagePart) {
        var next = ReaderState(document: piece.document, settings: settings, size: windowSize,
                               standIns: piece.standIns, now: playback.now)
        next.playback = playback
        next.part = newPart
        next.message = message
        next.drawnPictureSources = drawnPictureSources
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
