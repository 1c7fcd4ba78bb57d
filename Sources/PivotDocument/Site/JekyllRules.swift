/// How Jekyll makes a file into a page: whether it is one at all, its kind, title and permalink,
/// and the other addresses links reach it by (aliases).
struct JekyllRules {
    let config: YAMLValue
    let isJekyll: Bool
    /// Collections `_config.yml` names (`courses` for `_courses/`).
    let collections: Set<String>
    /// The site's `permalink` setting as a template.
    let style: String

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
        style = Self.template(forStyle: config["permalink"]?.string ?? "date")
    }

    /// Jekyll's named permalink styles; anything else is a template already.
    static func template(forStyle style: String) -> String {
        switch style {
        case "date": return "/:categories/:year/:month/:day/:title:output_ext"
        case "pretty": return "/:categories/:year/:month/:day/:title/"
        case "ordinal": return "/:categories/:year/:y_day/:title:output_ext"
        case "none": return "/:categories/:title:output_ext"
        default: return style
        }
    }

    /// A file made a page, with how its permalink came about and the other addresses it has.
    struct Entry {
        var page: SitePage
        /// Set in its front matter: it wins over any address derived for another page.
        var isDeclared: Bool
        /// The addresses links may use besides the permalink: Jekyll's own rule when front matter
        /// overrides it, `.html` and pretty forms, the form without an underscore folder.
        var aliases: [String]
    }

    /// The page for a file; nil for a file Jekyll does not publish (`_includes/`, `_layouts/`,
    /// `_drafts/`, any `_folder/` that is not a named collection, a `_name.md`).
    func entry(for file: SiteFile) -> Entry? {
        let components = file.path.split(separator: "/").map(String.init)
        guard isJekyll else {
            let title = PageTitle.title(front: FrontMatter.split(file.head), path: file.path)
            return Entry(page: SitePage(path: file.path, title: title, permalink: TextSanitizer.clean("/" + file.path)),
                         isDeclared: false, aliases: [])
        }
        guard let (kind, collection) = place(of: components) else { return nil }
        let front = FrontMatter.split(file.head)
        let title = PageTitle.title(front: front, path: file.path)
        var date: String?
        let derived: String
        var aliases: [String] = []
        if kind == .post {
            let post = PostName(SitePaths.baseName(file.path))
            date = post.date ?? front.values["date"]?.string.map { String($0.prefix(10)) }
            let folders = Array(components.prefix { $0 != "_posts" })
            derived = postPermalink(post, slug: front.values["slug"]?.string ?? post.slug,
                                    categories: folders + Self.categories(front.values))
            // `{% post_url %}` read before the site was known gave the post's name as a pretty path.
            aliases += ["/" + post.slug + "/", LiquidRenderer.derivedPermalink(forPath: SitePaths.baseName(file.path))]
        } else if let collection {
            derived = collectionPermalink(collection, components: components)
            aliases.append(LiquidRenderer.derivedPermalink(forPath: file.path))
        } else {
            derived = pagePermalink(components)
            // `_pages/about.md` is served as `/about/` on the sites that keep pages there.
            aliases.append(LiquidRenderer.derivedPermalink(forPath: file.path))
        }
        aliases += ["/" + SitePaths.removingExtension(file.path) + "/", "/" + SitePaths.removingExtension(file.path) + ".html",
                    "/" + file.path]
        let declared = front.values["permalink"]?.string.map { Self.absolute($0) }
        if declared != nil { aliases.insert(derived, at: 0) }
        let page = SitePage(path: file.path, title: title, permalink: TextSanitizer.clean(declared ?? derived),
                            date: date.map { TextSanitizer.clean($0) }, kind: kind)
        return Entry(page: page, isDeclared: declared != nil, aliases: aliases)
    }

    /// A file's kind, and the collection it is in; nil when Jekyll skips it: a name starting
    /// with `_` is private to Jekyll unless it is `_posts` (anywhere), `_pages` or a collection
    /// `_config.yml` names, at the root.
    private func place(of components: [String]) -> (SitePage.Kind, collection: String?)? {
        guard let name = components.last, !name.hasPrefix("_") else { return nil }
        let folders = components.dropLast()
        if let posts = folders.firstIndex(of: "_posts") {
            return folders.indices.contains(where: { $0 != posts && folders[$0].hasPrefix("_") }) ? nil : (.post, nil)
        }
        guard let first = folders.first else { return (.page, nil) }
        if folders.dropFirst().contains(where: { $0.hasPrefix("_") }) { return nil }
        guard first.hasPrefix("_") else { return (.page, nil) }
        let collection = String(first.dropFirst())
        if collections.contains(collection) { return (collection == "pages" ? .page : .collection(collection), collection) }
        return first == "_pages" ? (.page, nil) : nil
    }

    // MARK: Permalinks

    /// A permalink from front matter may lack its leading "/" (`permalink: 404.html`).
    static func absolute(_ permalink: String) -> String {
        permalink.hasPrefix("/") ? permalink : "/" + permalink
    }

    /// Pages follow the style's ending: "pretty" URLs end in "/", the others in ".html"
    /// (`docs/x.md` is `/docs/x/` or `/docs/x.html`). A folder's index is the folder, and so is
    /// its README (GitHub Pages reads it as the index; where both exist the index is listed first
    /// and keeps the address).
    private func pagePermalink(_ components: [String]) -> String {
        var parts = components
        if parts.first == "_pages" { parts.removeFirst() }
        let name = SitePaths.baseName(parts.removeLast())
        let isIndex = name == "index" || name.lowercased() == "readme"
        if !isIndex { parts.append(name) }
        if parts.isEmpty { return "/" }
        let joined = "/" + parts.joined(separator: "/")
        return style.hasSuffix("/") || isIndex ? joined + "/" : joined + ".html"
    }

    /// A collection's own `permalink` template, else `/:collection/:path` with the style's ending.
    private func collectionPermalink(_ name: String, components: [String]) -> String {
        let inside = SitePaths.removingExtension(components.dropFirst().joined(separator: "/"))
        if var template = config["collections"]?[name]?["permalink"]?.string {
            // A style's name gives its ending to the collection's own pattern.
            if ["date", "ordinal", "none"].contains(template) { template = "/:collection/:path:output_ext" }
            if template == "pretty" { template = "/:collection/:path/" }
            return Self.collapsed(template.replacingAll(":collection", with: name)
                .replacingAll(":path", with: inside).replacingAll(":name", with: SitePaths.baseName(inside))
                .replacingAll(":title", with: SitePaths.baseName(inside)).replacingAll(":output_ext", with: ".html")
                .replacingAll(":categories", with: ""))
        }
        // A collection's index is its folder's address.
        if SitePaths.baseName(inside) == "index" { return Self.collapsed("/\(name)/\(SitePaths.folder(of: inside))/") }
        return Self.collapsed("/\(name)/\(inside)" + (style.hasSuffix("/") ? "/" : ".html"))
    }

    /// Front matter `categories` and `category`: a list, or words separated by spaces.
    static func categories(_ front: YAMLValue) -> [String] {
        var categories: [String] = []
        for key in ["categories", "category"] {
            switch front[key] {
            case .scalar(let text)?: categories += text.split(separator: " ").map(String.init)
            case .sequence(let items)?: categories += items.compactMap(\.string)
            default: break
            }
        }
        return categories
    }

    /// The site's style with the post's date, slug and categories (lower-cased, each once).
    private func postPermalink(_ post: PostName, slug: String, categories: [String]) -> String {
        var seen = Set<String>()
        let categoryPath = categories.map { $0.lowercased() }.filter { seen.insert($0).inserted }.joined(separator: "/")
        let parts = post.dateParts
        // Longer placeholders first: `:short_year` before `:year`, `:i_month` before `:month`.
        let replacements: [(String, String)] = [
            (":categories", categoryPath),
            (":short_year", String(parts.year.suffix(2))), (":year", parts.year),
            (":i_month", String(Int(parts.month) ?? 0)), (":month", parts.month),
            (":i_day", String(Int(parts.day) ?? 0)), (":day", parts.day),
            (":y_day", post.dayOfYear), (":title", slug), (":slug", slug), (":output_ext", ".html"),
        ]
        var url = style
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
