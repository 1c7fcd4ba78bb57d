import PivotAnimation
import PivotDocument

/// The reader of a whole site: the page being read (a `ReaderState`), the site index, and the
/// history of places visited. Pure, like the page reader: the edge loads what `update` asks for
/// and answers with events.
public struct Browser: Sendable {
    public let settings: ReaderSettings
    /// The site the pages belong to; nil before it is read, or when the page has none.
    public internal(set) var site: Site?
    /// True while the edge reads the site (links wait for it).
    public internal(set) var awaitsSite: Bool
    /// The page being read; nil on a site index opened before any page.
    public internal(set) var reader: ReaderState?
    /// The page's path in the site (nil: the page the reader started with, outside any site).
    public internal(set) var path: String?
    /// The site index, while it is on screen.
    public internal(set) var index: SiteIndexView?
    /// The link number typed after `f`, while it is typed.
    public internal(set) var linkEntry: String?
    public internal(set) var linksPanel: LinksPanel?
    /// A note for the status line of the site index.
    public internal(set) var indexMessage: String?
    /// How a reader opens the same place from outside, e.g. "ssh -t -p 2222 HOST" (set by the edge).
    public var shareCommand: String?
    public internal(set) var windowSize: Size
    /// Which page load the pages' background parts must belong to.
    public internal(set) var generation = 0

    var backStack: [HistoryEntry] = []
    var forwardStack: [HistoryEntry] = []
    /// A link chosen before the site was read, followed when it is.
    var pendingLink: Int?
    /// The links panel or the index asked for before the site was read, opened when it is.
    var pendingPanel = false
    var pendingIndex = false
    /// True once the edge was asked to read the site.
    var siteRequested = false
    /// A place to restore once a large page is whole (its top part may not reach it).
    var pendingPlace: PagePlace?
    var now = 0
    /// The pictures last asked of the edge, and for which page load, part and box.
    var askedPictures: (key: PictureKey, request: PictureRequest?)?

    /// At most this many steps are kept each way: places are small, but not free.
    static let historyLimit = 256

    /// A browser on a page (the usual start: `pivot-tui PAGE`).
    public init(page: PreparedPage, path: String?, isPartial: Bool = false, settings: ReaderSettings, size: Size,
                site: Site? = nil, awaitsSite: Bool = false, now: Int = 0) {
        self.settings = settings
        self.site = site
        self.awaitsSite = awaitsSite
        self.path = path
        windowSize = size
        self.now = now
        var reader = ReaderState(document: page.document, settings: settings, size: size, standIns: page.standIns,
                                 now: now, units: page.units)
        if isPartial { reader = reader.awaitingRestOfPage() }
        self.reader = reader
    }

    /// A browser on the index of `site` (`pivot-tui DIR`).
    public init(site: Site, settings: ReaderSettings, size: Size, now: Int = 0) {
        self.settings = settings
        self.site = site
        awaitsSite = false
        windowSize = size
        self.now = now
        index = SiteIndexView(site: site)
    }

    /// Rows of the site index's list: the window less the header and status lines.
    var listHeight: Int { max(1, ReaderState.clamped(windowSize).height - 2) }

    /// What the history keeps of where the reader is now.
    var currentEntry: HistoryEntry? {
        if let index { return .index(index) }
        if let reader { return .page(path: path, place: reader.place) }
        return nil
    }

    public var canGoBack: Bool { !backStack.isEmpty }
    public var canGoForward: Bool { !forwardStack.isEmpty }
    public var history: (back: [HistoryEntry], forward: [HistoryEntry]) { (backStack, forwardStack) }

    /// A one-line note in the status line (cleared by the next key).
    public mutating func note(_ text: String) {
        if index != nil || reader == nil {
            indexMessage = text
        } else {
            reader = reader?.withMessage(text)
        }
    }

    static func push(_ entry: HistoryEntry, onto stack: inout [HistoryEntry]) {
        stack.append(entry)
        if stack.count > Self.historyLimit { stack.removeFirst(stack.count - Self.historyLimit) }
    }
}

/// The browser's one way to change: a new state and what the edge must do.
public func update(_ browser: Browser, _ event: BrowserEvent) -> (Browser, [Effect]) {
    var next = browser
    var effects = next.handle(event)
    // A new page, part or window size may want its pictures (again, at another size).
    effects += next.askForPictures()
    return (next, effects)
}
