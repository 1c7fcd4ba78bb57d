/// A place in the document that survives folding and reflow: a block's reading order and a
/// character offset inside it (-1 for the blank line before the block).
public struct Anchor: Comparable, Hashable, Sendable {
    public var order: Int
    public var offset: Int

    public init(order: Int, offset: Int) {
        self.order = order
        self.offset = offset
    }

    public static func < (lhs: Anchor, rhs: Anchor) -> Bool {
        (lhs.order, lhs.offset) < (rhs.order, rhs.offset)
    }
}

/// Styled text placed at a column of a line.
public struct Run: Hashable, Sendable {
    public var column: Int
    public var text: String
    public var style: CellStyle

    public init(column: Int, text: String, style: CellStyle) {
        self.column = column
        self.text = text
        self.style = style
    }
}

/// Where an animation frame's row is drawn: the image, the frame row, and the column.
public struct PaneSlot: Hashable, Sendable {
    public var source: String
    public var row: Int
    public var column: Int
}

/// One line of the laid-out page, in reading-column coordinates.
public struct LayoutLine: Sendable {
    public var runs: [Run]
    /// The innermost section the line belongs to.
    public var section: Int?
    /// The section whose fold marker is drawn on this line, and where.
    public var marker: Int?
    public var markerColumn: Int
    public var anchor: Anchor
    /// Set on the rows of an animation pane: the render draws the current frame there.
    public var pane: PaneSlot?

    public init(runs: [Run] = [], section: Int? = nil, marker: Int? = nil, markerColumn: Int = 0, anchor: Anchor) {
        self.runs = runs
        self.section = section
        self.marker = marker
        self.markerColumn = markerColumn
        self.anchor = anchor
    }

    public var isBlank: Bool { runs.isEmpty }

    /// The line's characters at their columns, as one string (for search and plain output).
    public var text: String {
        var result = ""
        var column = 0
        for run in runs {
            if run.column > column { result += String(repeating: " ", count: run.column - column); column = run.column }
            result += run.text
            column += CellWidth.of(run.text)
        }
        return result
    }
}
