/// Where a link leads, as the reader can follow it.
public enum LinkTarget: Sendable, Hashable {
    /// A page of the site (its path from the root), and an anchor in it.
    case page(path: String, fragment: String?)
    /// An anchor in the page the link is on.
    case fragment(String)
    /// `http:`, `https:` or `mailto:`: shown, never opened.
    case external(String)
    /// Inside the site, but no page is there: what was looked for.
    case missing(String)
    /// Not in this site: a path climbing out of it, an absolute file path, a hidden file,
    /// `_site/`, a file that is no Markdown page, another URL scheme.
    case outside(String)
}

/// Resolves a link of a page against its site, as the site itself would serve it. Pure: the
/// site's listing stands for the file system; the edge checks a path again before reading it.
///
/// - `#id` is kept as the fragment (percent-decoded, none when empty); `?query` is dropped; the
///   path is percent-decoded (a decoded `/` or `..` is a path step; a decoded control character,
///   like any backslash, makes the link outside). An empty link is missing; `#id` alone is an
///   anchor of the page itself.
/// - `http:`, `https:`, `mailto:` (any case) and `//host` are external; any other `scheme:`
///   (`javascript:`, `file:`, `data:`, `ftp:`) is outside.
/// - A relative path joins the page's folder; `.` and `..` are applied. Climbing above the root,
///   a hidden part (`.git`, `.env`) or `_site` is outside.
/// - A site-absolute path (`/about/`) is looked up as a permalink first (`/about`, `/about.html`
///   and `/about/index.html` are the same address, after the site's `baseurl`), then as a path.
/// - A Markdown file (`.md`, `.markdown`, `.mdown`, `.mkd`, `.mkdn`) is the page at that path,
///   or missing. `x.html` is a permalink, or missing. Any other file is outside.
/// - A folder (`docs/`, `docs`) is its `index` or `README` page, else a permalink, else `docs.md`
///   beside it, else missing.
/// - What is found nowhere: missing when it looks like a page of the site, outside when it looks
///   like a file path: a non-Markdown file, or an absolute path not ending in "/" (`/etc/passwd`;
///   site URLs end in "/", as `/about/`).
/// - Without a site (or, for a relative path, without the page's place in it) anchors and
///   external links resolve, paths never: they are missing, or outside as above.
/// - A wiki link (`[[Name#id]]`) is a page by title, file name or path (`Site.page(named:)`),
///   or missing; `[[#id]]` is an anchor of the page itself.
public enum LinkResolver {
    public static func resolve(_ link: Link, from pagePath: String?, in site: Site?) -> LinkTarget {
        var target = link.target.trimmingSpaces()
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if link.isWiki { return wikiPage(named: target, fragment: fragment, in: site) }
        if target.isEmpty {
            guard let fragment else { return .missing("") }
            return .fragment(SitePaths.percentDecoded(fragment))
        }
        if let scheme = scheme(of: target) {
            return ["http", "https", "mailto"].contains(scheme) ? .external(link.target) : .outside(link.target)
        }
        if target.hasPrefix("//") { return .external(link.target) }
        if let query = target.firstIndex(of: "?") {
            target = String(target[..<query])
            // `?x=1` alone is the page itself.
            if target.isEmpty { return .fragment(fragment.map(SitePaths.percentDecoded) ?? "") }
        }
        let decoded = SitePaths.percentDecoded(target)
        if decoded.contains("\\") || decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .outside(link.target)
        }
        let isAbsolute = decoded.hasPrefix("/")
        let base = isAbsolute ? [] : SitePaths.folder(of: pagePath ?? "").split(separator: "/")
        guard let parts = SitePaths.normalized(base + decoded.split(separator: "/", omittingEmptySubsequences: false)),
              !parts.contains(where: { $0.hasPrefix(".") || $0 == "_site" }) else {
            return .outside(link.target)
        }
        let path = parts.joined(separator: "/")
        let fragmentPart = fragment.map(SitePaths.percentDecoded).flatMap { $0.isEmpty ? nil : $0 }
        if let site, isAbsolute || pagePath != nil,
           let index = lookUp(path, isAbsolute: isAbsolute, url: decoded, in: site) {
            return .page(path: site.pages[index].path, fragment: fragmentPart)
        }
        return notFound(path, url: decoded, link: link.target)
    }

    /// The page a site path or URL names, when the site has it.
    private static func lookUp(_ path: String, isAbsolute: Bool, url: String, in site: Site) -> Int? {
        if isAbsolute, let index = site.page(forPermalink: url) { return index }
        if SitePaths.isMarkdown(path) { return site.index(ofPath: path) }
        let isFolder = url.hasSuffix("/")
        if let fileExtension = SitePaths.fileExtension(path), !isFolder {
            // `x.html` is how a site links its own pages; other files are not pages.
            return fileExtension == "html" || fileExtension == "htm" ? site.page(forPermalink: "/" + path) : nil
        }
        // A folder: its index or README, then a permalink, then `name.md` beside it.
        if let index = site.home(ofFolder: path) { return index }
        if let index = site.page(forPermalink: "/" + path) { return index }
        guard !path.isEmpty else { return nil }
        return site.index(ofPath: path + ".md") ?? site.index(ofPath: path + ".markdown")
    }

    /// Missing when the link looks like a page of a site, outside when it looks like a file path.
    private static func notFound(_ path: String, url: String, link: String) -> LinkTarget {
        if SitePaths.isMarkdown(path) { return .missing(path) }
        if let fileExtension = SitePaths.fileExtension(path), !url.hasSuffix("/") {
            return fileExtension == "html" || fileExtension == "htm" ? .missing(path) : .outside(link)
        }
        // A site's URLs end in "/" (`/about/`); an absolute path that names no page is a file path.
        if url.hasPrefix("/") && !url.hasSuffix("/") { return .outside(link) }
        return .missing(path.isEmpty ? "/" : path)
    }

    private static func wikiPage(named name: String, fragment: String?, in site: Site?) -> LinkTarget {
        let fragment = fragment.flatMap { $0.isEmpty ? nil : $0 }
        if name.trimmingSpaces().isEmpty {
            guard let fragment else { return .missing(name) }
            return .fragment(fragment)
        }
        guard let site, let index = site.page(named: name) else { return .missing(name) }
        return .page(path: site.pages[index].path, fragment: fragment)
    }

    /// The scheme of `text` when it starts with one (`https:`), lower-cased.
    public static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return nil }
        let name = text[..<colon].unicodeScalars
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        guard let first = name.first, isLetter(first),
              name.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }) else { return nil }
        return String(text[..<colon]).lowercased()
    }
}
