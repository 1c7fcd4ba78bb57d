/// A Markdown file of a site as the edge found it: its path from the site's root and the top of
/// its text (front matter and, usually, the first heading).
public struct SiteFile: Sendable, Hashable {
    /// "/"-separated, relative to the root: `_pages/about.md`.
    public var path: String
    /// The first few kilobytes of the file's text.
    public var head: String

    public init(path: String, head: String) {
        self.path = path
        self.head = head
    }
}

/// A page of a site, as the site index lists it.
public struct SitePage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case page
        /// A file of `_posts/`, dated by its name.
        case post
        /// A file of a collection `_config.yml` names (`_courses/` for `courses`).
        case collection(String)
    }

    public var path: String
    /// Front matter `title`, else the first heading, else the file's name.
    public var title: String
    /// Where the site serves it: front matter `permalink`, else Jekyll's own rule; for a folder
    /// of Markdown without `_config.yml`, "/" and the path.
    public var permalink: String
    /// A post's date, `YYYY-MM-DD`.
    public var date: String?
    public var kind: Kind

    public init(path: String, title: String, permalink: String, date: String? = nil, kind: Kind = .page) {
        self.path = path
        self.title = title
        self.permalink = permalink
        self.date = date
        self.kind = kind
    }
}
