/// Routes each event to the part of the reader it is meant for.
extension ReaderState {
    mutating func handle(_ event: ReaderEvent) -> [Effect] {
        let effects = handleEvent(event)
        // A page read in pieces may need others now (see `piecesNeeded`).
        guard pageIndex != nil, !effects.contains(.quit) else { return effects }
        if focus != nil { focusElsewhere = nil }
        return effects + piecesNeeded()
    }

    private mutating func handleEvent(_ event: ReaderEvent) -> [Effect] {
        switch event {
        case .resize(let newSize):
            resize(to: newSize)
            return []
        case .tick(let now):
            playback.advance(to: now)
            return []
        case .mouse(let action, let row, let column):
            noteInput()
            mouse(action, row: row, column: column)
            return []
        case .key(let key):
            noteInput()
            if key == .control("c") { return [.quit] }
            clearKeyNotes()
            if prompt != nil {
                promptKey(key)
                return []
            }
            if overlay != nil { return overlayKey(key) }
            return readingKey(key)
        }
    }

    /// What any key clears from the status line, whoever answers the key (the reader, or the
    /// browser for `f`, `L`, `B`…): a note, and the place Ctrl-G reported.
    mutating func clearKeyNotes() {
        message = nil
        showsPosition = false
    }

    /// Input restarts an animation that stopped because the reader was idle.
    private mutating func noteInput() {
        if settings.animates, isIdleStopped { playback.restart() }
        playback.noteInput()
    }

    private mutating func readingKey(_ key: Key) -> [Effect] {
        awaitsEnd = false
        switch key {
        case .character("q"), .character("Q"): return [.quit]
        case .character("j"), .down, .control("n"), .control("e"): scroll(by: 1)
        case .character("k"), .up, .control("p"), .control("y"): scroll(by: -1)
        case .character(" "), .pageDown, .control("f"): scroll(by: pageHeight)
        case .character("b"), .pageUp, .control("b"): scroll(by: -pageHeight)
        case .character("d"), .control("d"): scroll(by: max(1, pageHeight / 2))
        case .character("u"), .control("u"): scroll(by: -max(1, pageHeight / 2))
        case .character("g"), .character("<"), .home:
            showTopOfPage()
            scrollToStart()
        case .character("G"), .character(">"), .end:
            // A page read in pieces has its last piece parsed ahead: no layout of these first.
            if pageIndex == nil || reachesPageEnd || endPieces == nil { scrollToEnd() }
            awaitsEnd = isPartial
            showEndOfPage()
        case .tab, .character("]"): moveFocus(forward: true)
        case .backTab, .character("["): moveFocus(forward: false)
        case .enter: toggleFocused()
        case .character("h"), .left: foldFocused()
        case .character("l"), .right: unfoldFocused()
        case .character("-"): foldAll()
        case .character("+"), .character("="): unfoldAll()
        case .character("t"): openOutline()
        case .character("?"): overlay = .help(scroll: 0)
        case .control("g"): showsPosition = true
        case .character("i"): overlay = .info(scroll: 0)
        case .character("p"): togglePause()
        case .character("/"): prompt = ""
        case .character("n"): findNext(forward: true)
        case .character("N"): findNext(forward: false)
        case .character(let digit) where digit.isASCII && digit.isNumber && digit != "0":
            jumpToTopLevel(Int(String(digit))!)
        default: break
        }
        return []
    }

    private mutating func promptKey(_ key: Key) {
        switch key {
        case .enter:
            let query = prompt ?? ""
            prompt = nil
            if !query.isEmpty { startSearch(query) } else if search != nil { findNext(forward: true) }
        case .escape, .control("g"):
            prompt = nil
        case .backspace:
            if prompt?.isEmpty == true { prompt = nil } else { prompt?.removeLast() }
        case .control("u"):
            prompt = ""
        case .character(let character):
            if (prompt?.count ?? 0) < 200 { prompt?.append(character) }
        default:
            break
        }
    }

    private mutating func mouse(_ action: MouseAction, row: Int, column: Int) {
        switch action {
        case .wheelUp: if overlay == nil { scroll(by: -3) } else { scrollOverlay(by: -3) }
        case .wheelDown: if overlay == nil { scroll(by: 3) } else { scrollOverlay(by: 3) }
        case .click:
            guard overlay == nil, prompt == nil, row >= 1, row <= pageHeight, (0...4096).contains(column) else { return }
            let index = top + row - 1
            guard layout.lines.indices.contains(index), let section = layout.lines[index].marker else { return }
            let markerColumn = leftMargin + layout.lines[index].markerColumn
            if abs(column - markerColumn) <= 1 {
                focus = section
                toggle(section)
            }
        }
    }
}
