import PivotDocument

/// A large page is laid out a window of units at a time (see `LayoutUnits`): the page on
/// screen and a margin above and below it, laid out again around the reading place when a key
/// goes past the margin. Small pages are laid out whole, as the window that holds every unit.
extension ReaderState {
    /// Lines kept laid out beyond each edge of the page.
    var windowMargin: Int { pageHeight * 2 }

    var laysOutWhole: Bool { !laysOutWindowsOnly && units.count <= settings.wholeLayoutLimit }

    /// Lays out the units around `anchor`, with at least `before` lines above its line and `after`
    /// lines from it on where the page has them (the whole page when it is small). Keeps `top` on
    /// the same text when that text is still laid out. Returns the anchor's line.
    @discardableResult
    mutating func layOutWindow(around anchor: Anchor, before: Int, after: Int) -> Int {
        let options = ReaderState.layoutOptions(settings, size)
        let topAnchor = layout.lines.indices.contains(top) ? layout.lines[top].anchor : nil
        if laysOutWhole {
            layout = Layout(document: document, options: options, folds: folds, standIns: standIns, units: units,
                            window: 0..<units.count)
        } else {
            var window = units.index(containing: anchor)..<min(units.count, units.index(containing: anchor) + 1)
            var step = 8
            while true {
                let candidate = Layout(document: document, options: options, folds: folds, standIns: standIns,
                                       units: units, window: window)
                let line = candidate.lineIndex(for: anchor)
                let moreBefore = line < before && window.lowerBound > 0
                let moreAfter = candidate.lines.count - line < after && window.upperBound < units.count
                if !moreBefore && !moreAfter {
                    layout = candidate
                    break
                }
                window = (moreBefore ? max(0, window.lowerBound - step) : window.lowerBound)
                    ..< (moreAfter ? min(units.count, window.upperBound + step) : window.upperBound)
                step *= 2
            }
        }
        top = min(max(0, topAnchor.map { layout.lineIndex(for: $0) } ?? 0), maxTop)
        return layout.lineIndex(for: anchor)
    }

    /// `line` (an index into the current window, possibly outside it) in a window that holds it
    /// and a margin around a page there.
    mutating func windowed(_ line: Int) -> Int {
        guard !layout.isComplete, layout.lines.indices.contains(top) else { return line }
        let nearStart = line - windowMargin / 2 < 0 && !layout.reachesStart
        let nearEnd = line + pageHeight + windowMargin / 2 > layout.lines.count && !layout.reachesEnd
        guard nearStart || nearEnd else { return line }
        let delta = line - top
        let reference = layOutWindow(around: layout.lines[top].anchor, before: max(0, -delta) + windowMargin,
                                     after: max(0, delta) + pageHeight + windowMargin)
        return reference + delta
    }

    /// The line showing `anchor`, with the window laid out around it first when it is not.
    mutating func line(showing anchor: Anchor) -> Int {
        let line = layout.lineIndex(for: anchor)
        if layout.isComplete { return line }
        let unit = units.index(containing: anchor)
        let laidOut = layout.window.contains(unit)
            && (line >= windowMargin / 2 || layout.reachesStart)
            && (layout.lines.count - line >= pageHeight + windowMargin / 2 || layout.reachesEnd)
        if laidOut { return line }
        return layOutWindow(around: anchor, before: windowMargin, after: pageHeight + windowMargin)
    }

    /// The line with `section`'s fold marker, laying out the window around it on a large page.
    mutating func markerLine(of section: Int) -> Int? {
        if let line = layout.markerLines[section] { return line }
        guard !layout.isComplete, let unit = units.sectionUnits[section] else { return nil }
        layOutWindow(around: units[unit].start, before: windowMargin, after: pageHeight + windowMargin)
        guard let line = layout.markerLines[section] else { return nil }
        return line
    }

    /// Lays out more of the page beyond the window's edge; false when the window already reaches it.
    mutating func extendWindow(forward: Bool) -> Bool {
        guard layout.lines.indices.contains(top), forward ? !layout.reachesEnd : !layout.reachesStart else { return false }
        let before = forward ? windowMargin : 2 * (top + windowMargin)
        let after = forward ? 2 * (layout.lines.count - top + windowMargin) : pageHeight + windowMargin
        layOutWindow(around: layout.lines[top].anchor, before: before, after: after)
        return true
    }

    mutating func scrollToStart() {
        if !layout.reachesStart, units.count > 0 {
            layOutWindow(around: units[0].start, before: 0, after: pageHeight + windowMargin)
        }
        scroll(to: 0)
    }

    mutating func scrollToEnd() {
        if !layout.reachesEnd, units.count > 0 {
            layOutWindow(around: units[units.count - 1].start, before: pageHeight + windowMargin, after: 0)
        }
        scroll(to: maxTop)
    }

    /// True when a folded section hides `section`.
    func isFoldedAway(_ section: Int) -> Bool {
        var ancestor = document.sections[section].parent
        while let current = ancestor {
            if folds.contains(current) { return true }
            ancestor = document.sections[current].parent
        }
        return false
    }
}
