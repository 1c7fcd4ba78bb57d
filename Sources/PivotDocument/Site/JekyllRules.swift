/// How Jekyll makes a file into a page: whether it is one at all, its kind, title and permalink
/// (with the other addresses links use for it).
struct JekyllRules {
    let config: YAMLValue
    let isJekyll: Bool
    /// Collections `_config.yml` names (`courses` for `_courses/`).
    let collections: Set<String>

    init(config: YAMLValue, isJekyll: Bool) {
        self.config = config
        self.isJekyll = isJekyll
        if case .mapping(let pairs)? = config["collections"] {
            collections = Set(pairs.map(\.key))
        } else if case .sequence(let items)? = config["collections"] {
            collections = Set(items.compactMap(\.string))
        } else {
            collections = []
        }
    }

    /// The page for a file, with its aliases; nil for a file Jekyll does not publish
    /// (`_includes/`, `_layouts/`, `_drafts/`, an unnamed `_folder/`).
    func page(for file: SiteFile) -> (page: SitePage, aliases: [String])? {
        let front = FrontMatter.split(file.head)
        let title = Self.title(front: front, path: file.path)
        guard isJekyll else {
            return (SitePage(path: file.path, title: title, permalink: "/" + file.path), [])
        }
        let components = file.path.split(separator: "/").map(String.init)
        let first = components.first ?? ""
        let declared = front.values["permalink"]?.string.map { Self.absolute(TextSanitizer.clean($0)) }
        var kind = SitePage.Kind.page
        var date: String?
        var derived: String
        var aliases: [String] = []
        if first == "_posts" || components.dropLast().contains("_posts") {
            kind = .post
            let post = PostName(SitePaths.baseName(file.path))
            date = post.date ?? front.values["date"]?.string.map { String(TextSanitizer.clean($0).prefix(10)) }
            derived = postPermalink(post, front: front.values)
            // `{% post_url %}` read before the site was known gives the post's name as a pretty path.
            aliases += ["/" + post.slug + "/", LiquidRenderer.derivedPermalink(forPath: SitePaths.baseName(file.path))]
        } else if first.hasPrefix("_") {
            let name = String(first.dropFirst())
            if collections.contains(name) {
                kind = name == "pages" ? .page : .collection(name)
                derived = collectionPermalink(name, components: components)
            } else if first == "_pages" {
                derived = LiquidRenderer.derivedPermalink(forPath: file.path)
            } else {
                return nil
            }
            aliases.append(LiquidRenderer.derivedPermalink(forPath: file.path))
            aliases.append("/" + SitePaths.removingExtension(file.path) + "/")
        } else {
            derived = pagePermalink(components)
            aliases.append(LiquidRenderer.derivedPermalink(forPath: file.path))
        }
        aliases.append("/" + SitePaths.removingExtension(file.path) + ".html")
        aliases.append("/" + file.path)
        return (SitePage(path: file.path, title: title, permalink: declared ?? derived, date: date, kind: kind),
                aliases + [derived])
    }

    // MARK: Titles

    /// Front matter `title`, else the first heading of the head, else the file's name.
    static func title(front: FrontMatter, path: String) -> String {
        if let declared = front.values["title"]?.string.map({ TextSanitizer.clean($0).trimmingSpaces() }), !declared.isEmpty {
            return declared
        }
        if let heading = firstHeading(in: front.body) { return heading }
        return TextSanitizer.clean(SitePaths.baseName(path))
    }

    /// An ATX heading (`# Title`) or an HTML `<h1>`–`<h6>`, outside fenced code.
    static func firstHeading(in text: String) -> String? {
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(400) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); continue }
            if inFence { continue }
            if trimmed.hasPrefix("#") {
                let hashes = trimmed.prefix { $0 == "#" }
                guard hashes.count <= 6 else { continue }
                let rest = trimmed.dropFirst(hashes.count)
                guard rest.first == " " || rest.first == "\t" else { continue }
                var text = String(rest).trimmingSpaces()
                while text.hasSuffix("#") { text.removeLast() }
                text = HeadingIDs.removingExplicitID(text.trimmingSpaces()).text
                let clean = TextSanitizer.clean(HTMLText.plain(text)).trimmingSpaces()
                if !clean.isEmpty { return clean }
            } else if let open = trimmed.firstRange(of: "<h"), let level = trimmed[open.upperBound...].first,
                      ("1"..."6").contains(level), let close = trimmed.firstRange(of: "</h") {
                guard let start = trimmed[open.upperBound...].firstIndex(of: ">"), start < close.lowerBound else { continue }
                let clean = TextSanitizer.clean(HTMLText.plain(String(trimmed[trimmed.index(after: start)..<close.lowerBound])))
                    .trimmingSpaces()
                if !clean.isEmpty { return clean }
            }
        }
        return nil
    }

    // MARK: Permalinks

    /// A permalink from front matter may lack its leading "/" (`404.html`).
    static func absolute(_ permalink: String) -> String {
        permalink.hasPrefix("/") ? permalink : "/" + permalink
    }

    /// The site's permalink setting, as a template.
    private var style: String {
        switch config["permalink"]?.string ?? "date" {
        case "date": return "/:categories/:year/:month/:day/:title:output_ext"
        case "pretty": return "/:categories/:year/:month/:day/:title/"
        case "ordinal": return "/:categories/:year/:y_day/:title:output_ext"
        case "none": return "/:categories/:title:output_ext"
        case let template: return template
        }
    }

    /// Pages follow the style's ending: "pretty" URLs end in "/", others in ".html".
    private func pagePermalink(_ components: [String]) -> String {
        var parts = components
        let name = SitePaths.baseName(parts.removeLast())
        let isIndex = name.lowercased() == "index" || name.lowercased() == "readme"
        if !isIndex { parts.append(name) }
        if parts.isEmpty { return "/" }
        let joined = "/" + parts.joined(separator: "/")
        return style.hasSuffix("/") || isIndex ? joined + "/" : joined + ".html"
    }

    private func collectionPermalink(_ name: String, components: [String]) -> String {
        let inside = SitePaths.removingExtension(components.dropFirst().joined(separator: "/"))
        let template = config["collections"]?[name]?["permalink"]?.string
        if let template {
            return Self.collapsed(template.replacingAll(":collection", with: name).replacingAll(":path", with: inside)
                .replacingAll(":name", with: SitePaths.baseName(inside)).replacingAll(":title", with: SitePaths.baseName(inside))
                .replacingAll(":output_ext", with: ".html"))
        }
        let base = SitePaths.baseName(inside).lowercased() == "index" ? SitePaths.folder(of: inside) : inside
        return Self.collapsed("/\(name)/\(base)" + (style.hasSuffix("/") ? "/" : ".html"))
    }

    private func postPermalink(_ post: PostName, front: YAMLValue) -> String {
        var categories: [String] = []
        for key in ["categories", "category"] {
            switch front[key] {
            case .scalar(let text)?: categories += text.split(separator: " ").map(String.init)
            case .sequence(let items)?: categories += items.compactMap(\.string)
            default: break
            }
        }
        let slug = front["slug"]?.string ?? post.slug
        var url = style
        let parts = post.dateParts
        let replacements: [(String, String)] = [
            (":categories", categories.map { $0.lowercased() }.joined(separator: "/")),
            (":short_year", String(parts.year.suffix(2))), (":year", parts.year),
            (":i_month", String(Int(parts.month) ?? 0)), (":month", parts.month),
            (":i_day", String(Int(parts.day) ?? 0)), (":day", parts.day),
            (":y_day", post.dayOfYear), (":title", slug), (":slug", slug), (":output_ext", ".html"),
        ]
        for (placeholder, value) in replacements { url = url.replacingAll(placeholder, with: value) }
        return Self.collapsed(url)
    }

    /// Empty placeholders leave "//" behind: Jekyll collapses them.
    static func collapsed(_ url: String) -> String {
        var result = url
        while result.contains("//") { result = result.replacingAll("//", with: "/") }
        return result.hasPrefix("/") ? result : "/" + result
    }
}

/// A post's file name: `2020-01-02-my-title`.
struct PostName {
    var date: String?
    var slug: String

    init(_ name: String) {
        let bytes = Array(name.utf8)
        let shape = "dddd-dd-dd-"
        let dated = bytes.count > shape.count && zip(bytes, shape.utf8).allSatisfy { byte, pattern in
            pattern == UInt8(ascii: "d") ? (0x30...0x39).contains(byte) : byte == pattern
        }
        date = dated ? String(name.prefix(10)) : nil
        slug = dated ? String(name.dropFirst(11)) : name
    }

    var dateParts: (year: String, month: String, day: String) {
        guard let date else { return ("", "", "") }
        let parts = date.split(separator: "-").map(String.init)
        return (parts[0], parts[1], parts[2])
    }

    var dayOfYear: String {
        let parts = dateParts
        guard let year = Int(parts.year), let month = Int(parts.month), let day = Int(parts.day), (1...12).contains(month) else { return "" }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let value = lengths.prefix(month - 1).reduce(0, +) + day
        return String(repeating: "0", count: max(0, 3 - String(value).count)) + String(value)
    }
}
