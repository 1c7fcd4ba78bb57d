/// The order of the site index: the home page first; then pages by path (each folder's index
/// or README first); posts newest first; then each collection by path.
enum SiteOrder {
    static func precedes(_ a: SitePage, _ b: SitePage, isJekyll: Bool) -> Bool {
        let (groupA, groupB) = (group(a, isJekyll: isJekyll), group(b, isJekyll: isJekyll))
        if groupA != groupB { return groupA < groupB }
        if a.kind == .post, b.kind == .post, a.date != b.date { return (a.date ?? "") > (b.date ?? "") }
        if case .collection(let nameA) = a.kind, case .collection(let nameB) = b.kind, nameA != nameB { return nameA < nameB }
        return key(a.path).lexicographicallyPrecedes(key(b.path))
    }

    /// 0: the root's README or index; 1: pages; 2: posts; 3: collections.
    private static func group(_ page: SitePage, isJekyll: Bool) -> Int {
        if !page.path.contains("/"), isHome(page.path) { return 0 }
        switch page.kind {
        case .page: return 1
        case .post: return 2
        case .collection: return 3
        }
    }

    static func isHome(_ path: String) -> Bool {
        let name = SitePaths.baseName(path).lowercased()
        return name == "readme" || name == "index"
    }

    /// Path components, case-folded, with a folder's README ("\0") and index ("\u{1}") first.
    private static func key(_ path: String) -> [String] {
        var parts = path.split(separator: "/").map { $0.lowercased() }
        if let last = parts.last {
            let name = SitePaths.baseName(last)
            if name == "readme" { parts[parts.count - 1] = "\u{0}" } else if name == "index" { parts[parts.count - 1] = "\u{1}" }
        }
        return parts
    }
}
