/// `/`, `n` and `N`: search the whole page, unfolding what hides a match.
extension ReaderState {
    /// A new query: its matches found in what the reader holds, nothing counted or pending yet.
    mutating func beginSearch(_ query: String) {
        search = query
        searchCursor = nil
        // Found once per query; n and N only walk the list.
        searchMatches = SearchIndex.matches(of: query, in: document, glyphs: settings.glyphs)
        searchAwaitsPage = false
        pieceMatchCounts = nil
        countsAsked = false
        pendingMatch = nil
    }

    mutating func startSearch(_ query: String) {
        beginSearch(query)
        if pageIndex != nil && part != .whole {
            // A very large page: its matches are counted piece by piece first (`piecesNeeded`).
            searchAwaitsPage = true
            message = "searching…"
            return
        }
        let topAnchor = layout.lines.indices.contains(top) ? layout.lines[top].anchor : Anchor(order: 0, offset: 0)
        if part != .whole, !searchMatches.contains(where: { $0.anchor >= topAnchor }) {
            // Only part of the page is here yet: the search goes on when the rest comes.
            searchAwaitsPage = true
            message = "searching… (the page is still being read)"
            return
        }
        findNext(forward: true)
    }

    /// The rest of a page came (the whole, or the counts of its pieces): a search that waited for
    /// it goes on.
    mutating func resumeSearch() {
        guard searchAwaitsPage, search != nil else { return }
        if pageIndex != nil, part != .whole {
            guard case .pieces = part, pieceMatchCounts != nil else { return }
        }
        searchAwaitsPage = false
        findNext(forward: searchGoesForward)
        searchGoesForward = true
    }

    mutating func findNext(forward: Bool) {
        guard let query = search else {
            message = "no search yet: press / to search"
            return
        }
        if pageIndex != nil, pieceMatchCounts != nil, part != .whole, !isPieces {
            // A top or end part of a page read in pieces: the search goes on in the pieces that
            // take its place.
            searchAwaitsPage = true
            searchGoesForward = forward
            message = "searching…"
            return
        }
        let matches = searchMatches
        let inPieces = isPieces && pieceMatchCounts != nil
        guard !matches.isEmpty || inPieces else {
            message = "not found: \(query)"
            return
        }
        let topAnchor = layout.lines.indices.contains(top) ? layout.lines[top].anchor : Anchor(order: 0, offset: 0)
        // Continue from the last match while it is still at the top; otherwise from the top line.
        let chosen: SearchIndex.Match?
        if let cursor = searchCursor, layout.lineIndex(for: cursor) == top {
            chosen = forward ? matches.first { $0.anchor > cursor } : matches.last { $0.anchor < cursor }
        } else {
            chosen = forward ? matches.first { $0.anchor >= topAnchor } : matches.last { $0.anchor < topAnchor }
        }
        if inPieces, findNextInPieces(forward: forward, chosen: chosen) { return }
        let wrapped = chosen == nil
        guard let match = chosen ?? (forward ? matches.first : matches.last) else { return }
        let position = (matches.firstIndex { $0.anchor == match.anchor } ?? 0) + 1
        show(match, position: position, of: matches.count, wrapped: wrapped)
    }

    /// Shows a match at the top, unfolding what hides it, with its place among the page's matches.
    mutating func show(_ match: SearchIndex.Match, position: Int, of count: Int, wrapped: Bool) {
        guard let query = search else { return }
        var newFolds = folds
        for section in match.sections { newFolds.remove(section) }
        relayout(folds: newFolds)
        scroll(to: line(showing: match.anchor))
        searchCursor = match.anchor
        if let innermost = match.sections.last { focus = innermost }
        keepFocusVisible()
        message = "\(query): match \(position) of \(count)" + (wrapped ? ", wrapped" : "")
    }
}
