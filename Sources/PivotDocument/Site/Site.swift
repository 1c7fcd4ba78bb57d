/// A site as the reader sees it: its pages with their titles and permalinks, in the order the
/// site index lists them, and the maps links are resolved through. Built from a listing the
/// edge reads (`SiteFile`s); pure.
public struct Site: Sendable, SiteContext {
    /// True when built with a `_config.yml`: Jekyll's rules for pages, posts and collections.
    public let isJekyll: Bool
    /// In index order (`SiteOrder`).
    public let pages: [SitePage]
    let config: YAMLValue
    let lookUp: SiteLookUp
    /// Title, permalink and path of every page in one text, lower-cased and as written, for the filter.
    let filterKeys: [(folded: [UInt8], exact: [UInt8])]

    /// `config`: the text of `_config.yml`; nil for a plain folder of Markdown, whose every file
    /// is a page at "/" and its path.
    public init(files: [SiteFile], config configText: String?) {
        let config = configText.flatMap { try? YAMLReader.read($0) } ?? .null
        let isJekyll = configText != nil
        let rules = JekyllRules(config: config, isJekyll: isJekyll)
        var entries: [JekyllRules.Entry] = []
        var seen = Set<String>()
        for file in files where seen.insert(file.path).inserted {
            if let entry = rules.entry(for: file) { entries.append(entry) }
        }
        let keys = entries.map { SiteOrder.key(for: $0.page, isJekyll: isJekyll) }
        let order = entries.indices.sorted { SiteOrder.precedes(keys[$0], keys[$1]) }
        entries = order.map { entries[$0] }
        self.isJekyll = isJekyll
        self.config = config
        pages = entries.map(\.page)
        lookUp = SiteLookUp(entries: entries)
        filterKeys = pages.map {
            let text = $0.title + "\u{0}" + $0.permalink + "\u{0}" + $0.path
            return (Array(text.lowercased().utf8), Array(text.utf8))
        }
    }

    public func index(ofPath path: String) -> Int? {
        lookUp.byPath[path]
    }

    /// The page served at a site-absolute URL path: `/about/`, `/about`, `/about.html` and
    /// `/about/index.html` are one address; the site's `baseurl` in front is dropped.
    public func page(forPermalink url: String) -> Int? {
        var path = url
        if let base = config["baseurl"]?.string, base != "/", !base.isEmpty {
            let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
            if path == trimmed || path.hasPrefix(trimmed + "/") { path = String(path.dropFirst(trimmed.count)) }
        }
        return lookUp.byPermalink[SitePaths.permalinkKey(path)]
    }

    /// A post as `{% post_url %}` names it: `2020-01-02-title`, maybe with its folder inside
    /// `_posts/` and its extension.
    public func page(forPost name: String) -> Int? {
        lookUp.byPostName[name] ?? lookUp.byPostName[SitePaths.removingExtension(name)]
    }

    /// A wiki link's page: by title (any case), else by file name without extension (any case;
    /// `My Page` finds `my-page.md`), else by path (with or without extension).
    public func page(named wikiName: String) -> Int? {
        let wanted = wikiName.trimmingSpaces().lowercased()
        guard !wanted.isEmpty else { return nil }
        return lookUp.byTitle[wanted] ?? lookUp.byFileName[wanted] ?? lookUp.byFileName[wanted.replacingAll(" ", with: "-")]
            ?? lookUp.byFoldedPath[wanted] ?? lookUp.byFoldedPath[SitePaths.removingExtension(wanted)]
    }

    /// The page a folder link shows (`docs/`): its `index`, else its `README` (any case), a
    /// `.md` file before other Markdown extensions. `folder` is "" for the root.
    func home(ofFolder folder: String) -> Int? {
        lookUp.homeByFolder[folder]
    }

    // MARK: SiteContext

    /// `{% link path %}`: the permalink of the page at `path` from the root (a leading "/" is
    /// allowed); nil when the site has no such page.
    public func permalink(forPath path: String) -> String? {
        (index(ofPath: path) ?? (path.hasPrefix("/") ? index(ofPath: String(path.dropFirst())) : nil)).map { pages[$0].permalink }
    }

    public func permalink(forPost name: String) -> String? {
        page(forPost: name).map { pages[$0].permalink }
    }

    /// A value of `_config.yml` by dotted key (`author.name`), as `FileSite` reads it.
    public func value(forKey key: String) -> String? {
        var node: YAMLValue? = config
        for part in key.split(separator: ".") { node = node?[String(part)] }
        return node?.string
    }
}
