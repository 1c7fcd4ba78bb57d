/// Whether pictures are drawn in real pixels, and how: `--graphics` or `PIVOT_TUI_GRAPHICS`.
public enum GraphicsMode: String, CaseIterable, Sendable {
    /// Ask the terminal (kitty's graphics query, then DA1 for sixel); never over SSH, where a
    /// picture costs kilobytes, unless the remote reader set PIVOT_TUI_GRAPHICS itself.
    case auto
    case kitty
    case sixel
    /// Text cells only.
    case off
}

/// The pixel protocol a terminal speaks, and its cell size in pixels.
public struct TerminalGraphics: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case sixel, kitty
    }

    public var kind: Kind
    public var cellWidth: Int
    public var cellHeight: Int

    public init(kind: Kind, cellWidth: Int, cellHeight: Int) {
        self.kind = kind
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
    }
}

/// How the edge asks for pictures: the colours of the cells, and real pixels where the
/// terminal shows them.
public struct PictureStyle: Hashable, Sendable {
    /// 240, 8, or 0 (symbols alone).
    public var colors: Int
    public var graphics: TerminalGraphics?

    public init(colors: Int, graphics: TerminalGraphics?) {
        self.colors = colors
        self.graphics = graphics
    }
}
