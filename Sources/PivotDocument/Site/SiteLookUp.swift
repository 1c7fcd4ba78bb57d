/// The maps from what links name (paths, permalinks, post names, wiki names, folders) to pages,
/// built once with the site. Where two pages claim one key, the first in index order keeps it.
struct SiteLookUp: Sendable {
    var byPath: [String: Int] = [:]
    /// `SitePaths.permalinkKey`s: declared permalinks, then derived ones, then aliases.
    var byPermalink: [String: Int] = [:]
    /// A post's name inside `_posts/`, with and without its extension, and its bare file name.
    var byPostName: [String: Int] = [:]
    var byTitle: [String: Int] = [:]
    var byFileName: [String: Int] = [:]
    var byFoldedPath: [String: Int] = [:]
    var homeByFolder: [String: Int] = [:]

    init(entries: [JekyllRules.Entry]) {
        var homeRanks: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let page = entry.page
            byPath[page.path] = index
            if entry.isDeclared { Self.claim(SitePaths.permalinkKey(page.permalink), index, in: &byPermalink) }
            Self.claim(page.title.lowercased(), index, in: &byTitle)
            Self.claim(SitePaths.baseName(page.path).lowercased(), index, in: &byFileName)
            let folded = page.path.lowercased()
            Self.claim(folded, index, in: &byFoldedPath)
            Self.claim(SitePaths.removingExtension(folded), index, in: &byFoldedPath)
            if page.kind == .post {
                let components = page.path.split(separator: "/")
                let inside = components.drop { $0 != "_posts" }.dropFirst().joined(separator: "/")
                for name in [inside, SitePaths.removingExtension(inside), SitePaths.baseName(page.path)] {
                    Self.claim(name, index, in: &byPostName)
                }
            }
            if let rank = Self.homeRank(page.path) {
                let folder = SitePaths.folder(of: page.path)
                if rank < homeRanks[folder, default: .max] {
                    homeRanks[folder] = rank
                    homeByFolder[folder] = index
                }
            }
        }
        for (index, entry) in entries.enumerated() where !entry.isDeclared {
            Self.claim(SitePaths.permalinkKey(entry.page.permalink), index, in: &byPermalink)
        }
        for (index, entry) in entries.enumerated() {
            for alias in entry.aliases { Self.claim(SitePaths.permalinkKey(alias), index, in: &byPermalink) }
        }
    }

    private static func claim(_ key: String, _ index: Int, in map: inout [String: Int]) {
        if map[key] == nil { map[key] = index }
    }

    /// 0–1: `index.md`, `index.<other Markdown extension>`; 2–3: the same for `README`, any case.
    private static func homeRank(_ path: String) -> Int? {
        let name = SitePaths.baseName(path).lowercased()
        let isMD = SitePaths.fileExtension(path) == "md" ? 0 : 1
        switch name {
        case "index": return isMD
        case "readme": return 2 + isMD
        default: return nil
        }
    }
}
