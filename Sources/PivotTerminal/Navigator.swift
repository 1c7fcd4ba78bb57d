import PivotDocument
import PivotReader

/// Pictures as the core shows them (cells) and as the screen draws them over the cells
/// (each still picture's sixel or kitty bytes, by source).
public struct PicturesDrawn: Sendable {
    public var cells: DrawnPictures
    public var pixels: [String: [UInt8]]

    public init(cells: DrawnPictures, pixels: [String: [UInt8]] = [:]) {
        self.cells = cells
        self.pixels = pixels
    }
}

/// A very large page, read a few pieces at a time instead of whole (see `PageIndex`); each runs
/// on a thread of the loop's.
public struct PagePieces: Sendable {
    /// Reads the file once, a chunk at a time, for where its pieces are.
    public var index: @Sendable () -> PageIndex?
    /// Reads and parses the pieces `range`.
    public var load: @Sendable (PageIndex, Range<Int>) -> PreparedPage?
    /// A search's matches in each piece (each parsed and let go in turn).
    public var countMatches: @Sendable (PageIndex, String, Glyphs) -> [Int]

    public init(index: @escaping @Sendable () -> PageIndex?,
                load: @escaping @Sendable (PageIndex, Range<Int>) -> PreparedPage?,
                countMatches: @escaping @Sendable (PageIndex, String, Glyphs) -> [Int]) {
        self.index = index
        self.load = load
        self.countMatches = countMatches
    }
}

/// What the run loop asks of the program for the browser: pages, the site, a search through it.
/// The program (PivotTUI) reads files; the loop only calls these.
public struct Navigator: Sendable {
    /// The rest of a large page: parsed on another thread while the reader shows its top.
    public typealias PageRest = @Sendable () -> PreparedPage
    /// The end of a large page, parsed alone, for `G` while the rest is parsed.
    public typealias PageEnd = @Sendable () -> PagePiece?

    public enum Opening: Sendable {
        case page(PreparedPage, rest: PageRest?, end: PageEnd?, pieces: PagePieces? = nil)
        case failed(String)
    }

    /// Loads the page a request names, within the site.
    public var open: @Sendable (PageRequest, Site?) -> Opening
    /// Reads the site after the first paint; nil when the page has none.
    public var readSite: (@Sendable () -> Site?)?
    /// The hits of a search through every page of the site.
    public var searchSite: @Sendable (String, Site) -> [SiteSearchHit]
    /// The file to watch for changes while a page is open (nil: none).
    public var fileToWatch: @Sendable (String?) -> String?
    /// The pictures a request asks for, in cells and, where the style says, in real pixels;
    /// run on another thread.
    public var drawPictures: @Sendable (PictureRequest, PictureStyle) -> PicturesDrawn
    /// True when a request names a picture file there is to draw (the terminal is asked about
    /// pixels only then).
    public var hasPictureFiles: @Sendable (PictureRequest) -> Bool

    public init(open: @escaping @Sendable (PageRequest, Site?) -> Opening,
                readSite: (@Sendable () -> Site?)?,
                searchSite: @escaping @Sendable (String, Site) -> [SiteSearchHit],
                fileToWatch: @escaping @Sendable (String?) -> String?,
                drawPictures: @escaping @Sendable (PictureRequest, PictureStyle) -> PicturesDrawn,
                hasPictureFiles: @escaping @Sendable (PictureRequest) -> Bool) {
        self.open = open
        self.readSite = readSite
        self.searchSite = searchSite
        self.fileToWatch = fileToWatch
        self.drawPictures = drawPictures
        self.hasPictureFiles = hasPictureFiles
    }
}
