import PivotAnimation
import PivotDocument

/// The cells a text picture may fill: the reading width less the page's indent and the
/// pane's frame (two columns each), and about a third of the window's height.
public struct PictureBox: Hashable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The box for a reading column `readingWidth` wide in a window `windowHeight` rows high.
    public init(readingWidth: Int, windowHeight: Int) {
        columns = max(1, readingWidth - 4)
        rows = max(2, windowHeight / 3)
    }
}

/// What the core asks the edge to draw: the page's images that have no frames stand-in, as
/// text pictures at most `box`; answered with `BrowserEvent.picturesDrawn`.
public struct PictureRequest: Hashable, Sendable {
    /// The page's path in the site (nil: the page the reader started with).
    public var path: String?
    /// The images' sources, as the page names them.
    public var sources: [String]
    public var box: PictureBox
    /// True when the screen shows ASCII only (no UTF-8): the pictures must be ASCII too.
    public var asciiOnly: Bool
    /// The page load the answer belongs to.
    public var generation: Int

    public init(path: String?, sources: [String], box: PictureBox, asciiOnly: Bool = false, generation: Int) {
        self.path = path
        self.sources = sources
        self.box = box
        self.asciiOnly = asciiOnly
        self.generation = generation
    }

    /// The images of `document` a picture may stand in for: those without a frames stand-in,
    /// each source once, in page order.
    public static func sources(in document: Document, besides frames: [String: Animation]) -> [String] {
        var seen = Set<String>()
        return document.images.map(\.source).filter { frames[$0] == nil && seen.insert($0).inserted }
    }
}

/// The edge's answer: the pictures it could draw, by source, and a note for each it could not.
public struct DrawnPictures: Sendable, Equatable {
    public var pictures: [String: Animation]
    public var notes: [String]

    public init(pictures: [String: Animation], notes: [String]) {
        self.pictures = pictures
        self.notes = notes
    }
}
