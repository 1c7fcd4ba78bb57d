/// `/`, `n` and `N`: search the whole page, unfolding what hides a match.
extension ReaderState {
    mutating func startSearch(_ query: String) {
        search = query
        searchCursor = nil
        // Found once per query; n and N only walk the list.
        searchMatches = SearchIndex.matches(of: query, in: document, glyphs: settings.glyphs)
        findNext(forward: true)
    }

    mutating func findNext(forward: Bool) {
        guard let query = search else {
            message = "no search yet: press / to search"
            return
        }
        let matches = searchMatches
        guard !matches.isEmpty else {
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
        let wrapped = chosen == nil
        guard let match = chosen ?? (forward ? matches.first : matches.last) else { return }

        var newFolds = folds
        for section in match.sections { newFolds.remove(section) }
        relayout(folds: newFolds)
        scroll(to: line(showing: match.anchor))
        searchCursor = match.anchor
        if let innermost = match.sections.last { focus = innermost }
        keepFocusVisible()
        let position = (matches.firstIndex { $0.anchor == match.anchor } ?? 0) + 1
        message = "\(query): match \(position) of \(matches.count)" + (wrapped ? ", wrapped" : "")
    }
}
