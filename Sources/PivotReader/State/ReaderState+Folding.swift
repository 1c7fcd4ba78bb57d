/// Folding sections and moving the focus between them.
extension ReaderState {
    /// Visible sections (those with a marker line), in reading order.
    var visibleSections: [(section: Int, line: Int)] {
        layout.markerLines.map { (section: $0.key, line: $0.value) }.sorted { $0.line < $1.line }
    }

    mutating func toggle(_ section: Int) {
        if folds.contains(section) { unfold(section) } else { fold(section) }
    }

    mutating func fold(_ section: Int) {
        var newFolds = folds
        newFolds.insert(section)
        relayout(folds: newFolds)
        if let line = layout.markerLines[section] { reveal(line: line) }
    }

    mutating func unfold(_ section: Int) {
        var newFolds = folds
        newFolds.remove(section)
        relayout(folds: newFolds)
    }

    mutating func foldAll() {
        relayout(folds: Set(document.sections.map(\.id)))
        if let focus, let line = markerLine(of: focus) { reveal(line: line) }
    }

    mutating func unfoldAll() {
        relayout(folds: [])
    }

    /// The focused section when its marker is on screen, else the first marker on screen.
    private mutating func sectionToActOn() -> Int? {
        if let focus, let line = layout.markerLines[focus], line >= top, line < top + pageHeight { return focus }
        let onScreen = visibleSections.first { $0.line >= top && $0.line < top + pageHeight }
        focus = onScreen?.section
        return focus
    }

    mutating func toggleFocused() {
        if let section = sectionToActOn() { toggle(section) }
    }

    /// h: fold the focused section; on one already folded, move to its parent.
    mutating func foldFocused() {
        guard let section = sectionToActOn() else { return }
        if folds.contains(section) {
            if let parent = document.sections[section].parent {
                focus = parent
                if let line = markerLine(of: parent) { reveal(line: line) }
            }
        } else {
            fold(section)
        }
    }

    /// l: unfold the focused section; on one already open, move to its first child.
    mutating func unfoldFocused() {
        guard let section = sectionToActOn() else { return }
        if folds.contains(section) {
            unfold(section)
        } else if let child = document.sections[section].children.first, let line = markerLine(of: child) {
            focus = child
            reveal(line: line)
        }
    }

    mutating func moveFocus(forward: Bool) {
        while true {
            if let target = nextSection(forward: forward) {
                focus = target.section
                reveal(line: target.line)
                return
            }
            // On a large page the next section may lie beyond the laid-out window.
            guard extendWindow(forward: forward) else { return }
        }
    }

    private func nextSection(forward: Bool) -> (section: Int, line: Int)? {
        let sections = visibleSections
        let current = focus.flatMap { layout.markerLines[$0] }
        if let current, current >= top - pageHeight, current < top + 2 * pageHeight {
            return forward ? sections.first { $0.line > current } : sections.last { $0.line < current }
        }
        // No focus near the page: start from what is on screen.
        return forward ? sections.first { $0.line >= top } : sections.last { $0.line < top + pageHeight }
    }

    mutating func jumpToTopLevel(_ number: Int) {
        let topLevel = document.topLevelSections
        guard number >= 1, number <= topLevel.count else {
            message = "there is no section \(number) (this page has \(topLevel.count))"
            return
        }
        let section = topLevel[number - 1]
        focus = section
        if let line = markerLine(of: section) { scroll(to: line) }
    }

    /// After folds change, a focus hidden inside a folded section moves to the visible ancestor.
    mutating func keepFocusVisible() {
        while let current = focus, layout.markerLines[current] == nil,
              layout.isComplete || !layout.options.showsMarkers || isFoldedAway(current) {
            focus = document.sections[current].parent
        }
    }
}
