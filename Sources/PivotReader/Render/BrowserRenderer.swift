import PivotDocument

/// Draws the browser: the site index, or the page with the links panel or the link number
/// being typed over it.
public func render(_ browser: Browser) -> CellGrid {
    BrowserRenderer(browser: browser).grid()
}

struct BrowserRenderer {
    let browser: Browser

    var glyphs: Glyphs { browser.settings.glyphs }

    func grid() -> CellGrid {
        if let view = browser.index, let site = browser.site {
            return SiteIndexRenderer(view: view, site: site, settings: browser.settings, size: browser.windowSize,
                                     message: browser.indexMessage).grid()
        }
        guard let reader = browser.reader else {
            return CellGrid(width: browser.windowSize.width, height: browser.windowSize.height)
        }
        var grid = render(reader)
        guard grid.width >= Renderer.minimumSize.width, grid.height >= Renderer.minimumSize.height else { return grid }
        if reader.overlay == nil, browser.linksPanel == nil { grid.hyperlinks = hyperlinks(in: grid, document: reader.document) }
        if let panel = browser.linksPanel {
            grid.pictures = []  // under the panel
            for row in 1..<(grid.height - 1) { grid.put(String(repeating: " ", count: grid.width), row: row, column: 0, style: .plain) }
            let lines = panel.order.map { linkLine($0, in: reader.document) }
            Chrome.panel(lines, scroll: panel.scroll, selection: panel.selection, left: reader.leftMargin + 2,
                         height: reader.pageHeight, into: &grid)
            Chrome.status(&grid, left: "Links: \(reader.document.links.count)", leftStyle: CellStyle(.status, .bold),
                          right: " Enter: follow  q: close ", glyphs: glyphs)
        } else if let entry = browser.linkEntry {
            Chrome.status(&grid, left: "follow link: " + entry, leftStyle: CellStyle(.status, .bold),
                          right: " Enter: follow  Esc: cancel ", glyphs: glyphs)
        }
        return grid
    }

    /// The external links drawn on the page, as terminal hyperlinks.
    private func hyperlinks(in grid: CellGrid, document: Document) -> [Int: String] {
        var found: [Int: String] = [:]
        var seen = Set<Int>()
        for cell in grid.cells {
            guard let link = cell.style.link, seen.insert(link).inserted, document.links.indices.contains(link),
                  case .external(let url)? = browser.target(ofLink: link), let encoded = Hyperlink.encoded(url) else { continue }
            found[link] = encoded
        }
        return found
    }

    private func linkLine(_ index: Int, in document: Document) -> Panels.Line {
        let link = document.links[index]
        let shown = link.text.isEmpty ? link.target : link.text
        return [("[\(index + 1 + document.linkNumberOffset)] ", CellStyle(.muted)), (shown, CellStyle(.link, .underline)),
                ("  → " + describe(browser.target(ofLink: index)), CellStyle(.muted))]
    }

    /// Where a link leads, in a few words.
    private func describe(_ target: LinkTarget?) -> String {
        switch target {
        case .page(let path, let fragment)?:
            let title = browser.site?.index(ofPath: path).map { browser.site!.pages[$0].title }
            let place = path + (fragment.map { "#" + $0 } ?? "")
            return title.map { "\($0) (\(place))" } ?? place
        case .fragment(let id)?: return "#\(id) on this page"
        case .external(let url)?: return url
        case .missing(let what)?: return "missing: \(what)"
        case .outside?: return "not in this site"
        case nil: return ""
        }
    }
}

/// The site index: a header with the site's name, a row for each page (or each search hit),
/// and a status line with the filter or the search being typed.
struct SiteIndexRenderer {
    let view: SiteIndexView
    let site: Site
    let settings: ReaderSettings
    let size: Size
    let message: String?

    var glyphs: Glyphs { settings.glyphs }

    func grid() -> CellGrid {
        var grid = CellGrid(width: min(max(0, size.width), 4096), height: min(max(0, size.height), 4096))
        guard grid.width >= Renderer.minimumSize.width, grid.height >= Renderer.minimumSize.height else {
            for row in 0..<grid.height {
                grid.put(row == 0 ? "window too small" : "", row: row, column: 0, style: CellStyle(.warning))
            }
            return grid
        }
        let name = site.value(forKey: "title").map { TextSanitizer.clean($0) } ?? "Site"
        Chrome.header(&grid, title: "\(name) · \(site.pages.count) page\(site.pages.count == 1 ? "" : "s")",
                      glyphs: glyphs)
        let columnWidth = min(settings.readingWidth, grid.width) - 2
        let left = max(0, (grid.width - columnWidth) / 2)
        let height = grid.height - 2
        let lines: [Panels.Line]
        if let results = view.results {
            lines = results.hits.map { hitLine($0, width: columnWidth) }
        } else {
            lines = view.rows.map { pageLine(site.pages[$0], width: columnWidth) }
        }
        Chrome.panel(lines, scroll: view.scroll, selection: lines.isEmpty ? nil : view.selection, left: left,
                     height: height, into: &grid)
        status(&grid)
        return grid
    }

    private func pageLine(_ page: SitePage, width: Int) -> Panels.Line {
        var line: Panels.Line = []
        var room = width
        if let date = page.date {
            line.append((date + "  ", CellStyle(.muted)))
            room -= CellWidth.of(date) + 2
        }
        let title = Chrome.fitted(page.title, room: max(1, room), glyphs: glyphs)
        line.append((title, CellStyle(.heading)))
        room -= CellWidth.of(title) + 2
        if room >= 4 { line.append(("  " + Chrome.fitted(page.permalink, room: room, glyphs: glyphs), CellStyle(.muted))) }
        return line
    }

    private func hitLine(_ hit: SiteSearchHit, width: Int) -> Panels.Line {
        var line: Panels.Line = []
        var room = width
        let title = Chrome.fitted(hit.pageTitle, room: max(1, room / 3), glyphs: glyphs)
        line.append((title, CellStyle(.heading)))
        room -= CellWidth.of(title)
        if let section = hit.section, room > 8 {
            let shown = Chrome.fitted(" › " + section, room: room / 2, glyphs: glyphs)
            line.append((shown, CellStyle(.muted)))
            room -= CellWidth.of(shown)
        }
        if room > 4 { line.append(("  " + Chrome.fitted(hit.line, room: room - 2, glyphs: glyphs), CellStyle())) }
        return line
    }

    private func status(_ grid: inout CellGrid) {
        let left: String
        var leftStyle = CellStyle(.status, .bold)
        if let prompt = view.prompt {
            left = "search every page: " + prompt
        } else if let message {
            left = message
            leftStyle = CellStyle(.warning, .bold)
        } else if let results = view.results {
            left = results.isSearching ? "searching every page for \(results.query)…"
                : "\(results.query): \(results.hits.count) match\(results.hits.count == 1 ? "" : "es") · Esc: back to the pages"
        } else if !view.filter.isEmpty {
            left = "filter: " + view.filter
        } else {
            left = "type to filter · Enter: open · /: search every page"
            leftStyle = CellStyle(.muted)
        }
        let count = view.rowCount
        let right = count == 0 ? " 0/0 " : " \(view.selection + 1)/\(count) "
        Chrome.status(&grid, left: left, leftStyle: leftStyle, right: right, glyphs: glyphs)
    }
}
