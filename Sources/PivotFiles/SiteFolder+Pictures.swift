#if canImport(Glibc)
import Glibc
#endif
import PivotDocument

extension SiteFolder {
    /// The file behind a picture a page names: relative to the page (`img/a.png`,
    /// `../assets/a.png`) or to the site's root (`/assets/a.png`), inside the root once
    /// resolved, no hidden part, a regular file. Nil for anything else: a remote or `data:`
    /// picture, a path that leaves the site, a missing file.
    public func confinedPicture(_ source: String, fromPage pagePath: String) -> String? {
        let path = source.split(separator: "?", maxSplits: 1).first.map(String.init) ?? source
        guard !path.contains("://"), !path.hasPrefix("//"), !path.hasPrefix("data:"),
              !path.utf8.contains(where: { $0 < 0x20 }) else { return nil }
        let base = path.hasPrefix("/") ? [] : pagePath.split(separator: "/").dropLast()
        guard let parts = SitePaths.normalized(base + path.split(separator: "/")), !parts.isEmpty,
              !parts.contains(where: { $0.hasPrefix(".") }) else { return nil }
        guard let resolved = Self.realPath(root + "/" + parts.joined(separator: "/")), resolved.hasPrefix(root + "/"),
              !resolved.dropFirst(root.count + 1).split(separator: "/").contains(where: { $0.hasPrefix(".") }),
              Self.isRegularFile(resolved) else { return nil }
        return resolved
    }
}
