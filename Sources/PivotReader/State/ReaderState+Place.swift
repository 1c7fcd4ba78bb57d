import PivotDocument

/// Where the reader is on a page: what the history keeps to come back to the same line, with the
/// same folds, focus and search. Values only: no document is kept alive by a place.
public struct PagePlace: Hashable, Sendable {
    /// The text at the top of the page area (nil: the top of the page, or see `sourceLine`).
    public var anchor: Anchor?
    /// Where the top is in the page's file, when the reader held only a large page's end part
    /// (whose blocks are numbered apart from the whole page's): the source line of its block.
    public var sourceLine: Int?
    public var folds: Set<Int>
    public var focus: Int?
    public var search: String?

    public init(anchor: Anchor? = nil, sourceLine: Int? = nil, folds: Set<Int> = [], focus: Int? = nil,
                search: String? = nil) {
        self.anchor = anchor
        self.sourceLine = sourceLine
        self.folds = folds
        self.focus = focus
        self.search = search
    }
}

extension ReaderState {
    /// The place to come back to: the top line's text, as a resize keeps it.
    public var place: PagePlace {
        let topAnchor = layout.lines.indices.contains(top) ? layout.lines[top].anchor : nil
        let isEnd: Bool
        if case .end = part { isEnd = true } else { isEnd = false }
        guard isEnd || pageIndex != nil else {
            return PagePlace(anchor: readingAnchor ?? topAnchor, folds: folds, focus: focus, search: search)
        }
        // An end part's (or pieces') blocks and sections are its own: only the file's line means
        // the same later.
        let line = (readingAnchor ?? topAnchor).flatMap { document.line(ofOrder: $0.order) }.map { $0 + partLineOffset }
        return PagePlace(sourceLine: line, search: search)
    }

    /// The same page at `place`. Section numbers that the page no longer has (it changed on
    /// disk) are dropped; an anchor past its end shows its end.
    public mutating func restore(_ place: PagePlace) {
        let count = document.sections.count
        relayout(folds: place.folds.filter { $0 < count })
        if let search = place.search, !search.isEmpty {
            self.search = search
            searchMatches = SearchIndex.matches(of: search, in: document, glyphs: settings.glyphs)
        }
        let anchor = place.anchor ?? place.sourceLine.flatMap { line in
            document.order(atLine: line - partLineOffset).map { Anchor(order: $0, offset: 0) }
        }
        if let anchor {
            scroll(to: line(showing: anchor))
            readingAnchor = anchor
        }
        focus = place.focus.flatMap { $0 < count ? $0 : nil }
        if let focus, isFoldedAway(focus) { self.focus = nil }
    }

    /// Shows the block of reading order `order` at the top, unfolding the sections that hide it
    /// (an `#anchor` link).
    public mutating func reveal(order: Int) {
        let path = sectionPath(toOrder: order)
        var newFolds = folds
        for section in path { newFolds.remove(section) }
        relayout(folds: newFolds)
        let anchor = Anchor(order: order, offset: 0)
        scroll(to: line(showing: anchor))
        if let innermost = path.last { focus = innermost }
        keepFocusVisible()
    }

    /// Opens a site search result: the match at `anchor` for `query`, with `n` and `N` going on
    /// through the page's matches.
    public mutating func showMatch(of query: String, at anchor: Anchor) {
        reveal(order: anchor.order)
        scroll(to: line(showing: anchor))
        startSearch(query)
    }

    /// A site search's match in a very large page, known by its source line: the reader goes
    /// there, and the search finds the match once the page's pieces are read.
    public mutating func showMatch(of query: String, atSourceLine line: Int) {
        restore(PagePlace(sourceLine: line))
        beginSearch(query)
        searchAwaitsPage = true
        message = "searching…"
    }

    /// The sections, outermost first, whose bodies hold the block of order `order`.
    func sectionPath(toOrder order: Int) -> [Int] {
        func search(_ blocks: [Block], path: [Int]) -> [Int]? {
            for (index, block) in blocks.enumerated() {
                // Blocks are in reading order: the target is in this block or before the next one.
                let nextOrder = index + 1 < blocks.count ? blocks[index + 1].order : Int.max
                guard order < nextOrder else { continue }
                if block.order == order { return path }
                switch block.kind {
                case .section(let id, let body):
                    if let found = search(body, path: path + [id]) { return found }
                case .quote(let body):
                    if let found = search(body, path: path) { return found }
                case .list(let list):
                    for item in list.items {
                        if let found = search(item.blocks, path: item.section.map { path + [$0] } ?? path) { return found }
                    }
                default:
                    break
                }
                return path
            }
            return nil
        }
        return search(document.blocks, path: []) ?? []
    }
}

extension ReaderState {
    /// The link drawn at a window cell (row 0 is the header), for a click.
    public func link(atRow row: Int, column: Int) -> Int? {
        guard overlay == nil, prompt == nil, row >= 1, row <= pageHeight else { return nil }
        let index = top + row - 1
        guard layout.lines.indices.contains(index) else { return nil }
        let x = column - leftMargin
        for run in layout.lines[index].runs where x >= run.column && x < run.column + CellWidth.of(run.text) {
            return run.style.link
        }
        return nil
    }
}
