/// A key as the reader understands it; the terminal front decodes bytes into these.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// A control chord, by its lowercase letter (`.control("c")` for Ctrl-C).
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace
}

public enum MouseAction: Hashable, Sendable {
    case wheelUp, wheelDown, click
}

/// Everything that can change the reader: keys, the mouse, and a new window size.
public enum ReaderEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseAction, row: Int, column: Int)
    case resize(Size)
    /// The time now, in milliseconds of a monotonic clock: sent before keys and when a frame is due.
    case tick(Int)
}

/// What `update` asks the edge to do.
public enum Effect: Hashable, Sendable {
    case quit
    /// Load a page of the site and answer with `BrowserEvent.pageLoaded` or `.pageFailed`.
    case open(PageRequest)
    /// Search the text of every page of the site; answer with `BrowserEvent.siteSearched`.
    case searchSite(String)
    /// Read the site the page belongs to (first needed by a link, the links panel or the index);
    /// answer with `BrowserEvent.siteLoaded`.
    case readSite
    /// Draw the page's pictures; answer with `BrowserEvent.picturesDrawn`.
    case drawPictures(PictureRequest)
    /// Parse these pieces of a very large page (see `PageIndex`); answer with
    /// `BrowserEvent.piecesLoaded`.
    case loadPieces(Range<Int>)
    /// Count a search's matches in each piece of a very large page; answer with
    /// `BrowserEvent.matchesCounted`.
    case countMatches(String)
}

public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
