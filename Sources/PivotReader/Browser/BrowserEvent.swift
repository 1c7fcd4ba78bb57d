import PivotDocument

/// Everything that can change the browser: the reader's own events, and the edge's answers to
/// the effects it was asked for (a page loaded, the site read, a search done, a file changed).
public enum BrowserEvent: Sendable {
    case reader(ReaderEvent)
    /// The site the pages belong to, read after the first paint (nil: none could be read).
    case siteLoaded(Site?)
    /// The page asked for; `isPartial` when it is a large page's top, the rest coming later.
    case pageLoaded(PageRequest, PreparedPage, isPartial: Bool)
    /// The page asked for could not be loaded: a one-line reason, shown in the status line.
    case pageFailed(PageRequest, String)
    /// The rest of a large page (`generation` tells which page load it belongs to).
    case restOfPage(generation: Int, PreparedPage)
    /// The end of a large page, parsed alone, for `G` while the rest is parsed.
    case endOfPage(generation: Int, PagePiece)
    /// A very large page's pieces (see `PageIndex`), read in place of parsing it whole.
    case pageIndexed(generation: Int, PageIndex)
    /// The answer to `Effect.loadPieces`.
    case piecesLoaded(generation: Int, Range<Int>, PreparedPage)
    /// The last piece of a very large page, parsed ahead for `G`.
    case endPiecesLoaded(generation: Int, Range<Int>, PreparedPage)
    /// The answer to `Effect.countMatches`: the matches in each piece.
    case matchesCounted(generation: Int, query: String, counts: [Int])
    /// The open page's file changed on disk.
    case pageChanged
    /// The answer to `Effect.searchSite`.
    case siteSearched(query: String, hits: [SiteSearchHit])
    /// The answer to `Effect.drawPictures`.
    case picturesDrawn(PictureRequest, DrawnPictures)
}
