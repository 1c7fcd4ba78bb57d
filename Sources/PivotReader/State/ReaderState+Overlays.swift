/// Keys while the help, outline or info panel covers the page.
extension ReaderState {
    mutating func openOutline() {
        let order = document.sections.map(\.id)
        guard !order.isEmpty else {
            message = "this page has no sections"
            return
        }
        let selection = currentSection ?? 0
        overlay = .outline(selection: selection, scroll: max(0, selection - pageHeight / 2))
    }

    mutating func overlayKey(_ key: Key) -> [Effect] {
        guard let overlay else { return [] }
        switch key {
        case .escape, .character("q"), .character("Q"):
            self.overlay = nil
            return []
        default:
            break
        }
        switch overlay {
        case .outline(let selection, _):
            outlineKey(key, selection: selection)
        case .help, .info:
            switch key {
            case .character("?") where overlay == .help(scroll: overlayScroll),
                 .character("i") where overlay == .info(scroll: overlayScroll):
                self.overlay = nil
            case .character("j"), .down, .enter: scrollOverlay(by: 1)
            case .character("k"), .up: scrollOverlay(by: -1)
            case .character(" "), .pageDown, .character("f"): scrollOverlay(by: pageHeight)
            case .character("b"), .pageUp: scrollOverlay(by: -pageHeight)
            case .character("g"), .home: scrollOverlay(by: -Int(Int32.max))
            case .character("G"), .end: scrollOverlay(by: Int(Int32.max))
            default: break
            }
        }
        return []
    }

    var overlayScroll: Int {
        switch overlay {
        case .help(let scroll), .info(let scroll), .outline(_, let scroll): return scroll
        case nil: return 0
        }
    }

    mutating func scrollOverlay(by amount: Int) {
        let limit = max(0, overlayLineCount - pageHeight)
        switch overlay {
        case .help(let scroll): overlay = .help(scroll: min(max(0, scroll.addingClamped(amount)), limit))
        case .info(let scroll): overlay = .info(scroll: min(max(0, scroll.addingClamped(amount)), limit))
        case .outline(let selection, _):
            outlineKey(amount > 0 ? .down : .up, selection: selection)
        case nil: break
        }
    }

    /// Lines of the current panel's text (for scrolling bounds).
    var overlayLineCount: Int {
        switch overlay {
        case .help: return Panels.helpLines.count
        case .info: return Panels.infoLines(for: document, place: placeInfo).count
        case .outline: return document.sections.count
        case nil: return 0
        }
    }

    private mutating func outlineKey(_ key: Key, selection: Int) {
        let count = document.sections.count
        var newSelection = selection
        switch key {
        case .character("j"), .down, .tab: newSelection += 1
        case .character("k"), .up, .backTab: newSelection -= 1
        case .character(" "), .pageDown: newSelection += pageHeight
        case .character("b"), .pageUp: newSelection -= pageHeight
        case .character("g"), .home: newSelection = 0
        case .character("G"), .end: newSelection = count - 1
        case .character("t"):
            overlay = nil
            return
        case .enter, .character("l"), .right:
            overlay = nil
            jump(toSection: selection)
            return
        default:
            return
        }
        newSelection = min(max(0, newSelection), count - 1)
        var scroll = overlayScroll
        if newSelection < scroll { scroll = newSelection }
        if newSelection >= scroll + pageHeight { scroll = newSelection - pageHeight + 1 }
        overlay = .outline(selection: newSelection, scroll: scroll)
    }

    /// Shows a section from the outline: unfolds what hides it and brings it to the top.
    mutating func jump(toSection section: Int) {
        var newFolds = folds
        var ancestor = document.sections[section].parent
        while let current = ancestor {
            newFolds.remove(current)
            ancestor = document.sections[current].parent
        }
        relayout(folds: newFolds)
        focus = section
        if let line = markerLine(of: section) { scroll(to: line) }
    }
}

extension Int {
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }
}
