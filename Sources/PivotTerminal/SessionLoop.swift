import PivotDocument
import PivotReader

/// The browser and the work the edge does for it: effects carried out (pages loaded, the site
/// searched), a large page's parts and the site read on threads, the open page's file watched.
struct SessionLoop {
    private(set) var browser: Browser
    let navigator: Navigator
    let screen: ReaderScreen
    let watchesFiles: Bool

    private var rest: BackgroundWork<PreparedPage>?
    private var end: BackgroundWork<PagePiece?>?
    private var siteReading: BackgroundWork<Site?>?
    /// Which page load the running parts belong to.
    private var partsGeneration = 0
    private var watcher: FileWatcher?
    private var watchedPath: String?
    /// Pictures being drawn, one request at a time; the latest request waits its turn.
    private var pictureWork: BackgroundWork<(PictureRequest, PicturesDrawn)>?
    private var waitingPictures: PictureRequest?

    init(browser: Browser, navigator: Navigator, screen: ReaderScreen, watchesFiles: Bool) {
        self.browser = browser
        self.navigator = navigator
        self.screen = screen
        self.watchesFiles = watchesFiles
    }

    /// The descriptors to poll besides the keys, in the order `takeFinishedWork` expects.
    var descriptors: [Int32] {
        [rest?.readyDescriptor ?? -1, end?.readyDescriptor ?? -1, siteReading?.readyDescriptor ?? -1,
         watcher?.descriptor ?? -1, pictureWork?.readyDescriptor ?? -1]
    }

    /// A note for the status line, unless one is there already (a page's own note comes first).
    mutating func note(_ text: String) {
        let onIndex = browser.index != nil || browser.reader == nil
        let hasNote = onIndex ? browser.indexMessage != nil : browser.reader?.message != nil
        if !hasNote { browser.note(text) }
    }

    /// Sends an event and carries out what it asks for; true when the reader quits.
    @discardableResult
    mutating func send(_ event: BrowserEvent) -> Bool {
        let (next, effects) = update(browser, event)
        browser = next
        for effect in effects {
            switch effect {
            case .quit:
                return true
            case .open(let request):
                if open(request) { return true }
            case .readSite:
                startReadingSite()
            case .drawPictures(let request):
                drawPictures(request)
            case .searchSite(let query):
                // The list says "searching…" while the pages are read.
                screen.show(browser)
                let hits = browser.site.map { navigator.searchSite(query, $0) } ?? []
                if send(.siteSearched(query: query, hits: hits)) { return true }
            }
        }
        return false
    }

    private mutating func open(_ request: PageRequest) -> Bool {
        switch navigator.open(request, browser.site) {
        case .page(let page, let pageRest, let pageEnd):
            let quit = send(.pageLoaded(request, page, isPartial: pageRest != nil))
            startParts(rest: pageRest, end: pageEnd)
            watchOpenPage()
            return quit
        case .failed(let reason):
            return send(.pageFailed(request, reason))
        }
    }

    /// A large page's whole and its end, each parsed on a thread of its own (the end is ready
    /// long before the whole page). Parts of an earlier page are dropped.
    mutating func startParts(rest pageRest: Navigator.PageRest?, end pageEnd: Navigator.PageEnd?) {
        partsGeneration = browser.generation
        rest = nil
        end = nil
        guard let pageRest else { return }
        rest = BackgroundWork(pageRest)
        if rest == nil {
            // No thread to be had: the whole page now, before the next key.
            send(.restOfPage(generation: partsGeneration, pageRest()))
            return
        }
        end = pageEnd.flatMap { BackgroundWork($0) }
    }

    private var siteReadStarted = false

    mutating func startReadingSite() {
        guard browser.awaitsSite, !siteReadStarted, let readSite = navigator.readSite else { return }
        siteReadStarted = true
        siteReading = BackgroundWork(readSite)
        if siteReading == nil { send(.siteLoaded(readSite())) }
    }

    /// Draws the pictures a request asks for on a thread, or after the one being drawn (only the
    /// latest request waits: an older one's box is gone).
    private mutating func drawPictures(_ request: PictureRequest) {
        guard pictureWork == nil else {
            waitingPictures = request
            return
        }
        let draw = navigator.drawPictures
        guard let style = screen.pictureStyle(mayAskTerminal: navigator.hasPictureFiles(request)) else {
            send(.picturesDrawn(request, DrawnPictures(pictures: [:], notes: [])))
            return
        }
        pictureWork = BackgroundWork { (request, draw(request, style)) }
        // No thread to be had: the pictures now, before the next key.
        if pictureWork == nil { show(draw(request, style), for: request) }
    }

    private mutating func show(_ drawn: PicturesDrawn, for request: PictureRequest) {
        screen.showPixels(drawn.pixels)
        send(.picturesDrawn(request, drawn.cells))
    }

    /// Watches the open page's file, when there is one and watching is on.
    mutating func watchOpenPage() {
        guard watchesFiles else { return }
        let path = navigator.fileToWatch(browser.path)
        guard path != watchedPath else { return }
        watchedPath = path
        watcher = path.flatMap { FileWatcher(file: $0) }
    }

    /// Takes what finished among the descriptors `ready` flags; true when the screen changed.
    mutating func takeFinishedWork(ready: [Bool]) -> Bool {
        var changed = false
        if ready.count > 1, ready[1], let work = end, let piece = work.take() {
            end = nil
            if let piece { send(.endOfPage(generation: partsGeneration, piece)) }
            changed = true
        }
        if ready.count > 0, ready[0], let work = rest, let page = work.take() {
            rest = nil
            end = nil  // the whole page makes its end part moot
            send(.restOfPage(generation: partsGeneration, page))
            changed = true
        }
        if ready.count > 2, ready[2], let work = siteReading, let site = work.take() {
            siteReading = nil
            send(.siteLoaded(site))
            changed = true
        }
        if ready.count > 3, ready[3], let watcher, watcher.fileChanged() {
            send(.pageChanged)
            changed = true
        }
        if ready.count > 4, ready[4], let work = pictureWork, let (request, drawn) = work.take() {
            pictureWork = nil
            show(drawn, for: request)
            if let waiting = waitingPictures {
                waitingPictures = nil
                drawPictures(waiting)
            }
            changed = true
        }
        return changed
    }
}
