/// Moving through the page, and keeping the place when the layout changes.
extension ReaderState {
    mutating func scroll(by lines: Int) {
        scroll(to: top + lines)
    }

    mutating func scroll(to line: Int) {
        top = min(max(0, windowed(line)), maxTop)
        readingAnchor = layout.lines.indices.contains(top) ? layout.lines[top].anchor : nil
    }

    /// Scrolls the least needed to show `line`; a line far away comes to the top.
    mutating func reveal(line: Int) {
        if line < top || line >= top + pageHeight { scroll(to: line) }
    }

    /// Lays the page out again (new width, folds or stand-ins) with the same text at the top. The anchor
    /// is the one the reader last scrolled to, so 80 -> 40 -> 80 columns returns to the same line.
    mutating func relayout(folds newFolds: Set<Int>? = nil, always: Bool = false) {
        let options = ReaderState.layoutOptions(settings, size)
        let folds = newFolds ?? self.folds
        guard always || options != layout.options || folds != layout.folds else { return }
        let anchor = readingAnchor ?? (layout.lines.indices.contains(top) ? layout.lines[top].anchor : nil)
        if folds != self.folds { units = LayoutUnits(document: document, folds: folds) }
        self.folds = folds
        let start = anchor ?? (units.count > 0 ? units[0].start : Anchor(order: 0, offset: 0))
        let line = layOutWindow(around: start, before: windowMargin, after: pageHeight + windowMargin)
        top = min(max(0, line), maxTop)
        if top != line { readingAnchor = layout.lines.indices.contains(top) ? layout.lines[top].anchor : nil }
        keepFocusVisible()
    }

    mutating func resize(to newSize: Size) {
        size = ReaderState.clamped(newSize)
        windowSize = Size(width: min(max(0, newSize.width), 4096), height: min(max(0, newSize.height), 4096))
        relayout()
        top = min(top, maxTop)
        if case .outline(let selection, _) = overlay { overlay = .outline(selection: selection, scroll: max(0, selection - pageHeight / 2)) }
    }
}
