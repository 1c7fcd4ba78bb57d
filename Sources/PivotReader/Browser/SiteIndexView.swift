import PivotDocument

/// The site index as it is on screen: the filter typed so far, the rows it leaves, the
/// selection; or, after `/`, the hits of a search through every page.
public struct SiteIndexView: Hashable, Sendable {
    public internal(set) var filter = ""
    /// Indices into `Site.pages` of the rows shown, in the site's order.
    public internal(set) var rows: [Int]
    public internal(set) var selection = 0
    public internal(set) var scroll = 0
    /// The site-wide query being typed after `/`.
    public internal(set) var prompt: String?
    /// The last site-wide search: shown instead of the pages until Esc.
    public internal(set) var results: SiteSearchResults?

    public init(site: Site) {
        rows = Array(site.pages.indices)
    }

    /// How many rows the list has: pages, or search hits.
    var rowCount: Int { results?.hits.count ?? rows.count }

    mutating func refilter(in site: Site) {
        rows = SiteIndexFilter.matches(filter, in: site)
        selection = 0
        scroll = 0
    }

    mutating func moveSelection(by amount: Int, pageHeight: Int) {
        guard rowCount > 0 else { return }
        selection = min(max(0, selection.addingClamped(amount)), rowCount - 1)
        if selection < scroll { scroll = selection }
        if selection >= scroll + pageHeight { scroll = selection - pageHeight + 1 }
    }
}

/// What a site-wide search found.
public struct SiteSearchResults: Hashable, Sendable {
    public var query: String
    public var hits: [SiteSearchHit]
    /// True until the edge has answered.
    public var isSearching: Bool
}

/// The links panel (`L`): the page's links, local ones first, with where each leads.
public struct LinksPanel: Hashable, Sendable {
    /// Indices into `Document.links`, in the panel's order.
    public internal(set) var order: [Int]
    public internal(set) var selection = 0
    public internal(set) var scroll = 0
}
