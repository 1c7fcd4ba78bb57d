/// Typing in the site index filters its rows: a substring of the title, permalink or path, in
/// smart case (a query without capitals ignores case).
public enum SiteIndexFilter {
    /// Page indices in index order; all of them for an empty query.
    public static func matches(_ query: String, in site: Site) -> [Int] {
        guard !query.isEmpty else { return Array(site.pages.indices) }
        let ignoresCase = !query.contains(where: \.isUppercase)
        let needle = Array((ignoresCase ? query.lowercased() : query).utf8)
        return site.filterKeys.indices.filter {
            contains(ignoresCase ? site.filterKeys[$0].folded : site.filterKeys[$0].exact, needle)
        }
    }

    /// A byte search: UTF-8 matches on whole characters' bytes, and runs quickly on every key stroke.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        let last = haystack.count - needle.count
        var start = 0
        while start <= last {
            guard let found = haystack[start...last].firstIndex(of: first) else { return false }
            if haystack[found..<found + needle.count].elementsEqual(needle) { return true }
            start = found + 1
        }
        return false
    }
}
