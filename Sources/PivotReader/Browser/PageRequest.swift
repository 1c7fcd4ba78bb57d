import PivotDocument

/// A page the core asks the edge to load, and why: the reason decides what happens to the
/// history once the page is there (nothing changes when it cannot be loaded).
public struct PageRequest: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// A link followed, a page picked in the site index, or a deep link.
        case follow
        case back
        case forward
        /// The open page changed on disk.
        case reload
    }

    /// The page's path relative to the site root; nil for the page the reader started with when
    /// it has no site (standard input, the built-in page).
    public var path: String?
    public var reason: Reason
    /// An `#anchor` to show once the page is there.
    public var fragment: String?
    /// Where to put the reader (back, forward, reload).
    public var place: PagePlace?
    /// A site search result to show: the match and the query, for `n` and `N`.
    public var match: SiteSearchHit?

    public init(path: String?, reason: Reason, fragment: String? = nil, place: PagePlace? = nil,
                match: SiteSearchHit? = nil) {
        self.path = path
        self.reason = reason
        self.fragment = fragment
        self.place = place
        self.match = match
    }
}

/// One step of the history: a page and the place on it, or the site index as it was.
public enum HistoryEntry: Hashable, Sendable {
    case page(path: String?, place: PagePlace)
    case index(SiteIndexView)
}

/// A match of a site-wide search: the page, the section holding it and its line of text.
public struct SiteSearchHit: Hashable, Sendable {
    public var path: String
    public var pageTitle: String
    public var section: String?
    /// The text around the match, on one line.
    public var line: String
    public var anchor: Anchor
    public var query: String
    /// Where the match is in the page's file, for a very large page searched in pieces (whose
    /// anchors are their own): the page opens there and its search goes on from there.
    public var sourceLine: Int?

    public init(path: String, pageTitle: String, section: String?, line: String, anchor: Anchor, query: String,
                sourceLine: Int? = nil) {
        self.sourceLine = sourceLine
        self.path = path
        self.pageTitle = pageTitle
        self.section = section
        self.line = line
        self.anchor = anchor
        self.query = query
    }
}
