import PivotAnimation
import PivotDocument

/// How the reader is set up; fixed for a session.
public struct ReaderSettings: Hashable, Sendable {
    /// The widest the reading column gets; wider windows centre it.
    public var readingWidth: Int
    public var glyphs: Glyphs
    /// False shows every animation's first frame, still.
    public var animates: Bool
    /// Milliseconds without a key after which animations stop on their last frame.
    public var idleStop: Int

    /// Pages with more layout units than this are laid out a window at a time (see `LayoutUnits`).
    public var wholeLayoutLimit: Int
    /// Keys the user added for reading actions.
    public var keyMap: KeyMap
    /// True keeps a percentage in the status line between the page's ends, rewritten on every
    /// scroll; false keeps the line still while scrolling (as less does) and tells the place on Ctrl-G.
    public var showsPercent: Bool

    public init(readingWidth: Int = 80, glyphs: Glyphs = .unicode, animates: Bool = true, idleStop: Int = 120_000,
                wholeLayoutLimit: Int = 1_000, keyMap: KeyMap = KeyMap(), showsPercent: Bool = false) {
        self.readingWidth = readingWidth
        self.glyphs = glyphs
        self.animates = animates
        self.idleStop = idleStop
        self.wholeLayoutLimit = wholeLayoutLimit
        self.keyMap = keyMap
        self.showsPercent = showsPercent
    }
}

/// A view over the page: the key-driven panels that replace the text for a while.
public enum Overlay: Hashable, Sendable {
    case help(scroll: Int)
    case outline(selection: Int, scroll: Int)
    case info(scroll: Int)
}

/// Everything the reader shows, as a value. Only `update` changes it.
public struct ReaderState: Sendable {
    public internal(set) var document: Document
    public let settings: ReaderSettings
    /// Text animations standing in for the page's images, by image source: frames files, and
    /// the pictures the edge drew (`drawnPictureSources`).
    public internal(set) var standIns: [String: Animation]
    /// The images whose stand-in is a picture the edge drew for the current box.
    var drawnPictureSources: Set<String> = []
    public internal(set) var playback: Playback
    /// The size the layout uses (unknown sizes read as 80x24).
    public internal(set) var size: Size
    /// The window as it is, possibly tiny or empty: the rendered grid has exactly this size.
    public internal(set) var windowSize: Size
    public internal(set) var folds: Set<Int> = []
    /// The section Enter, h and l act on; drawn highlighted.
    public internal(set) var focus: Int?
    /// Index of the layout line at the top of the page area.
    public internal(set) var top = 0
    public internal(set) var overlay: Overlay?
    /// The search being typed after `/`, when the prompt is open.
    public internal(set) var prompt: String?
    public internal(set) var search: String?
    /// The text the reader scrolled to; kept across reflows (see `relayout`).
    var readingAnchor: Anchor?
    /// The match `n` and `N` continue from.
    var searchCursor: Anchor?
    /// Every match of `search` in the page, in reading order.
    var searchMatches: [SearchIndex.Match] = []
    /// A one-off note in the status line, cleared by the next key.
    public internal(set) var message: String?
    /// Ctrl-G's report of the reading place in the status line, until the next key.
    public internal(set) var showsPosition = false
    /// Lines the info panel shows about where the page is (set by the browser: its site path and
    /// the command that opens this place).
    public internal(set) var placeInfo: [MetadataEntry] = []
    /// The page laid out for the current width and folds (derived, kept to answer keys fast).
    public internal(set) var layout: Layout
    /// The page cut into layout units for the current folds.
    var units: LayoutUnits
    /// Which part of the page `document` is: the whole page, or its top or end while the
    /// whole page is being parsed.
    public internal(set) var part: PagePart = .whole
    public var isPartial: Bool { part != .whole }
    /// While the top is shown: the end of the page, once it is parsed (what `G` shows).
    var endOfPage: PagePiece?
    /// While the end is shown: the top of the page (what `g` goes back to).
    var topOfPage: PagePiece?
    /// `G` was pressed on a partial page: the end of the whole page is wanted when it comes.
    var awaitsEnd = false
    /// Pieces of a very large page are laid out a window at a time however few units they have:
    /// a piece laid out whole cost `G` 90 million instructions.
    let laysOutWindowsOnly: Bool
    /// A very large page's pieces, once the edge has read where they are (see `ReaderState+Pieces`).
    var pageIndex: PageIndex?
    /// The pieces asked of the edge and not yet come.
    var requestedPieces: Range<Int>?
    /// The search's matches in each piece of a very large page, once counted; asked once a search.
    var pieceMatchCounts: [Int]?
    var countsAsked = false
    /// A match `n` went to, shown when its pieces come.
    var pendingMatch: PendingMatch?
    /// A search typed before the page was all read: it goes on when the rest comes.
    var searchAwaitsPage = false
    var searchGoesForward = true
    /// The last piece of a very large page, parsed ahead for `G` (in place of the end part).
    var endPieces: (range: Range<Int>, page: PreparedPage)?
    /// The focused section when it lies in pieces the reader no longer holds: its source line
    /// (to focus it again when they come back) and its title (the status line still shows it).
    var focusElsewhere: (line: Int, title: String)?

    /// The focused section's title, for the status line.
    public var focusTitle: String? {
        focus.map { document.sections[$0].title } ?? focusElsewhere?.title
    }

    public init(document: Document, settings: ReaderSettings = ReaderSettings(), size: Size,
                standIns: [String: Animation] = [:], now: Int = 0) {
        self.init(document: document, settings: settings, size: size, standIns: standIns, now: now,
                  units: LayoutUnits(document: document, folds: []))
    }

    /// With the page's units made already (on another thread, for a large page).
    init(document: Document, settings: ReaderSettings, size: Size, standIns: [String: Animation], now: Int,
         units: LayoutUnits, laysOutWindowsOnly: Bool = false) {
        self.laysOutWindowsOnly = laysOutWindowsOnly
        self.document = document
        self.settings = settings
        self.standIns = standIns
        playback = Playback(now: now)
        self.size = ReaderState.clamped(size)
        windowSize = Size(width: min(max(0, size.width), 4096), height: min(max(0, size.height), 4096))
        self.units = units
        layout = Layout(document: document, options: ReaderState.layoutOptions(settings, self.size), folds: [],
                        standIns: standIns, units: units, window: 0..<0)
        layOutWindow(around: units.count > 0 ? units[0].start : Anchor(order: 0, offset: 0), before: 0,
                     after: pageHeight + windowMargin)
        if !document.warnings.isEmpty {
            message = document.warnings[0] + (document.warnings.count > 1 ? " (i: all notes)" : "")
        }
        // `<details>` open folded, as browsers show them.
        let startFolded = Set(document.sections.lazy.filter(\.startsFolded).map(\.id))
        if !startFolded.isEmpty { relayout(folds: startFolded) }
    }

    // MARK: - Geometry

    /// Sizes outside what any terminal has are clamped; 0 means unknown and reads as 80x24.
    static func clamped(_ size: Size) -> Size {
        Size(width: size.width <= 0 ? 80 : min(size.width, 4096),
             height: size.height <= 0 ? 24 : min(size.height, 4096))
    }

    static func layoutOptions(_ settings: ReaderSettings, _ size: Size) -> LayoutOptions {
        LayoutOptions(width: max(LayoutOptions.minimumWidth, min(settings.readingWidth, size.width)),
                      glyphs: settings.glyphs, paneHeightLimit: max(1, size.height - 2))
    }

    /// Rows for the page: the window less the header and status lines.
    public var pageHeight: Int { max(1, size.height - 2) }

    /// Where the reading column starts in the window.
    public var leftMargin: Int { max(0, (size.width - layout.options.width) / 2) }

    /// The last top line of the laid-out lines (on a windowed page, of the window).
    public var maxTop: Int { max(0, layout.lines.count - pageHeight) }

    /// The section the reader is in: the focused one, else the one at the top of the page.
    public var currentSection: Int? {
        if let focus { return focus }
        guard layout.lines.indices.contains(top) else { return nil }
        return layout.lines[top...].prefix(pageHeight).first(where: { $0.section != nil })?.section
    }

    /// Position through the page, as less shows it: Top, Bot or All at the ends; between them a
    /// percentage only when the settings ask for one, so that scrolling leaves the status line be.
    public var positionLabel: String {
        switch part {
        case .top where top >= maxTop: return "loading"
        case .end where top >= maxTop: return "Bot"
        case .end where pageIndex == nil: return "loading"
        case .pieces where top >= maxTop && !reachesPageEnd: return "loading"
        default: break
        }
        if pageIndex != nil {
            if top == 0, reachesPageStart, layout.reachesStart { return "Top" }
            if top >= maxTop, reachesPageEnd, layout.reachesEnd { return "Bot" }
        } else {
            if layout.isComplete, layout.lines.count <= pageHeight { return "All" }
            if top == 0, layout.reachesStart { return "Top" }
            if top >= maxTop, layout.reachesEnd { return "Bot" }
        }
        return settings.showsPercent ? "\(percentThrough)%" : ""
    }

    /// How far through the page the reader is: the last line on screen, where the page's lines
    /// are all laid out; else the top line's place among the page's source lines (a window of a
    /// large page, or a page read in pieces, cannot count its laid-out lines).
    public var percentThrough: Int {
        if pageIndex != nil { return Self.percent(line: topSourceLine ?? 0, of: pageIndex?.lineCount ?? 1) }
        guard !layout.isComplete, layout.lines.indices.contains(top) else {
            return min(99, (top + pageHeight) * 100 / max(1, layout.lines.count))
        }
        return Self.percent(line: topSourceLine ?? 0, of: document.lineCount)
    }

    /// Where the reader is, in words, for Ctrl-G.
    public var positionReport: String {
        if pageIndex == nil, layout.isComplete {
            let total = layout.lines.count
            let last = min(total, top + pageHeight)
            let percent = last >= total ? 100 : last * 100 / max(1, total)
            return "lines \(min(total, top + 1))–\(last) of \(total) · \(percent)%"
        }
        if positionLabel == "Bot" { return "the end of the page · 100%" }
        return "about \(positionLabel == "Top" ? 0 : percentThrough)% through the page"
    }

    static func percent(line: Int, of count: Int) -> Int {
        min(99, max(0, line) * 100 / max(1, count))
    }
}

/// The reader's one way to change: a new state and what the edge must do.
public func update(_ state: ReaderState, _ event: ReaderEvent) -> (ReaderState, [Effect]) {
    var next = state
    let effects = next.handle(event)
    return (next, effects)
}

extension ReaderState {
    /// The same state with a note in the status line (set by the edge, e.g. about the locale).
    public func withMessage(_ text: String) -> ReaderState {
        var copy = self
        copy.message = text
        return copy
    }
}
