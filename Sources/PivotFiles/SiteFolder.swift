#if canImport(Glibc)
import Glibc
#endif
import PivotDocument

/// A site on disk, seen only through its root folder: the one place where a path from a page or
/// from a remote reader becomes a file. Every path is checked after its symlinks and `..` are
/// resolved (docs/limits.md, "Sites").
public struct SiteFolder: Sendable {
    /// The root, with symlinks resolved.
    public let root: String
    /// True when the root holds `_config.yml`: a Jekyll site.
    public let isJekyll: Bool

    /// Pages larger than this are neither listed nor opened.
    public static let pageByteLimit = PageSource.byteLimit

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notFolder(String)
        case notInSite(String)
        /// Nothing at all is at that path (a link to a page not written yet).
        case missing(String)

        public var description: String {
            switch self {
            case .notFolder(let path): return "\(path): not a folder"
            case .notInSite(let path): return "not in this site: \(path)"
            case .missing(let path): return "no such page in this site: \(path)"
            }
        }
    }

    /// The site of a folder (`pivot-tui DIR`).
    public init(folder: String) throws {
        guard let resolved = Self.realPath(folder), Self.isDirectory(resolved) else { throw Failure.notFolder(folder) }
        root = resolved
        isJekyll = Self.isRegularFile(resolved + "/_config.yml")
    }

    /// The site a page belongs to: the nearest folder above it with `_config.yml` (at most eight
    /// levels up), else the page's own folder. Nil when the page's folder cannot be resolved.
    public init?(containingPage page: String) {
        guard let resolvedPage = Self.realPath(page) else { return nil }
        let folder = FileSite.directory(of: resolvedPage)
        var candidate = folder
        for _ in 0..<8 {
            if Self.isRegularFile(candidate + "/_config.yml") {
                root = candidate
                isJekyll = true
                return
            }
            let parent = FileSite.directory(of: candidate)
            if parent == candidate { break }
            candidate = parent
        }
        root = folder
        isJekyll = false
    }

    /// The page's path relative to the root, when it is inside it.
    public func relativePath(ofFile file: String) -> String? {
        guard let resolved = Self.realPath(file), resolved.hasPrefix(root + "/") else { return nil }
        return String(resolved.dropFirst(root.count + 1))
    }

    /// The file behind a site path, checked: inside the root once resolved, no hidden part and no
    /// `_site/`, a regular Markdown file within the size limit. What a page link or a deep link
    /// may open, and nothing else.
    public func confinedFile(_ path: String) throws -> String {
        let parts = path.split(separator: "/")
        guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }),
              !parts.contains(where: SiteScanner.isSkipped), SiteScanner.isMarkdown(path),
              !path.utf8.contains(where: { $0 < 0x20 }) else { throw Failure.notInSite(path) }
        var linkInfo = stat()
        if lstat(root + "/" + path, &linkInfo) != 0 && errno == ENOENT { throw Failure.missing(path) }
        guard let resolved = Self.realPath(root + "/" + path), resolved.hasPrefix(root + "/") else {
            throw Failure.notInSite(path)
        }
        let inside = resolved.dropFirst(root.count + 1).split(separator: "/")
        guard !inside.contains(where: SiteScanner.isSkipped), SiteScanner.isMarkdown(resolved) else {
            throw Failure.notInSite(path)
        }
        var info = stat()
        guard stat(resolved, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              Int(info.st_size) <= Self.pageByteLimit else { throw Failure.notInSite(path) }
        return resolved
    }

    /// `_config.yml`'s text, for a Jekyll site.
    public func configText() -> String? {
        guard isJekyll, let bytes = try? FileReader.read(root + "/_config.yml", limit: 1_048_576) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
