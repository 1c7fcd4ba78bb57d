/// A site as the reader sees it: its pages with their titles and permalinks, in the order the
/// site index lists them, and the maps links are resolved through. Built from a listing the
/// edge reads (`SiteFile`s); pure.
public struct Site: Sendable, SiteContext {
    /// True when built with a `_config.yml`: Jekyll's rules for pages, posts and collections.
    public let isJekyll: Bool
    public let pages: [SitePage]
    let config: YAMLValue
    private let indexByPath: [String: Int]
    /// Permalink keys (`SitePaths.permalinkKey`) to pages, aliases included.
    private let indexByPermalink: [String: Int]
    private let indexByPostName: [String: Int]
    /// Lower-cased title, file name and path of every page, for the filter and wiki links.
    let searchKeys: [(title: String, name: String, path: String, permalink: String)]

    public init(files: [SiteFile], config configText: String?) {
        let config = configText.flatMap { try? YAMLReader.read($0) } ?? .null
        let rules = JekyllRules(config: config, isJekyll: configText != nil)
        var built: [(page: SitePage, aliases: [String])] = []
        var seen = Set<String>()
        for file in files where seen.insert(file.path).inserted {
            guard let entry = rules.page(for: file) else { continue }
            built.append(entry)
        }
        built.sort { SiteOrder.precedes($0.page, $1.page, isJekyll: configText != nil) }
        isJekyll = configText != nil
        self.config = config
        pages = built.map(\.page)
        var byPath: [String: Int] = [:]
        var byPermalink: [String: Int] = [:]
        var byPost: [String: Int] = [:]
        for (index, entry) in built.enumerated() {
            byPath[entry.page.path] = index
            let key = SitePaths.permalinkKey(entry.page.permalink)
            if byPermalink[key] == nil || entry.page.permalink != "/" + entry.page.path { byPermalink[key] = index }
        }
        // Aliases only where no page declares that address.
        for (index, entry) in built.enumerated() {
            for alias in entry.aliases where byPermalink[SitePaths.permalinkKey(alias)] == nil {
                byPermalink[SitePaths.permalinkKey(alias)] = index
            }
            if entry.page.kind == .post {
                let inPosts = entry.page.path.split(separator: "/").dropFirst().joined(separator: "/")
                for name in [inPosts, SitePaths.removingExtension(inPosts), SitePaths.baseName(entry.page.path)]
                    where byPost[name] == nil {
                    byPost[name] = index
                }
            }
        }
        indexByPath = byPath
        indexByPermalink = byPermalink
        indexByPostName = byPost
        searchKeys = built.map {
            (title: $0.page.title.lowercased(), name: SitePaths.baseName($0.page.path).lowercased(),
             path: $0.page.path.lowercased(), permalink: $0.page.permalink.lowercased())
        }
    }

    public func index(ofPath path: String) -> Int? {
        indexByPath[path]
    }

    /// The page served at a site-absolute URL path (`/about/`, `/about`, `/about.html`,
    /// `/about/index.html`), after the site's `baseurl`.
    public func page(forPermalink url: String) -> Int? {
        var path = url
        if let base = config["baseurl"]?.string, base != "/", !base.isEmpty {
            let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
            if path == trimmed || path.hasPrefix(trimmed + "/") { path = String(path.dropFirst(trimmed.count)) }
        }
        return indexByPermalink[SitePaths.permalinkKey(path)]
    }

    /// A post named as `{% post_url %}` names it: `2020-01-02-title`, maybe in a subfolder.
    public func page(forPost name: String) -> Int? {
        indexByPostName[name] ?? indexByPostName[SitePaths.baseName(name)]
    }

    /// A wiki link's target: a page's title (any case), else its file name (spaces and hyphens
    /// alike), else its path.
    public func page(named wikiName: String) -> Int? {
        let wanted = wikiName.trimmingSpaces().lowercased()
        guard !wanted.isEmpty else { return nil }
        if let found = searchKeys.firstIndex(where: { $0.title == wanted }) { return found }
        let asName = wanted.replacingAll(" ", with: "-")
        if let found = searchKeys.firstIndex(where: { $0.name == wanted || $0.name == asName }) { return found }
        return searchKeys.firstIndex { $0.path == wanted || SitePaths.removingExtension($0.path) == wanted }
    }

    // MARK: SiteContext

    public func permalink(forPath path: String) -> String? {
        indexByPath[path].map { pages[$0].permalink }
    }

    public func permalink(forPost name: String) -> String? {
        page(forPost: name).map { pages[$0].permalink }
    }

    public func value(forKey key: String) -> String? {
        var node: YAMLValue? = config
        for part in key.split(separator: ".") { node = node?[String(part)] }
        return node?.string
    }
}
