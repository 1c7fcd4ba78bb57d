/// Moving through the page, and keeping the place when the layout changes.
extension ReaderState {
    mutating func scroll(by lines: Int) {
        scroll(to: top + lines)
    }

    mutating func scroll(to line: Int) {
        top = min(max(0, line), maxTop)
    }

    /// Scrolls the least needed to show `line`; a line far away comes to the top.
    mutating func reveal(line: Int) {
        if line < top || line >= top + pageHeight { scroll(to: line) }
    }

    /// Lays the page out again (new width or folds) with the same line at the top.
    mutating func relayout(folds newFolds: Set<Int>? = nil) {
        let anchor = layout.lines.indices.contains(top) ? layout.lines[top].anchor : nil
        let options = ReaderState.layoutOptions(settings, size)
        let folds = newFolds ?? self.folds
        guard options != layout.options || folds != layout.folds else { return }
        self.folds = folds
        layout = Layout(document: document, options: options, folds: folds)
        top = anchor.map { layout.lineIndex(for: $0) } ?? 0
        scroll(to: top)
        keepFocusVisible()
    }

    mutating func resize(to newSize: Size) {
        size = ReaderState.clamped(newSize)
        windowSize = Size(width: min(max(0, newSize.width), 4096), height: min(max(0, newSize.height), 4096))
        relayout()
        scroll(to: top)
        if case .outline(let selection, _) = overlay { overlay = .outline(selection: selection, scroll: max(0, selection - pageHeight / 2)) }
    }
}
