/// Typing in the site index filters its rows: a substring of the title, permalink or path, in
/// smart case (a query without capitals ignores case).
public enum SiteIndexFilter {
    public static func matches(_ query: String, in site: Site) -> [Int] {
        guard !query.isEmpty else { return Array(site.pages.indices) }
        if query.contains(where: \.isUppercase) {
            return site.pages.indices.filter {
                let page = site.pages[$0]
                return page.title.contains(query) || page.permalink.contains(query) || page.path.contains(query)
            }
        }
        let needle = query.lowercased()
        return site.searchKeys.indices.filter {
            let keys = site.searchKeys[$0]
            return keys.title.contains(needle) || keys.permalink.contains(needle) || keys.path.contains(needle)
        }
    }
}
