/// Path and URL arithmetic for sites, on "/"-separated strings (no file system).
public enum SitePaths {
    /// The files a site's pages are: what is listed, linked to and opened.
    static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn"]

    /// The extension of the last component, lower-cased; nil when there is none.
    static func fileExtension(_ path: String) -> String? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }

    public static func isMarkdown(_ path: String) -> Bool {
        fileExtension(path).map(markdownExtensions.contains) ?? false
    }

    /// The file name without folder and extension.
    static func baseName(_ path: String) -> String {
        let name = String(path.split(separator: "/").last ?? "")
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    static func removingExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/"),
              dot != path.startIndex, path[path.index(before: dot)] != "/" else { return path }
        return String(path[..<dot])
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `components` with `.` dropped and `..` applied; nil when a `..` climbs above the start.
    static func normalized(_ components: [Substring]) -> [Substring]? {
        var result: [Substring] = []
        for component in components {
            switch component {
            case "", ".": continue
            case "..":
                guard !result.isEmpty else { return nil }
                result.removeLast()
            default: result.append(component)
            }
        }
        return result
    }

    /// A URL path reduced to the form permalinks are compared in: no `index.html`, no `.html`,
    /// no trailing "/", a leading "/".
    static func permalinkKey(_ url: String) -> String {
        var parts = url.split(separator: "/").map(String.init)
        if parts.last == "index.html" || parts.last == "index.htm" { parts.removeLast() }
        if var last = parts.last {
            for suffix in [".html", ".htm"] where last.lowercased().hasSuffix(suffix) {
                last.removeLast(suffix.count)
                parts[parts.count - 1] = last
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Percent-decoding of a URL path (invalid escapes are kept as they are).
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
