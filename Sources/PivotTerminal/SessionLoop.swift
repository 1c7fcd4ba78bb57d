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
    /// Browsers just replaced, kept until the screen is painted (`dropRetired`).
    private var retired: [Browser] = []

    /// Frees what the last keys let go of, once the screen shows their answer.
    mutating func dropRetired() {
        retired.removeAll()
    }

    /// A very large page read in pieces: its index being read, the pieces being parsed.
    private var pieces: PagePieces?
    private var pageIndex: PageIndex?
    private var indexWork: BackgroundWork<PageIndex?>?
    private var piecesWork: BackgroundWork<(Range<Int>, PreparedPage?)>?
    private var endPiecesWork: BackgroundWork<(Range<Int>, PreparedPage?)>?
    private var countWork: BackgroundWork<(String, [Int])>?
    private var waitingCount: String?
    private var waitingPieces: Range<Int>?
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
         watcher?.descriptor ?? -1, pictureWork?.readyDescriptor ?? -1, indexWork?.readyDescriptor ?? -1,
         piecesWork?.readyDescriptor ?? -1, endPiecesWork?.readyDescriptor ?? -1, countWork?.readyDescriptor ?? -1]
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
        // A document the key let go of (a very large page's pieces) is freed after the paint.
        if retired.count < 4 { retired.append(browser) }
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
            case .loadPieces(let range):
                loadPieces(range)
            case .countMatches(let query):
                countMatches(query)
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
        case .page(let page, let pageRest, let pageEnd, let pagePieces):
            let quit = send(.pageLoaded(request, page, isPartial: pageRest != nil || pagePieces != nil))
            startParts(rest: pageRest, end: pageEnd, pieces: pagePieces)
            watchOpenPage()
            return quit
        case .failed(let reason):
            return send(.pageFailed(request, reason))
        }
    }

    /// A large page's whole and its end, each parsed on a thread of its own (the end is ready
    /// long before the whole page). Parts of an earlier page are dropped.
    mutating func startParts(rest pageRest: Navigator.PageRest?, end pageEnd: Navigator.PageEnd?,
                             pieces pagePieces: PagePieces? = nil) {
        partsGeneration = browser.generation
        rest = nil
        end = nil
        pieces = pagePieces
        pageIndex = nil
        indexWork = nil
        piecesWork = nil
        endPiecesWork = nil
        countWork = nil
        waitingCount = nil
        waitingPieces = nil
        if let pagePieces {
            end = pageEnd.flatMap { BackgroundWork($0) }
            indexWork = BackgroundWork(pagePieces.index)
            if indexWork == nil, let index = pagePieces.index() { takeIndex(index) }
            return
        }
        guard let pageRest else { return }
        rest = BackgroundWork(pageRest)
        if rest == nil {
            // No thread to be had: the whole page now, before the next key.
            send(.restOfPage(generation: partsGeneration, pageRest()))
            return
        }
        end = pageEnd.flatMap { BackgroundWork($0) }
    }

    private mutating func takeIndex(_ index: PageIndex) {
        pageIndex = index
        send(.pageIndexed(generation: partsGeneration, index))
        // The last piece, parsed ahead so that `G` needs no wait.
        guard let load = pieces?.load, !index.pieces.isEmpty else { return }
        let last = (index.pieces.count - 1)..<index.pieces.count
        endPiecesWork = BackgroundWork { (last, load(index, last)) }
    }

    /// Parses the pieces the reader asks for on a thread, one request at a time (the latest waits).
    private mutating func loadPieces(_ range: Range<Int>) {
        guard let pieces, let pageIndex else { return }
        guard piecesWork == nil else {
            waitingPieces = range
            return
        }
        let load = pieces.load
        piecesWork = BackgroundWork { (range, load(pageIndex, range)) }
        if piecesWork == nil, let page = load(pageIndex, range) {
            send(.piecesLoaded(generation: partsGeneration, range, page))
        }
    }

    /// Counts a search's matches piece by piece on a thread (about a second for 10 MiB; the
    /// status line says "searching…" and keys go on meanwhile); the latest query waits its turn.
    private mutating func countMatches(_ query: String) {
        guard let pieces, let pageIndex else { return }
        guard countWork == nil else {
            waitingCount = query
            return
        }
        let count = pieces.countMatches
        let glyphs = browser.settings.glyphs
        countWork = BackgroundWork { (query, count(pageIndex, query, glyphs)) }
        if countWork == nil {
            send(.matchesCounted(generation: partsGeneration, query: query, counts: count(pageIndex, query, glyphs)))
        }
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
        if ready.count > 5, ready[5], let work = indexWork, let found = work.take() {
            indexWork = nil
            if let found { takeIndex(found) }
            changed = true
        }
        if ready.count > 6, ready[6], let work = piecesWork, let (range, page) = work.take() {
            piecesWork = nil
            if let page { send(.piecesLoaded(generation: partsGeneration, range, page)) }
            if let waiting = waitingPieces {
                waitingPieces = nil
                loadPieces(waiting)
            }
            changed = true
        }
        if ready.count > 8, ready[8], let work = countWork, let (query, counts) = work.take() {
            countWork = nil
            send(.matchesCounted(generation: partsGeneration, query: query, counts: counts))
            if let waiting = waitingCount {
                waitingCount = nil
                countMatches(waiting)
            }
            changed = true
        }
        if ready.count > 7, ready[7], let work = endPiecesWork, let (range, page) = work.take() {
            endPiecesWork = nil
            if let page { send(.endPiecesLoaded(generation: partsGeneration, range, page)) }
            changed = true
        }
        return changed
    }
}
