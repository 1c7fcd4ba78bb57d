import PivotDocument

/// The site index: typing filters the pages, Enter opens one, `/` searches every page's text.
extension Browser {
    /// `s` on a page: the site index, with the page's own row selected.
    mutating func openIndex() {
        guard let site else {
            note(awaitsSite ? "reading the site…" : "this page is not part of a site")
            return
        }
        if let entry = currentEntry { Self.push(entry, onto: &backStack) }
        forwardStack = []
        var view = SiteIndexView(site: site)
        if let path, let row = site.index(ofPath: path) { view.moveSelection(by: row, pageHeight: listHeight) }
        index = view
        linksPanel = nil
        linkEntry = nil
    }

    mutating func indexKey(_ key: Key) -> [Effect] {
        guard var view = index, let site else { return [] }
        if view.prompt != nil {
            let effects = searchPromptKey(key, view: &view)
            index = view
            return effects
        }
        switch key {
        case .down, .control("n"), .tab: view.moveSelection(by: 1, pageHeight: listHeight)
        case .up, .control("p"), .backTab: view.moveSelection(by: -1, pageHeight: listHeight)
        case .pageDown: view.moveSelection(by: listHeight, pageHeight: listHeight)
        case .pageUp: view.moveSelection(by: -listHeight, pageHeight: listHeight)
        case .home: view.moveSelection(by: -Int(Int32.max), pageHeight: listHeight)
        case .end: view.moveSelection(by: Int(Int32.max), pageHeight: listHeight)
        case .enter, .control("j"):
            index = view
            return open(selectionOf: view, in: site)
        case .character("/"):
            view.prompt = ""
        case .left:
            index = view
            return goBack()
        case .right:
            index = view
            return goForward()
        case .escape:
            if view.results != nil {
                view.results = nil
                view.moveSelection(by: 0, pageHeight: listHeight)
            } else if !view.filter.isEmpty {
                view.filter = ""
                view.refilter(in: site)
            } else {
                index = view
                return backStack.isEmpty ? [.quit] : goBack()
            }
        case .backspace:
            if view.filter.isEmpty {
                index = view
                return goBack()
            }
            view.filter.removeLast()
            view.refilter(in: site)
        case .control("u"):
            view.filter = ""
            view.refilter(in: site)
        case .character(let character):
            guard view.results == nil, view.filter.count < 200 else { break }
            view.filter.append(character)
            view.refilter(in: site)
        default:
            break
        }
        index = view
        return []
    }

    private mutating func open(selectionOf view: SiteIndexView, in site: Site) -> [Effect] {
        if let results = view.results {
            guard results.hits.indices.contains(view.selection) else { return [] }
            let hit = results.hits[view.selection]
            return [.open(PageRequest(path: hit.path, reason: .follow, match: hit))]
        }
        guard view.rows.indices.contains(view.selection) else {
            indexMessage = view.filter.isEmpty ? "this site has no pages" : "no page matches: \(view.filter)"
            return []
        }
        let page = site.pages[view.rows[view.selection]]
        // The page on screen before the index was opened is still here: no need to load it.
        if page.path == path, reader != nil {
            moveHistory(.follow)
            index = nil
            return []
        }
        return [.open(PageRequest(path: page.path, reason: .follow))]
    }

    private mutating func searchPromptKey(_ key: Key, view: inout SiteIndexView) -> [Effect] {
        switch key {
        case .enter:
            let query = view.prompt ?? ""
            view.prompt = nil
            guard !query.isEmpty else { return [] }
            view.results = SiteSearchResults(query: query, hits: [], isSearching: true)
            view.selection = 0
            view.scroll = 0
            return [.searchSite(query)]
        case .escape, .control("g"):
            view.prompt = nil
        case .backspace:
            if view.prompt?.isEmpty == true { view.prompt = nil } else { view.prompt?.removeLast() }
        case .control("u"):
            view.prompt = ""
        case .character(let character):
            if (view.prompt?.count ?? 0) < 200 { view.prompt?.append(character) }
        default:
            break
        }
        return []
    }
}
