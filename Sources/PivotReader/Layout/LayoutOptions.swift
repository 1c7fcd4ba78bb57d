/// How the page is laid out: the reading column's width and what the reader adds to it.
public struct LayoutOptions: Hashable, Sendable {
    /// Width of the reading column in cells, fold-marker gutter included.
    public var width: Int
    /// Fold markers in a two-cell gutter (off for plain output).
    public var showsMarkers: Bool
    public var glyphs: Glyphs
    /// The tallest animation pane that fits (frame, border and caption); taller ones shrink to their caption.
    public var paneHeightLimit: Int
    /// Colour animations as coloured half blocks (a screen) or as a brightness ramp (plain text).
    public var colorPanes: Bool

    public init(width: Int, showsMarkers: Bool = true, glyphs: Glyphs = .unicode, paneHeightLimit: Int = .max,
                colorPanes: Bool = true) {
        self.width = width
        self.showsMarkers = showsMarkers
        self.glyphs = glyphs
        self.paneHeightLimit = paneHeightLimit
        self.colorPanes = colorPanes
    }

    /// The narrowest column laid out; narrower windows are clipped rather than reflowed to nothing.
    public static let minimumWidth = 12
}
