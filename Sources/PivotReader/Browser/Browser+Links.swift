import PivotDocument

/// Following links: by number (`f` N Enter), from the links panel (`L`), or by a click.
extension Browser {
    /// Where the page's link `index` leads, resolved against the site.
    public func target(ofLink index: Int) -> LinkTarget? {
        guard let reader, reader.document.links.indices.contains(index) else { return nil }
        return LinkResolver.resolve(reader.document.links[index], from: path, in: site)
    }

    mutating func follow(link index: Int) -> [Effect] {
        guard let reader, reader.document.links.indices.contains(index) else {
            let offset = reader?.document.linkNumberOffset ?? 0
            // A very large page read in pieces knows the links around the reading place only.
            note(reader?.pageIndex != nil ? "link \(index + 1 + offset) is not near here: scroll to it first"
                 : "no link \(index + 1 + offset) on this page")
            return []
        }
        if awaitsSite {
            pendingLink = index
            note("reading the site…")
            return requestSite()
        }
        switch LinkResolver.resolve(reader.document.links[index], from: path, in: site) {
        case .fragment(let id):
            jump(toFragment: id)
            return []
        case .page(let targetPath, let fragment):
            if targetPath == path {
                if let fragment { jump(toFragment: fragment) } else { jumpToTop() }
                return []
            }
            return [.open(PageRequest(path: targetPath, reason: .follow, fragment: fragment))]
        case .external(let url):
            note("external link, not opened: \(url)")
        case .missing(let what) where Self.looksLikePagePath(what):
            // Not listed when the site was read: the edge looks again (a page written since, or a
            // symlink that leads out of the site) and says which.
            return [.open(PageRequest(path: what, reason: .follow))]
        case .missing(let what):
            note("no such page in this site: \(what)")
        case .outside(let what):
            note("not in this site: \(what)")
        }
        return []
    }

    static func looksLikePagePath(_ path: String) -> Bool {
        !path.hasPrefix("/") && SitePaths.isMarkdown(path)
    }

    /// An `#anchor` of the page itself: a step in the history, so `B` comes back.
    private mutating func jump(toFragment id: String) {
        guard var current = reader else { return }
        guard let order = current.document.order(ofAnchor: id) else {
            note(id.isEmpty ? "the link points at this page" : "no anchor #\(id) on this page")
            return
        }
        if let entry = currentEntry { Self.push(entry, onto: &backStack) }
        forwardStack = []
        current.reveal(order: order)
        reader = current
    }

    private mutating func jumpToTop() {
        guard var current = reader else { return }
        if let entry = currentEntry { Self.push(entry, onto: &backStack) }
        forwardStack = []
        current.restore(PagePlace(folds: current.folds))
        reader = current
    }

    // MARK: - f N Enter

    mutating func linkEntryKey(_ key: Key) -> [Effect] {
        switch key {
        case .character(let digit) where digit.isASCII && digit.isNumber:
            if (linkEntry?.count ?? 0) < 6 { linkEntry?.append(digit) }
        case .backspace:
            if linkEntry?.isEmpty == true { linkEntry = nil } else { linkEntry?.removeLast() }
        case .enter:
            let typed = linkEntry ?? ""
            linkEntry = nil
            guard let number = Int(typed), number > 0 else { return [] }
            return follow(link: number - 1 - (reader?.document.linkNumberOffset ?? 0))
        default:
            // Esc, Ctrl-G or any other key: nothing is followed.
            linkEntry = nil
        }
        return []
    }

    // MARK: - The links panel

    mutating func openLinksPanel() {
        guard let reader, !reader.document.links.isEmpty else {
            note("this page has no links")
            return
        }
        // Pages of the site first, then anchors of this page, then the rest, each in page order.
        let links = reader.document.links.indices
        func rank(_ index: Int) -> Int {
            switch LinkResolver.resolve(reader.document.links[index], from: path, in: site) {
            case .page: return 0
            case .fragment: return 1
            case .missing: return 2
            case .external: return 3
            case .outside: return 4
            }
        }
        let ranks = links.map(rank)
        linksPanel = LinksPanel(order: links.sorted { (ranks[$0], $0) < (ranks[$1], $1) })
    }

    mutating func linksPanelKey(_ key: Key) -> [Effect] {
        guard let panel = linksPanel else { return [] }
        switch key {
        case .escape, .character("q"), .character("L"):
            linksPanel = nil
        case .character("j"), .down, .tab: moveInLinksPanel(by: 1)
        case .character("k"), .up, .backTab: moveInLinksPanel(by: -1)
        case .character(" "), .pageDown: moveInLinksPanel(by: listHeight)
        case .character("b"), .pageUp: moveInLinksPanel(by: -listHeight)
        case .character("g"), .home: moveInLinksPanel(by: -Int(Int32.max))
        case .character("G"), .end: moveInLinksPanel(by: Int(Int32.max))
        case .enter, .character("l"), .right:
            linksPanel = nil
            return follow(link: panel.order[panel.selection])
        default:
            break
        }
        return []
    }

    mutating func moveInLinksPanel(by amount: Int) {
        guard var panel = linksPanel, !panel.order.isEmpty else { return }
        panel.selection = min(max(0, panel.selection.addingClamped(amount)), panel.order.count - 1)
        panel.reveal(pageHeight: listHeight)
        linksPanel = panel
    }
}

extension LinksPanel {
    mutating func reveal(pageHeight: Int) {
        if selection < scroll { scroll = selection }
        if selection >= scroll + pageHeight { scroll = selection - pageHeight + 1 }
        scroll = max(0, min(scroll, max(0, order.count - pageHeight)))
    }
}
