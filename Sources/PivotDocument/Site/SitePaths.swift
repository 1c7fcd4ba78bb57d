/// Path and URL arithmetic for sites, on "/"-separated strings (no file system).
public enum SitePaths {
    /// The files a site's pages are: what is listed, linked to and opened.
    static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn"]

    /// The last component of a path.
    static func fileName(_ path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path[...] }
        return path[path.utf8.index(after: slash)...]
    }

    /// The extension of the last component, lower-cased; nil when there is none (a leading dot
    /// names a hidden file, not an extension).
    static func fileExtension(_ path: String) -> String? {
        let name = fileName(path)
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return nil }
        return name[name.utf8.index(after: dot)...].lowercased()
    }

    public static func isMarkdown(_ path: String) -> Bool {
        fileExtension(path).map(markdownExtensions.contains) ?? false
    }

    /// The file name without folder and extension.
    static func baseName(_ path: String) -> String {
        let name = fileName(path)
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }

    static func removingExtension(_ path: String) -> String {
        let name = fileName(path)
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return path }
        return String(path[..<dot])
    }

    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// `components` with `.` dropped and `..` applied; nil when a `..` climbs above the start.
    public static func normalized(_ components: [Substring]) -> [Substring]? {
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
    /// no trailing "/", no empty steps, a leading "/". Case counts, as on a web server.
    static func permalinkKey(_ url: String) -> String {
        var parts = url.split(separator: "/")
        if let last = parts.last, last == "index.html" || last == "index.htm" { parts.removeLast() }
        if let last = parts.last, let dot = last.utf8.lastIndex(of: UInt8(ascii: ".")) {
            let suffix = last[dot...].lowercased()
            if suffix == ".html" || suffix == ".htm" { parts[parts.count - 1] = last[..<dot] }
        }
        var key = ""
        key.reserveCapacity(url.utf8.count + 1)
        for part in parts where !part.isEmpty {
            key += "/"
            key += part
        }
        return key.isEmpty ? "/" : key
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
