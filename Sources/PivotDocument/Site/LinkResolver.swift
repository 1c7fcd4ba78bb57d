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
/// - `#id` is an anchor of the page; `?query` is dropped; the path is percent-decoded.
/// - `http:`, `https:`, `mailto:` and `//host` are external; any other `scheme:` is outside.
/// - A relative path joins the page's folder; `.` and `..` are applied; climbing above the
///   root, a hidden part (`.git`) or `_site` is outside, as is a backslash path.
/// - A site-absolute path (`/about/`) is looked up as a permalink first (also `/about`,
///   `/about.html`, `/about/index.html`), then as a path from the root; one that names no page
///   and does not end in "/" is a file path (`/etc/passwd`): outside.
/// - A Markdown file is the page at that path, or missing; a folder (`docs/`, `docs`) is its
///   `index.md` or `README.md`, else a permalink, else `docs.md`, else missing; `x.html` is a
///   permalink; any other file is outside.
/// - A wiki link `[[Name]]` is a page by title, file name or path.
public enum LinkResolver {
    public static func resolve(_ link: Link, from pagePath: String?, in site: Site?) -> LinkTarget {
        var target = link.target.trimmingSpaces()
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if link.isWiki {
            guard let site, let index = site.page(named: target) else { return .missing(target) }
            return .page(path: site.pages[index].path, fragment: fragment)
        }
        if target.isEmpty {
            guard let fragment else { return .missing("") }
            return .fragment(SitePaths.percentDecoded(fragment))
        }
        if let scheme = scheme(of: target) {
            return ["http", "https", "mailto"].contains(scheme) ? .external(link.target) : .outside(link.target)
        }
        if target.hasPrefix("//") { return .external(link.target) }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        let decoded = SitePaths.percentDecoded(target)
        if decoded.contains("\\") || decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .outside(link.target)
        }
        let isAbsolute = decoded.hasPrefix("/")
        let base = isAbsolute ? [] : SitePaths.folder(of: pagePath ?? "").split(separator: "/")
        guard let parts = SitePaths.normalized(base + decoded.split(separator: "/", omittingEmptySubsequences: false)) else {
            return .outside(link.target)
        }
        if parts.contains(where: { $0.hasPrefix(".") || $0 == "_site" }) { return .outside(link.target) }
        guard let site, pagePath != nil || isAbsolute else {
            return .missing(parts.joined(separator: "/"))
        }
        let path = parts.joined(separator: "/")
        let pageFragment = fragment.map(SitePaths.percentDecoded)
        if isAbsolute, let index = site.page(forPermalink: decoded) {
            return .page(path: site.pages[index].path, fragment: pageFragment)
        }
        if SitePaths.isMarkdown(path) {
            return site.index(ofPath: path) != nil ? .page(path: path, fragment: pageFragment) : .missing(path)
        }
        if let fileExtension = SitePaths.fileExtension(path), !decoded.hasSuffix("/") {
            if fileExtension == "html" || fileExtension == "htm",
               let index = site.page(forPermalink: "/" + path) {
                return .page(path: site.pages[index].path, fragment: pageFragment)
            }
            // Another page's URL may still end in an extension-like word (`/v1.2/`); a real file is outside.
            if !isAbsolute || site.page(forPermalink: "/" + path) == nil {
                return fileExtension == "html" || fileExtension == "htm" ? .missing(path) : .outside(link.target)
            }
        }
        // A folder: its index or README, then a permalink, then `name.md` beside it.
        for name in ["index.md", "index.markdown", "README.md", "readme.md", "Readme.md", "README.markdown"] {
            let candidate = path.isEmpty ? name : path + "/" + name
            if site.index(ofPath: candidate) != nil { return .page(path: candidate, fragment: pageFragment) }
        }
        if let index = site.page(forPermalink: "/" + path) {
            return .page(path: site.pages[index].path, fragment: pageFragment)
        }
        for suffix in [".md", ".markdown"] where !path.isEmpty && site.index(ofPath: path + suffix) != nil {
            return .page(path: path + suffix, fragment: pageFragment)
        }
        // A site URL ends in "/" (`/about/`); an absolute path that names no page is a file path.
        if isAbsolute && !decoded.hasSuffix("/") { return .outside(link.target) }
        return .missing(path.isEmpty ? "/" : path)
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
