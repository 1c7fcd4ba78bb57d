import PivotAnimation
import PivotDocument

/// A large page opens on its top part while the edge parses the rest; the whole page then
/// takes its place without moving the text on screen.
extension ReaderState {
    /// The same state, marked as showing only the top of its page.
    public func awaitingRestOfPage() -> ReaderState {
        var copy = self
        copy.isPartial = true
        return copy
    }

    /// The reader on the whole page: the text at the top stays there, and the folds, focus,
    /// search and panel carry over where the sections they name are the same.
    public func replacingPage(with document: Document, standIns: [String: Animation]) -> ReaderState {
        var next = ReaderState(document: document, settings: settings, size: windowSize, standIns: standIns,
                               now: playback.now)
        next.playback = playback
        let old = self.document.sections
        func same(_ id: Int) -> Bool {
            id < old.count && id < document.sections.count && old[id].title == document.sections[id].title
                && old[id].kind == document.sections[id].kind
        }
        let anchor = readingAnchor ?? (layout.lines.indices.contains(top) ? layout.lines[top].anchor : nil)
        next.relayout(folds: folds.filter(same))
        if awaitsEnd {
            next.scrollToEnd()
        } else if let anchor {
            next.scroll(to: next.line(showing: anchor))
        }
        if !awaitsEnd { next.readingAnchor = readingAnchor }
        next.focus = focus.flatMap { same($0) ? $0 : nil }
        next.keepFocusVisible()
        next.overlay = overlay
        next.prompt = prompt
        if let search {
            next.search = search
            next.searchCursor = searchCursor
            next.searchMatches = SearchIndex.matches(of: search, in: document, glyphs: settings.glyphs)
        }
        next.message = message ?? next.message
        return next
    }
}
