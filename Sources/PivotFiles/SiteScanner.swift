#if canImport(Glibc)
import Glibc
#endif
import PivotDocument

/// Lists a site's Markdown pages with the head of each (its front matter and first heading):
/// what `Site` is built from. Bounded, so a reader opened in a huge folder stays quick.
public enum SiteScanner {
    public struct Limits: Sendable {
        /// Pages listed at most.
        public var pages = 5_000
        /// Folder entries looked at, at most (a home folder has many).
        public var entries = 100_000
        public var depth = 16
        /// Bytes read from the top of each page.
        public var headBytes = 8_192
        public init() {}
    }

    public struct Result: Sendable {
        public var site: Site
        /// Things the reader should know (the scan stopped at a limit).
        public var notes: [String]
    }

    public static func scan(_ folder: SiteFolder, limits: Limits = Limits()) -> Result {
        var files: [SiteFile] = []
        var notes: [String] = []
        var entries = 0
        var stopped = false

        func walk(_ relative: String, depth: Int) {
            guard !stopped, depth <= limits.depth else { return }
            let absolute = relative.isEmpty ? folder.root : folder.root + "/" + relative
            guard let directory = opendir(absolute) else { return }
            defer { closedir(directory) }
            var names: [String] = []
            while let entry = readdir(directory) {
                entries += 1
                if entries > limits.entries {
                    stopped = true
                    notes.append("the site has more than \(limits.entries) files and folders: only part of it is listed")
                    return
                }
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." || isSkipped(Substring(name)) { continue }
                names.append(name)
            }
            for name in names.sorted() {
                guard !stopped else { return }
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                // lstat: a symlink is followed only when it stays inside the site (checked below).
                guard lstat(folder.root + "/" + child, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    walk(child, depth: depth + 1)
                case S_IFREG, S_IFLNK:
                    guard isMarkdown(child), let path = try? folder.confinedFile(child) else { continue }
                    if files.count >= limits.pages {
                        stopped = true
                        notes.append("the site has more than \(limits.pages) pages: only the first are listed")
                        return
                    }
                    let head = (try? FileReader.read(path, limit: SiteFolder.pageByteLimit, prefix: limits.headBytes).bytes) ?? []
                    files.append(SiteFile(path: child, head: String(decoding: head, as: UTF8.self)))
                default:
                    continue  // FIFOs, devices, sockets: never opened
                }
            }
        }
        walk("", depth: 0)
        return Result(site: Site(files: files, config: folder.configText()), notes: notes)
    }

    /// Hidden files and folders (`.git`, `.env`) and Jekyll's output (`_site`) are never listed or opened.
    static func isSkipped(_ name: Substring) -> Bool {
        name.hasPrefix(".") || name == "_site"
    }

    public static func isMarkdown(_ path: String) -> Bool {
        SitePaths.isMarkdown(path)
    }
}
