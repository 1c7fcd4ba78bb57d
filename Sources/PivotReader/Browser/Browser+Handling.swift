import PivotDocument

/// Routes each event: the browser's own keys first (links, history, the index), the rest to
/// the page reader.
extension Browser {
    mutating func handle(_ event: BrowserEvent) -> [Effect] {
        switch event {
        case .reader(let event):
            return handleReaderEvent(event)
        case .siteLoaded(let loaded):
            site = loaded
            awaitsSite = false
            if pendingPanel {
                pendingPanel = false
                openLinksPanel()
            }
            if pendingIndex {
                pendingIndex = false
                openIndex()
            }
            if let link = pendingLink {
                pendingLink = nil
                return follow(link: link)
            }
            return []
        case .pageLoaded(let request, let page, let isPartial):
            show(page, for: request, isPartial: isPartial)
            return []
        case .pageFailed(let request, let reason):
            note(request.reason == .reload ? "could not reload the page: \(reason)" : reason)
            return []
        case .restOfPage(let loadGeneration, let page):
            guard loadGeneration == generation, let current = reader else { return [] }
            // The part's pictures stay while the whole page's are drawn.
            reader = current.replacingPage(with: page).showingPictures(current.drawnPictures, notes: [])
            // The panel listed the part's links; the whole page has its own.
            if linksPanel != nil { openLinksPanel() }
            if let place = pendingPlace {
                pendingPlace = nil
                reader?.restore(place)
            }
            return []
        case .endOfPage(let loadGeneration, let piece):
            guard loadGeneration == generation, let current = reader else { return [] }
            reader = current.knowingEndOfPage(piece)
            if linksPanel != nil { openLinksPanel() }
            return []
        case .pageIndexed(let loadGeneration, let pageIndex):
            guard loadGeneration == generation, var current = reader else { return [] }
            let effects = current.knowIndex(pageIndex, at: pendingPlace?.sourceLine)
            reader = current
            return effects
        case .piecesLoaded(let loadGeneration, let range, let page):
            guard loadGeneration == generation, let current = reader else { return [] }
            var next = current.replacingPieces(range, with: page).showingPictures(current.drawnPictures, notes: [])
            if let place = pendingPlace {
                pendingPlace = nil
                next.restore(place)
            }
            let effects = next.piecesNeeded()
            reader = next
            if linksPanel != nil { openLinksPanel() }
            return effects
        case .endPiecesLoaded(let loadGeneration, let range, let page):
            guard loadGeneration == generation, let current = reader else { return [] }
            reader = current.knowingEndPieces(range, page: page)
            return []
        case .matchesCounted(let loadGeneration, let query, let counts):
            guard loadGeneration == generation, var current = reader else { return [] }
            current.countedMatches(of: query, counts: counts)
            let effects = current.piecesNeeded()
            reader = current
            return effects
        case .pageChanged:
            guard let reader else { return [] }
            return [.open(PageRequest(path: path, reason: .reload, place: pendingPlace ?? reader.place))]
        case .siteSearched(let query, let hits):
            guard var view = index, view.results?.query == query else { return [] }
            view.results = SiteSearchResults(query: query, hits: hits, isSearching: false)
            view.selection = 0
            view.scroll = 0
            index = view
            if hits.isEmpty { indexMessage = "not found in any page: \(query)" }
            return []
        case .picturesDrawn(let request, let drawn):
            show(drawn, for: request)
            return []
        }
    }

    private mutating func handleReaderEvent(_ received: ReaderEvent) -> [Effect] {
        var event = received
        switch received {
        case .tick(let time):
            now = time
        case .resize(let size):
            windowSize = size
            if var view = index {
                view.moveSelection(by: 0, pageHeight: listHeight)
                index = view
            }
            if var panel = linksPanel {
                panel.reveal(pageHeight: listHeight)
                linksPanel = panel
            }
        case .key(.control("c")):
            return [.quit]
        case .key(let typed):
            indexMessage = nil
            if index != nil { return indexKey(typed) }
            reader?.clearKeyNotes()
            let key = readsKeysAsActions ? settings.keyMap.translated(typed) : typed
            if let effects = browserKey(key) { return effects }
            event = .key(key)
        case .mouse(.click, let row, let column) where index == nil && linksPanel == nil:
            if let reader, let link = reader.link(atRow: row, column: column) { return follow(link: link) }
        case .mouse(let action, _, _) where index != nil || linksPanel != nil:
            let amount = action == .wheelUp ? -3 : (action == .wheelDown ? 3 : 0)
            let height = listHeight
            if index != nil { index?.moveSelection(by: amount, pageHeight: height) } else { moveInLinksPanel(by: amount) }
            return []
        default:
            break
        }
        guard let current = reader else { return [] }
        var (next, effects) = update(current, event)
        if case .info = next.overlay { next.placeInfo = placeInfo }
        reader = next
        return effects
    }

    /// True when the page links to other pages: its site is then read right after the first
    /// paint, so the first link followed does not wait for it.
    public var wantsSiteEarly: Bool {
        guard awaitsSite, let links = reader?.document.links else { return false }
        return links.contains { link in
            link.isWiki || (!link.target.hasPrefix("#") && LinkResolver.scheme(of: link.target) == nil
                && !link.target.hasPrefix("//") && !link.target.isEmpty)
        }
    }

    /// The site is read when first needed, not at start: a page read alone never pays for it.
    mutating func requestSite() -> [Effect] {
        guard awaitsSite, !siteRequested else { return [] }
        siteRequested = true
        return [.readSite]
    }

    /// Whether a key is read as a reading action (where the key map applies): not while a
    /// panel, a prompt or the link number takes typed characters.
    private var readsKeysAsActions: Bool {
        guard let reader else { return false }
        return linkEntry == nil && linksPanel == nil && reader.prompt == nil && reader.overlay == nil
    }

    /// Keys the browser answers on a page; nil hands the key to the page reader.
    private mutating func browserKey(_ key: Key) -> [Effect]? {
        guard let reader else { return nil }
        if linkEntry != nil { return linkEntryKey(key) }
        if linksPanel != nil { return linksPanelKey(key) }
        // The reader's search prompt and panels keep their keys.
        if reader.prompt != nil || reader.overlay != nil { return nil }
        switch key {
        case .character("f"):
            guard !reader.document.links.isEmpty else {
                note("this page has no links")
                return []
            }
            linkEntry = ""
            return []
        case .character("L"):
            if awaitsSite {
                pendingPanel = true
                note("reading the site…")
                return requestSite()
            }
            openLinksPanel()
            return []
        case .character("B"), .backspace:
            return goBack()
        case .character("F"):
            return goForward()
        case .character("s"):
            if awaitsSite {
                pendingIndex = true
                note("reading the site…")
                return requestSite()
            }
            openIndex()
            return []
        default:
            return nil
        }
    }
}
