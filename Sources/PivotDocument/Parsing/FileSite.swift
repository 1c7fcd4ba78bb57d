#if canImport(Glibc)
import Glibc
#endif

/// A Jekyll site on disk: the folder holding `_config.yml` above a page, or the page's own
/// folder when there is none. Only files inside that folder are ever read.
public struct FileSite: SiteContext {
    public let root: String
    private let config: YAMLValue

    /// The site of the page at `pagePath`.
    public init(pagePath: String) {
        let directory = FileSite.directory(of: pagePath)
        var candidate = directory
        var found: String?
        for _ in 0..<8 {
            if FileReader.isRegularFile(candidate + "/_config.yml") { found = candidate; break }
            let parent = FileSite.directory(of: candidate)
            if parent == candidate { break }
            candidate = parent
        }
        root = found ?? directory
        if found != nil, let bytes = try? FileReader.read(root + "/_config.yml", limit: 1_048_576),
           let value = try? YAMLReader.read(String(decoding: bytes, as: UTF8.self)) {
            config = value
        } else {
            config = .null
        }
    }

    public func permalink(forPath path: String) -> String? {
        let components = path.split(separator: "/")
        // A page may only name files inside its site.
        guard !path.hasPrefix("/"), !components.contains(".."), !components.isEmpty else { return nil }
        guard let bytes = try? FileReader.read(root + "/" + path, limit: 1_048_576) else { return nil }
        let frontMatter = FrontMatter.split(String(decoding: bytes, as: UTF8.self))
        return frontMatter.values["permalink"]?.string ?? LiquidRenderer.derivedPermalink(forPath: path)
    }

    public func includeText(_ name: String) -> String? {
        FileSite.include(name, root: root)
    }

    /// `_includes/NAME` of the site at `root`: a plain relative name, inside `_includes/` once
    /// its symlinks are resolved, at most 64 KiB.
    public static func include(_ name: String, root: String) -> String? {
        let parts = name.split(separator: "/")
        guard !name.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0.hasPrefix(".") }),
              !name.utf8.contains(where: { $0 < 0x20 }) else { return nil }
        guard let folder = realpath(root + "/_includes", nil) else { return nil }
        defer { free(folder) }
        guard let file = realpath(root + "/_includes/" + name, nil) else { return nil }
        defer { free(file) }
        let inside = String(cString: folder) + "/"
        guard String(cString: file).hasPrefix(inside),
              let bytes = try? FileReader.read(String(cString: file), limit: 65_536) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    public func value(forKey key: String) -> String? {
        var node: YAMLValue? = config
        for part in key.split(separator: ".") { node = node?[String(part)] }
        return node?.string
    }

    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }
}
