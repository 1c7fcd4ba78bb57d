/// What Liquid needs from the site a page belongs to.
public protocol SiteContext: Sendable {
    /// The permalink of the page at `path` (relative to the site root), when that page is found.
    func permalink(forPath path: String) -> String?
    /// A value from the site's `_config.yml`, by dotted key (`url`, `author.name`).
    func value(forKey key: String) -> String?
    /// The permalink of the post `{% post_url name %}` names, when the site knows its posts.
    func permalink(forPost name: String) -> String?
    /// The text of `_includes/NAME`, for `{% include NAME %}`, when the site has that file.
    func includeText(_ name: String) -> String?
}

extension SiteContext {
    public func permalink(forPost name: String) -> String? { nil }
    public func includeText(_ name: String) -> String? { nil }
}

/// Jekyll's first pass: Liquid tags and output are resolved before Markdown is parsed.
/// Only what a reader can resolve offline is resolved; every other tag is removed and noted,
/// never shown raw.
public enum LiquidRenderer {
    /// Text between these markers is shown dimmed: a variable the reader could not resolve.
    public static let dimStart: Unicode.Scalar = "\u{E000}"
    public static let dimEnd: Unicode.Scalar = "\u{E001}"
    /// Includes inside includes are followed this deep (a loop of includes ends here).
    static let includeDepthLimit = 4
    /// Bytes all the includes of a page may add.
    static let includeByteLimit = 1_048_576

    public struct Output: Sendable {
        public var text: String
        public var notes: [String]
    }

    public static func render(_ source: String, page: YAMLValue, site: SiteContext?) -> Output {
        var renderer = Renderer(page: page, site: site)
        renderer.run(protectMarkers(source))
        return Output(text: renderer.output, notes: renderer.notes)
    }

    /// The page's own U+E000/U+E001 would otherwise be read as dim markers.
    private static func protectMarkers(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == dimStart || $0 == dimEnd }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar == dimStart || scalar == dimEnd ? TextSanitizer.replacement : scalar)
        }
        return String(scalars)
    }

    /// The permalink Jekyll gives a page that sets none, in the site's "pretty" style:
    /// `_pages/about.md` -> `/about/`, `docs/index.md` -> `/docs/`.
    public static func derivedPermalink(forPath path: String) -> String {
        var components = path.split(separator: "/").map(String.init)
        if let first = components.first, first.hasPrefix("_") { components.removeFirst() }
        if var last = components.popLast() {
            if let dot = last.lastIndex(of: "."), dot != last.startIndex { last = String(last[..<dot]) }
            if last != "index" { components.append(last) }
        }
        // Each component then a slash (the generic `joined` looks its types up at run time).
        var permalink = "/"
        for component in components { permalink += component + "/" }
        return permalink
    }
}

private struct Renderer {
    let page: YAMLValue
    let site: SiteContext?
    /// `include.NAME` values, while an include is rendered.
    var includeParameters: [String: String] = [:]
    /// Includes inside includes, at most `LiquidRenderer.includeDepthLimit` deep.
    var includeDepth = 0
    /// Bytes includes may still add to the page (a file including itself many times ends here).
    var includeBudget = LiquidRenderer.includeByteLimit
    var output = ""
    var notes: [String] = []
    var noted: Set<String> = []

    init(page: YAMLValue, site: SiteContext?) {
        self.page = page
        self.site = site
    }

    mutating func run(_ source: String) {
        var rest = Substring(source)
        while let open = rest.firstRange(ofEither: "{%", "{{") {
            // append(contentsOf:), not `+=`: a Substring added with `+=` goes through the generic
            // RangeReplaceableCollection path, a Character at a time.
            output.append(contentsOf: rest[..<open.lowerBound])
            let isTag = rest[open].hasPrefix("{%")
            let closer = isTag ? "%}" : "}}"
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: closer) else {
                // Never closed: drop the rest of the line rather than show a raw tag.
                note("an unclosed Liquid \(isTag ? "tag" : "output") was removed")
                let lineEnd = afterOpen.firstIndex(of: "\n") ?? afterOpen.endIndex
                rest = afterOpen[lineEnd...]
                continue
            }
            let inner = afterOpen[..<close.lowerBound].trimmingLiquidSpace()
            rest = afterOpen[close.upperBound...]
            if isTag {
                rest = tag(inner, rest: rest)
            } else {
                output += variable(inner)
            }
        }
        output.append(contentsOf: rest)
    }

    /// Handles one `{% ... %}`; returns what is left of the source after it.
    mutating func tag(_ inner: Substring, rest: Substring) -> Substring {
        let words = inner.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        let name = words.first.map(String.init) ?? ""
        switch name {
        case "raw":
            return copyVerbatim(until: "endraw", in: rest)
        case "comment":
            return skip(until: "endcomment", in: rest)
        case "link", "post_url":
            guard words.count >= 2 else {
                note("a '\(name)' tag without a path was removed")
                return rest
            }
            let path = String(words[1])
            let target = name == "link"
                ? site?.permalink(forPath: path) ?? LiquidRenderer.derivedPermalink(forPath: path)
                : site?.permalink(forPost: path) ?? LiquidRenderer.derivedPermalink(forPath: path)
            output += target
        case "highlight":
            let language = words.count >= 2 ? String(words[1]) : ""
            // `linenos` and `linenos=table` ask for line numbers; the fence carries the word on.
            let lineNumbers = words.dropFirst(2).contains { $0.hasPrefix("linenos") } ? " linenos" : ""
            output += "\n```\(language)\(lineNumbers)\n"
            return rest.first == "\n" ? rest.dropFirst() : rest
        case "endhighlight":
            output += output.hasSuffix("\n") ? "```\n" : "\n```\n"
        case "include":
            include(words.dropFirst(), inner: inner)
        default:
            note("Liquid tag '\(name)' is not run by this reader and was removed")
        }
        return rest
    }

    /// `{% include file.html key="value" %}`: the site's `_includes/file.html`, rendered in place
    /// with its `include.key` values; removed with a note when the site has no such file.
    mutating func include(_ words: ArraySlice<Substring>, inner: Substring) {
        guard let name = words.first.map(String.init) else {
            note("an 'include' tag without a file was removed")
            return
        }
        guard includeDepth < LiquidRenderer.includeDepthLimit, let text = site?.includeText(name) else {
            note("Liquid include '\(name)' is not in this site and was removed")
            return
        }
        guard text.utf8.count <= includeBudget else {
            note("Liquid includes past \(LiquidRenderer.includeByteLimit / 1024) KiB were removed")
            return
        }
        var nested = Renderer(page: page, site: site)
        nested.includeDepth = includeDepth + 1
        nested.includeBudget = includeBudget - text.utf8.count
        nested.includeParameters = Self.parameters(of: inner)
        nested.run(text)
        includeBudget = nested.includeBudget
        output += nested.output
        nested.notes.forEach { note($0) }
    }

    /// `key="value"`, `key='value'` and `key=value` pairs of a tag.
    static func parameters(of inner: Substring) -> [String: String] {
        var parameters: [String: String] = [:]
        var rest = inner.drop { $0 != " " }
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].split(separator: " ").last.map(String.init) ?? ""
            var value = rest[rest.index(after: equals)...].drop { $0 == " " }
            if let quote = value.first, quote == "\"" || quote == "'" {
                value = value.dropFirst()
                let end = value.firstIndex(of: quote) ?? value.endIndex
                parameters[key] = String(value[..<end])
                rest = end < value.endIndex ? value[value.index(after: end)...] : value[value.endIndex...]
            } else {
                let end = value.firstIndex(of: " ") ?? value.endIndex
                parameters[key] = String(value[..<end])
                rest = value[end...]
            }
        }
        return parameters
    }

    mutating func variable(_ inner: Substring) -> String {
        let expression = inner.split(separator: "|", maxSplits: 1).first.map { $0.trimmingLiquidSpace() } ?? ""
        let name = String(expression)
        var resolved: String?
        if name.hasPrefix("site.") {
            resolved = site?.value(forKey: String(name.dropFirst(5)))
        } else if name.hasPrefix("page.") {
            resolved = page[String(name.dropFirst(5))]?.string
        } else if name.hasPrefix("include.") {
            resolved = includeParameters[String(name.dropFirst(8))]
        }
        if let resolved { return resolved }
        return String(LiquidRenderer.dimStart) + name + String(LiquidRenderer.dimEnd)
    }

    mutating func copyVerbatim(until endName: String, in rest: Substring) -> Substring {
        guard let (end, after) = findEndTag(endName, in: rest) else {
            output.append(contentsOf: rest)
            return rest[rest.endIndex...]
        }
        output.append(contentsOf: rest[..<end])
        return after
    }

    mutating func skip(until endName: String, in rest: Substring) -> Substring {
        guard let (_, after) = findEndTag(endName, in: rest) else { return rest[rest.endIndex...] }
        return after
    }

    /// The start of `{% endName %}` and the text after it.
    func findEndTag(_ endName: String, in text: Substring) -> (Substring.Index, Substring)? {
        var search = text
        while let open = search.firstRange(of: "{%") {
            let after = search[open.upperBound...]
            guard let close = after.firstRange(of: "%}") else { return nil }
            let inner = after[..<close.lowerBound].trimmingLiquidSpace()
            if inner == endName { return (open.lowerBound, after[close.upperBound...]) }
            search = after[close.upperBound...]
        }
        return nil
    }

    mutating func note(_ message: String) {
        if noted.insert(message).inserted { notes.append(message) }
    }
}

extension Substring {
    /// Trims spaces and Liquid's whitespace-control dashes (`{%- ... -%}`).
    func trimmingLiquidSpace() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "-" || first == "\t" || first == "\n" {
            result = result.dropFirst()
        }
        while let last = result.last, last == " " || last == "-" || last == "\t" || last == "\n" {
            result = result.dropLast()
        }
        return result
    }

    /// The first occurrence of either needle.
    func firstRange(ofEither a: String, _ b: String) -> Range<Index>? {
        var index = startIndex
        let utf = utf8
        while let brace = utf[index...].firstIndex(of: UInt8(ascii: "{")) {
            let next = utf.index(after: brace)
            if next < utf.endIndex, utf[next] == UInt8(ascii: "%") || utf[next] == UInt8(ascii: "{") {
                let end = utf.index(after: next)
                let found = self[brace..<end]
                if found == a || found == b { return brace..<end }
            }
            index = next
            if index >= endIndex { break }
        }
        return nil
    }
}

extension LiquidRenderer {
    /// Splits text at dim markers into (piece, isDim) runs, markers removed.
    public static func splitDimMarkers(_ text: String) -> [(String, Bool)] {
        guard text.unicodeScalars.contains(dimStart) else { return [(text, false)] }
        var pieces: [(String, Bool)] = []
        var current = String.UnicodeScalarView()
        var dim = false
        for scalar in text.unicodeScalars {
            if scalar == dimStart || scalar == dimEnd {
                if !current.isEmpty { pieces.append((String(current), dim)) }
                current = String.UnicodeScalarView()
                dim = scalar == dimStart
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { pieces.append((String(current), dim)) }
        return pieces
    }

    /// The text with dim markers removed (for code, where styling does not apply).
    public static func removingDimMarkers(_ text: String) -> String {
        guard text.unicodeScalars.contains(dimStart) else { return text }
        return splitDimMarkers(text).map(\.0).joined()
    }
}
