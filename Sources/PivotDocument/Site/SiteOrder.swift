/// The order of the site index. A Jekyll site: its home page, then pages by path, posts newest
/// first, then each collection by path. A plain folder: its README, then the tree by path. In
/// both, a folder's home page (`index`, `README`) comes first among its files.
enum SiteOrder {
    /// What a page is sorted by, computed once per page (a sort compares each page many times).
    struct Key {
        /// 0: the root's home page; 1: pages; 2: posts; 3: collections.
        var group: Int
        var date: String
        var collection: String
        /// Path components, case-folded, the home page's name replaced by a low rank.
        var path: [String]
    }

    static func key(for page: SitePage, isJekyll: Bool) -> Key {
        var parts = page.path.split(separator: "/").map { $0.lowercased() }
        var isHome = false
        if let last = parts.last, let rank = homeRank(last, isJekyll: isJekyll) {
            // Control characters sort before any name a file can have.
            parts[parts.count - 1] = String(UnicodeScalar(UInt8(rank)))
            isHome = true
        }
        let group: Int
        switch page.kind {
        case .page: group = isHome && parts.count == 1 ? 0 : 1
        case .post: group = 2
        case .collection: group = 3
        }
        var collection = ""
        if case .collection(let name) = page.kind { collection = name }
        return Key(group: group, date: page.date ?? "", collection: collection, path: parts)
    }

    static func precedes(_ a: Key, _ b: Key) -> Bool {
        if a.group != b.group { return a.group < b.group }
        if a.date != b.date { return a.date > b.date }  // newest first (empty for all but posts)
        if a.collection != b.collection { return a.collection < b.collection }
        return a.path.lexicographicallyPrecedes(b.path)
    }

    /// A Jekyll site's home is `index` (a README is only the repository's page); a plain folder's
    /// is its README, as a code host shows it.
    private static func homeRank(_ fileName: String, isJekyll: Bool) -> Int? {
        switch SitePaths.baseName(fileName) {
        case "index": return isJekyll ? 1 : 2
        case "readme": return isJekyll ? 2 : 1
        default: return nil
        }
    }
}
