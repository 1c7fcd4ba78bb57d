import Glibc
import PivotAnimation
import PivotConfig
import PivotDocument
import PivotFiles
import PivotReader
import PivotTerminal

/// What `pivot-tui [read]` is asked to do, as plain values: the parsed command line, or the
/// defaults when `EntryPoint` needs no parser. A setting the command line leaves unsaid (nil,
/// or a `no` flag not given) comes from the config file, else from `Settings`' defaults.
struct ReadRequest {
    /// A page, a site folder, or "-" for standard input; nil for the built-in page.
    var file: String?
    /// `--site DIR`: read the site in DIR; `file` (or a remote reader's command) is then a page
    /// of it, found as a link is (a path or a permalink, with an `#anchor`).
    var site: String?
    var plain = false
    var width: Int?
    var theme: ThemeName?
    var noColor = false
    var noMouse = false
    var noAnimation = false
    var idleStop: Int?
    /// `--percent`: a running percentage in the status line.
    var percent = false
    var watch = true
    var hyperlinks = true
    /// Code blocks highlighted by language (`--no-highlight` turns it off).
    var highlight = true
    /// `--linear`: the screen-reader mode (also PIVOT_TUI_LINEAR=1, or the config file).
    var linear = false
    /// `--print-config`: show the settings in force instead of reading.
    var printsConfig = false
    /// The settings in force, which `run` settles before anything else.
    var settled = Settings()
    /// `--graphics`; nil: PIVOT_TUI_GRAPHICS, else auto.
    var graphics: GraphicsMode?

    /// Under OpenSSH's ForceCommand, `ssh host plain` asks for the page as text. Nothing else a
    /// remote reader sends is read, except a page of the served site (`ssh -t host about`).
    static var remoteCommand: String? {
        getenv("SSH_ORIGINAL_COMMAND").map { String(cString: $0) }
    }

    static var remoteAskedForPlainText: Bool {
        remoteCommand?.split(separator: " ") == ["plain"]
    }

    /// Settles the settings (the config file's, then the command line's), then opens the page
    /// or the site, or prints the settings.
    func run() {
        let config = ConfigFile.load()
        if let warning = config.warning { Diagnostics.warn(warning) }
        var request = self
        request.settled = settle(config.settings)
        if printsConfig {
            let source = config.path.map { "# from \($0) and the command line" } ?? "# defaults and the command line"
            PlainOutput.write("\(source)\n" + SettingsWriter.text(request.settled))
        } else {
            request.open()
        }
    }

    /// The command line's choices over `config`.
    func settle(_ config: Settings) -> Settings {
        var settings = config
        if let width { settings.width = width }
        if let theme { settings.theme = theme }
        if let idleStop { settings.idleStop = idleStop }
        if noMouse { settings.mouse = false }
        if percent { settings.percent = true }
        let animationOff = noAnimation || getenv("PIVOT_TUI_NO_ANIMATION").map { String(cString: $0) == "1" } ?? false
        if animationOff { settings.animation = false }
        if linear || getenv("PIVOT_TUI_LINEAR").map({ String(cString: $0) == "1" }) == true { settings.linear = true }
        return settings
    }

    /// Opens the page or the site: full screen on a terminal, else as plain text.
    private func open() {
        let wantsPlainText = plain || isatty(STDOUT_FILENO) == 0 || Self.remoteAskedForPlainText
        // Plain text has no colours to give code: its highlighter is never loaded.
        PageLoader.highlightsCode = highlight && !wantsPlainText
        let target: SiteTarget
        do {
            target = try SiteTarget(file: file, site: site, remoteCommand: Self.remoteCommand)
        } catch {
            Diagnostics.fail("\(error)")
        }
        if let folder = target.folder, target.isFolder {
            runSite(folder, deepLink: target.deepLink, plainText: wantsPlainText)
        } else {
            runPage(target, plainText: wantsPlainText)
        }
    }

    private var settings: ReaderSettings {
        // A screen reader reads text: animations would only rewrite it.
        ReaderSettings(readingWidth: settled.width, animates: settled.animation && !settled.linear,
                       idleStop: settled.idleStop * 1000, keyMap: settled.keys, showsPercent: settled.percent)
    }

    private var options: TerminalSession.Options {
        TerminalSession.Options(settings: settings, theme: settled.theme, colors: settled.colors,
                                useColor: !noColor && getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true,
                                useMouse: settled.mouse, hyperlinks: hyperlinks, linear: settled.linear, graphics: graphicsMode)
    }

    /// `--graphics`, else PIVOT_TUI_GRAPHICS, else auto; auto is off over SSH (a picture costs
    /// kilobytes a screen) unless the remote reader set PIVOT_TUI_GRAPHICS (the server passes it).
    private var graphicsMode: GraphicsMode {
        let asked = getenv("PIVOT_TUI_GRAPHICS").flatMap { GraphicsMode(rawValue: String(cString: $0)) }
        let mode = graphics ?? asked ?? .auto
        let overSSH = getenv("SSH_CONNECTION") != nil || getenv("SSH_TTY") != nil
        return mode == .auto && overSSH && graphics == nil && asked == nil ? .off : mode
    }

    /// One page (a file, standard input or the built-in page); its site is read after the first paint.
    private func runPage(_ target: SiteTarget, plainText: Bool) {
        let page: LoadedPage
        var rest: (@Sendable () -> LoadedPage)?
        var pieces: PagePieces?
        // A large page on standard input is read from the file it was spilled to, with no site.
        var file = self.file
        var site: SiteContext?
        do {
            if file == "-", case .file(let spilled) = try StandardInput.page() {
                (file, site) = (spilled, NoSite())
            }
            // On screen a large page opens on its top while the rest is parsed (or, very large,
            // read in pieces); plain text needs it all, a very large page a piece at a time.
            if plainText {
                if let file, PagePiecesLoader.readsInPieces(file) {
                    try PageLoader.checkPage(file)
                    writePlainInPieces(file, path: target.pagePath, folder: target.folder, site: site)
                    return
                }
                page = try PageLoader.load(file)
            } else {
                let opened = try PageLoader.opened(file, site: site)
                (page, rest, pieces) = (opened.first, opened.rest, opened.pieces)
            }
        } catch {
            Diagnostics.fail("\(error)")
        }
        if plainText {
            writePlain(page.document, standIns: page.standIns, path: target.pagePath, folder: target.folder)
            return
        }
        let localeNote = TerminalSession.prepareLocale()
        let folder = target.folder
        let pagePath = target.pagePath
        let settings = self.settings
        let first = PreparedPage(document: page.document, standIns: page.standIns)
        let wholePage = rest.map { make in
            { @Sendable in let whole = make(); return PreparedPage(document: whole.document, standIns: whole.standIns) }
        }
        let endOfPage: Navigator.PageEnd? = rest == nil && pieces == nil ? nil
            : { @Sendable [file, site] in file.flatMap { PageLoader.end(of: $0, site: site) } }
        let navigator = SiteNavigator.navigator(folder: folder, start: pagePath == nil ? page : nil)
        let outcome = TerminalSession.run(
            start: { size, now in
                var browser = Browser(page: first, path: pagePath, isPartial: rest != nil || pieces != nil, settings: settings, size: size,
                                      awaitsSite: folder != nil && pagePath != nil, now: now)
                browser.shareCommand = Self.shareCommand(folder: folder)
                return browser
            },
            rest: wholePage, end: endOfPage, pieces: pieces, navigator: navigator, options: options, localeNote: localeNote,
            watchesFiles: watch && pagePath != nil)
        finish(outcome) {
            if pieces != nil, let file {
                writePlainInPieces(file, path: pagePath, folder: folder, site: site)
                return
            }
            let whole = rest.map { $0() } ?? page
            writePlain(whole.document, standIns: whole.standIns, path: pagePath, folder: folder)
        }
    }

    /// A site folder: its index, or the page a deep link names.
    private func runSite(_ folder: SiteFolder, deepLink: String?, plainText: Bool) {
        let folderArgument = site ?? file ?? folder.root
        let scan = SiteScanner.scan(folder)
        let site = scan.site
        if site.pages.isEmpty, deepLink == nil {
            Diagnostics.fail("\(folderArgument): no Markdown pages in this folder")
        }
        var opening: (PageRequest, Navigator.Opening)?
        var note = scan.notes.first
        if let deepLink {
            // A deep link is a site-absolute link: a permalink or a path from the root.
            switch LinkResolver.resolve(Link(text: "", target: deepLink.hasPrefix("/") ? deepLink : "/" + deepLink),
                                        from: nil, in: site) {
            case .page(let path, let fragment):
                let request = PageRequest(path: path, reason: .follow, fragment: fragment)
                opening = (request, SiteNavigator.open(request, folder: folder, site: site, start: nil))
            case .missing(let path) where SiteScanner.isMarkdown(path):
                // Not listed (written since, or past the listing's limits): the folder decides.
                let request = PageRequest(path: path, reason: .follow)
                opening = (request, SiteNavigator.open(request, folder: folder, site: site, start: nil))
            default:
                note = "not in this site: \(TextSanitizer.clean(deepLink))"
            }
            if case (_, .failed(let reason))? = opening { note = reason }
        }
        if plainText {
            if case (let request, .page(let page, let rest, _, let pieces))? = opening {
                // Plain text is the whole page; one the screen reads in pieces, a piece at a time.
                if pieces != nil, let path = request.path, let file = try? folder.confinedFile(path) {
                    do { try PageLoader.checkPage(file) } catch { Diagnostics.fail("\(error)") }
                    writePlainInPieces(file, path: path, folder: folder, site: SiteFolderContext(site: site, folder: folder))
                    return
                }
                let whole = rest?().document ?? page.document
                writePlain(whole, standIns: page.standIns, path: request.path, folder: folder)
            } else if deepLink != nil {
                // The page asked for is not there: say so, as for a missing file.
                Diagnostics.fail(note ?? "not in this site")
            } else {
                if let note { Diagnostics.warn(note) }
                PlainOutput.write(SiteListing.text(site))
            }
            return
        }
        let localeNote = TerminalSession.prepareLocale()
        let settings = self.settings
        var firstRest: Navigator.PageRest?
        var firstEnd: Navigator.PageEnd?
        var firstPieces: PagePieces?
        if case (_, .page(_, let rest, let end, let pieces))? = opening {
            firstRest = rest
            firstEnd = end
            firstPieces = pieces
        }
        let outcome = TerminalSession.run(
            start: { size, now in
                var browser = Browser(site: site, settings: settings, size: size, now: now)
                browser.shareCommand = Self.shareCommand(folder: folder)
                switch opening {
                case (let request, .page(let page, let rest, _, let pieces))?:
                    browser = update(browser, .pageLoaded(request, page, isPartial: rest != nil || pieces != nil)).0
                case (_, .failed(let reason))?:
                    browser.note(reason)
                case nil:
                    break
                }
                if let note { browser.note(note) }
                return browser
            },
            rest: firstRest, end: firstEnd, pieces: firstPieces, navigator: SiteNavigator.navigator(folder: folder, start: nil),
            options: options, localeNote: localeNote, watchesFiles: watch)
        finish(outcome) { PlainOutput.write(SiteListing.text(site)) }
    }

    /// A page as plain text, its pictures drawn first (in symbols alone: plain text has no colours).
    private func writePlain(_ document: Document, standIns: [String: Animation], path: String?, folder: SiteFolder?) {
        PlainOutput.write(PlainText.render(document, width: settled.width,
                                           standIns: withPictures(document, standIns: standIns, path: path, folder: folder)))
    }

    /// A page read in pieces as plain text: each piece written once parsed, then let go; the
    /// links of all pieces listed at the end. The same text as `writePlain` on the whole page.
    /// `site` nil: the file's own (`FileSite`); a spilled standard input comes with `NoSite`.
    private func writePlainInPieces(_ file: String, path: String?, folder: SiteFolder?, site: SiteContext?) {
        var links: [String] = []
        var isFirst = true
        let shownName = site is NoSite ? "standard input" : TextSanitizer.clean(file)
        let wasRead = PagePiecesLoader.forEachPiece(of: file, site: site ?? FileSite(pagePath: file)) { piece in
            guard let piece else { Diagnostics.fail("\(shownName): part of the page is not text") }
            let standIns = withPictures(piece.document, standIns: piece.standIns, path: path, folder: folder)
            let title = isFirst ? PlainText.title(of: piece.document, width: settled.width) : ""
            PlainOutput.write(title + PlainText.body(of: piece.document, width: settled.width, standIns: standIns, continuing: !isFirst))
            links += PlainText.linkLines(of: piece.document)
            isFirst = false
        }
        guard wasRead else { Diagnostics.fail("\(shownName): the page could not be read") }
        PlainOutput.write(PlainText.links(links))
    }

    /// `standIns` with text pictures for the document's other pictures.
    private func withPictures(_ document: Document, standIns: [String: Animation], path: String?,
                              folder: SiteFolder?) -> [String: Animation] {
        let request = PictureRequest(path: path, sources: PictureRequest.sources(in: document, besides: standIns),
                                     box: PictureBox(readingWidth: settled.width, windowHeight: Self.plainPictureWindow), generation: 0)
        guard !request.sources.isEmpty else { return standIns }
        let pictures = PictureDrawer(folder: folder).draw(request, style: PictureStyle(colors: 0, graphics: nil)).cells.pictures
        return standIns.merging(pictures) { frames, _ in frames }
    }

    /// The window plain text's pictures are sized for: a third of it, 12 rows, as on a tall screen.
    static let plainPictureWindow = 36

    private func finish(_ outcome: TerminalSession.Outcome, plainFallback: () -> Void) {
        switch outcome {
        case .finished:
            return
        case .unavailable(let reason):
            Diagnostics.warn(reason)
            plainFallback()
        case .signalled(let signal):
            Diagnostics.reraise(signal)
        }
    }

    /// The command that opens a place again: over SSH the server's address, else this program on the site.
    static func shareCommand(folder: SiteFolder?) -> String? {
        if let connection = getenv("SSH_CONNECTION").map({ String(cString: $0) }) {
            let parts = connection.split(separator: " ")
            if parts.count == 4 { return "ssh -t -p \(parts[3]) \(parts[2])" }
        }
        return folder.map { "pivot-tui --site " + Browser.quotedWord($0.root) }
    }
}
