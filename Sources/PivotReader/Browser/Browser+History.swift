import PivotDocument

/// Back and forward: the history keeps places, not documents. A step to another page asks the
/// edge to load it again; a step on the same page, or to the site index, happens at once.
extension Browser {
    mutating func goBack() -> [Effect] {
        guard let entry = backStack.last else {
            note("no page to go back to")
            return []
        }
        return step(to: entry, reason: .back)
    }

    mutating func goForward() -> [Effect] {
        guard let entry = forwardStack.last else {
            note("no page to go forward to")
            return []
        }
        return step(to: entry, reason: .forward)
    }

    private mutating func step(to entry: HistoryEntry, reason: PageRequest.Reason) -> [Effect] {
        switch entry {
        case .index(let view):
            guard site != nil else { return [] }
            moveHistory(reason)
            index = view
            linksPanel = nil
            return []
        case .page(let entryPath, let place):
            if entryPath == path, var current = reader {
                moveHistory(reason)
                index = nil
                current.restore(place)
                reader = current
                return []
            }
            return [.open(PageRequest(path: entryPath, reason: reason, place: place))]
        }
    }

    /// Moves the current place onto one stack and takes the step's entry off the other.
    mutating func moveHistory(_ reason: PageRequest.Reason) {
        let current = currentEntry
        switch reason {
        case .follow:
            if let current { Self.push(current, onto: &backStack) }
            forwardStack = []
        case .back:
            backStack.removeLast()
            if let current { Self.push(current, onto: &forwardStack) }
        case .forward:
            forwardStack.removeLast()
            if let current { Self.push(current, onto: &backStack) }
        case .reload:
            break
        }
    }

    /// The page the edge loaded for `request`, shown where the request says.
    mutating func show(_ page: PreparedPage, for request: PageRequest, isPartial: Bool) {
        if request.reason == .back && backStack.isEmpty || request.reason == .forward && forwardStack.isEmpty {
            return  // a step answered after the history changed: nothing to move
        }
        moveHistory(request.reason)
        var next = ReaderState(document: page.document, settings: settings, size: windowSize,
                               standIns: page.standIns, now: now, units: page.units)
        if let playback = reader?.playback { next.playback = playback }
        if isPartial { next = next.awaitingRestOfPage() }
        pendingPlace = nil
        if let place = request.place {
            next.restore(place)
            if isPartial { pendingPlace = place }
        } else if let match = request.match, let line = match.sourceLine {
            // A match in a very large page: the place first, the search once its pieces come.
            next.showMatch(of: match.query, atSourceLine: line)
            if isPartial { pendingPlace = PagePlace(sourceLine: line) }
        } else if let match = request.match {
            next.showMatch(of: match.query, at: match.anchor)
        } else if let fragment = request.fragment, !fragment.isEmpty {
            if let order = page.document.order(ofAnchor: fragment) {
                next.reveal(order: order)
            } else {
                next = next.withMessage("no anchor #\(fragment) on this page")
            }
        }
        if request.reason == .reload, let message = reader?.message, next.message == nil { next = next.withMessage(message) }
        reader = next
        path = request.path
        index = nil
        linksPanel = nil
        linkEntry = nil
        generation += 1
    }
}
