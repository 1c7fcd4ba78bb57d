/// One terminal cell: a character and its style. A wide character's second cell holds "".
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String = " ", _ style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
}

/// Where a picture's cells are on screen: the top-left cell and the size, in cells.
public struct PicturePlacement: Hashable, Sendable {
    public var source: String
    public var row: Int
    public var column: Int
    public var columns: Int
    public var rows: Int

    public init(source: String, row: Int, column: Int, columns: Int, rows: Int) {
        self.source = source
        self.row = row
        self.column = column
        self.columns = columns
        self.rows = rows
    }
}

/// The cell texts of printable ASCII (0x20 to 0x7E), made once.
private let printableASCII: [String] = (0x20..<0x7F).map { String(Unicode.Scalar(UInt8($0))) }

/// A screen's worth of cells: what `render(state, size)` produces and the front copies out.
public struct CellGrid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Terminal hyperlinks of the external links on screen: link index (`CellStyle.link`) to
    /// the address, encoded by `Hyperlink.encoded`. The front writes them where it can.
    public var hyperlinks: [Int: String] = [:]
    /// The still pictures wholly on screen, where the front may draw real pixels over their cells.
    public var pictures: [PicturePlacement] = []

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// Whether the cell is the second half of a wide character (an empty text); read in place,
    /// without the copy of the cell that the subscript makes.
    public func isSecondHalf(row: Int, column: Int) -> Bool {
        cells[row * width + column].text.isEmpty
    }

    /// The cells of one row.
    public func row(_ row: Int) -> ArraySlice<Cell> {
        cells[(row * width)..<((row + 1) * width)]
    }

    /// Writes `text` from `column`, clipped at the right edge; returns the column after it.
    /// A wide character that would be cut in half is replaced by a space.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: CellStyle) -> Int {
        guard row >= 0, row < height else { return column }
        if let end = putPrintableASCII(text, row: row, column: column, style: style) { return end }
        var x = column
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let afterByte = utf8.index(after: index)
            let cellText: String
            let cells: Int
            if byte >= 0x20, byte < 0x7F, afterByte == utf8.endIndex || utf8[afterByte] < 0x80 {
                // Printable ASCII before ASCII (or the end) is a character of its own, one cell
                // wide: most of any page, without grapheme breaking.
                cellText = printableASCII[Int(byte - 0x20)]
                cells = 1
                index = afterByte
            } else if let lone = loneScalar(in: text, at: index) {
                // A scalar that is a character of its own (LoneScalar): no grapheme breaking.
                cellText = String(lone.scalar)
                cells = CellWidth.of(lone.scalar)
                index = lone.end
            } else {
                let end = text.index(after: index)
                let character = text[index]
                cellText = String(character)
                cells = CellWidth.of(character)
                index = end
            }
            if cells == 0 { continue }
            if x < 0 { x += cells; continue }
            if x + cells > width {
                if x < width { self[row, x] = Cell(" ", style) }
                return width
            }
            self[row, x] = Cell(cellText, style)
            if cells == 2 { self[row, x + 1] = Cell("", style) }
            x += cells
        }
        return x
    }

    /// `put` for the commonest text, printable ASCII alone: a cell a byte, written in place
    /// (through the subscript, every cell paid for a check that the storage is not shared).
    /// Nil when the text holds anything else.
    private mutating func putPrintableASCII(_ text: String, row: Int, column: Int, style: CellStyle) -> Int? {
        let width = self.width
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard !bytes.isEmpty else { return column }
            guard !bytes.contains(where: { $0 < 0x20 || $0 > 0x7E }) else { return nil }
            let end = column + bytes.count
            let first = max(column, 0), last = min(end, width)  // the columns written: first..<last
            if first < last {
                cells.withUnsafeMutableBufferPointer { cells in
                    for x in first..<last {
                        cells[row * width + x] = Cell(printableASCII[Int(bytes[x - column] - 0x20)], style)
                    }
                }
            }
            return min(end, width)
        } ?? nil
    }

    /// The scalar at `index` and the index after it, when that scalar is a whole character.
    private func loneScalar(in text: String, at index: String.Index) -> (scalar: Unicode.Scalar, end: String.Index)? {
        let scalars = text.unicodeScalars
        let scalar = scalars[index]
        let end = scalars.index(after: index)
        guard LoneScalar.isCharacter(scalar, before: end == scalars.endIndex ? nil : scalars[end]) else { return nil }
        return (scalar, end)
    }

    /// Whether row `row` holds the same cells as row `otherRow` of `other` (of the same width).
    /// A loop over the buffers, which the compiler specializes for `Cell`: `ArraySlice`'s
    /// generic `==` copies every cell through value witnesses, and the terminal front compares
    /// every row of every frame.
    public func row(_ row: Int, isTheSameAs otherRow: Int, of other: CellGrid) -> Bool {
        guard width == other.width, (0..<height).contains(row), (0..<other.height).contains(otherRow) else { return false }
        return cells.withUnsafeBufferPointer { mine in
            other.cells.withUnsafeBufferPointer { theirs in
                let start = row * width, otherStart = otherRow * width
                for column in 0..<width where mine[start + column] != theirs[otherStart + column] { return false }
                return true
            }
        }
    }

    /// Applies `change` to the styles of a row's cells in `columns`.
    public mutating func restyle(row: Int, columns: Range<Int>, _ change: (inout CellStyle) -> Void) {
        guard row >= 0, row < height else { return }
        for column in columns.clamped(to: 0..<width) {
            change(&cells[row * width + column].style)
        }
    }

    /// The row as text, wide characters once, trailing spaces kept.
    public func text(ofRow row: Int) -> String {
        var line = ""
        for cell in self.row(row) { line += cell.text }
        return line
    }

    /// The whole grid as lines of text, trailing spaces removed: what snapshot tests compare.
    public var textLines: [String] {
        (0..<height).map { row in
            var line = text(ofRow: row)
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
