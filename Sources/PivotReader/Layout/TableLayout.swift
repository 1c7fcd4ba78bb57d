import PivotDocument

/// Lays a table out to fit the width: columns shrink (their cells wrap) until the table fits;
/// a table that cannot fit even then is shown row by row as "header: value" lines.
struct TableLayout {
    struct Cell {
        var column: Int
        var text: String
        var style: CellStyle
    }

    let table: Table
    let glyphs: Glyphs
    let width: Int
    let links: [Link]
    var linkNumberOffset = 0

    static let minimumColumnWidth = 3

    mutating func rows() -> [[Cell]] {
        let columnCount = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columnCount > 0 else { return [] }
        let separatorWidth = CellWidth.of(" \(glyphs.columnSeparator) ")
        let available = width - separatorWidth * (columnCount - 1)
        guard available >= columnCount * Self.minimumColumnWidth else { return stacked(columnCount: columnCount) }

        let allRows = [table.header] + table.rows
        var natural = [Int](repeating: 1, count: columnCount)
        for row in allRows {
            for (index, cell) in row.enumerated() { natural[index] = max(natural[index], CellWidth.of(cell.plainText)) }
        }
        let widths = Self.fit(natural, into: available)
        var output: [[Cell]] = []
        if !table.header.isEmpty {
            output += lines(of: table.header, widths: widths, base: CellStyle(.heading, .bold))
            var separator: [Cell] = []
            var x = 0
            for (index, columnWidth) in widths.enumerated() {
                let joint = index + 1 < widths.count ? glyphs.rowSeparator + glyphs.crossing + glyphs.rowSeparator : ""
                separator.append(Cell(column: x, text: String(repeating: glyphs.rowSeparator, count: columnWidth) + joint,
                                      style: CellStyle(.rule)))
                x += columnWidth + separatorWidth
            }
            output.append(separator)
        }
        for row in table.rows { output += lines(of: row, widths: widths, base: CellStyle()) }
        return output
    }

    /// Column widths that add up to at most `available`: narrow columns keep their width,
    /// wide ones share what is left.
    static func fit(_ natural: [Int], into available: Int) -> [Int] {
        guard natural.reduce(0, +) > available else { return natural }
        var widths = natural
        var remaining = available
        var open = Array(natural.indices)
        while !open.isEmpty {
            let share = max(minimumColumnWidth, remaining / open.count)
            let narrow = open.filter { natural[$0] <= share }
            if narrow.isEmpty {
                for (position, index) in open.enumerated() {
                    widths[index] = max(minimumColumnWidth, remaining / open.count + (position < remaining % open.count ? 1 : 0))
                }
                break
            }
            for index in narrow { widths[index] = natural[index]; remaining -= natural[index] }
            open.removeAll { narrow.contains($0) }
        }
        return widths
    }

    private func lines(of row: [Inlines], widths: [Int], base: CellStyle) -> [[Cell]] {
        let separatorWidth = CellWidth.of(" \(glyphs.columnSeparator) ")
        var wrapped: [[TextWrapper.Line]] = []
        for (index, columnWidth) in widths.enumerated() {
            let spans = index < row.count ? row[index] : []
            let pieces = InlineStyling.pieces(spans, base: base, links: links, glyphs: glyphs, numberOffset: linkNumberOffset)
            wrapped.append(TextWrapper.wrap(pieces, width: columnWidth))
        }
        let height = wrapped.map(\.count).max() ?? 1
        var output: [[Cell]] = []
        for lineIndex in 0..<height {
            var cells: [Cell] = []
            var x = 0
            for (index, columnWidth) in widths.enumerated() {
                if lineIndex < wrapped[index].count {
                    let line = wrapped[index][lineIndex]
                    let used = line.runs.reduce(0) { $0 + CellWidth.of($1.text) }
                    var cx = x + alignmentOffset(index, used: used, width: columnWidth)
                    for run in line.runs {
                        cells.append(Cell(column: cx, text: run.text, style: run.style))
                        cx += CellWidth.of(run.text)
                    }
                }
                if index + 1 < widths.count {
                    cells.append(Cell(column: x + columnWidth, text: " \(glyphs.columnSeparator) ", style: CellStyle(.rule)))
                }
                x += columnWidth + separatorWidth
            }
            output.append(cells)
        }
        return output
    }

    private func alignmentOffset(_ column: Int, used: Int, width: Int) -> Int {
        guard column < table.alignments.count else { return 0 }
        switch table.alignments[column] {
        case .right: return max(0, width - used)
        case .center: return max(0, (width - used) / 2)
        default: return 0
        }
    }

    /// Rows as "header: value" lines, for tables too wide for any column layout.
    private func stacked(columnCount: Int) -> [[Cell]] {
        var output: [[Cell]] = []
        for (rowIndex, row) in table.rows.enumerated() {
            if rowIndex > 0 {
                output.append([Cell(column: 0, text: String(repeating: glyphs.rowSeparator, count: max(1, min(width, 8))),
                                    style: CellStyle(.rule))])
            }
            for (index, cell) in row.enumerated() {
                let header = index < table.header.count ? table.header[index].plainText : "\(index + 1)"
                let pieces = [TextWrapper.Piece(text: header + ": ", style: CellStyle(.heading, .bold))]
                    + InlineStyling.pieces(cell, base: CellStyle(), links: links, glyphs: glyphs, numberOffset: linkNumberOffset)
                for line in TextWrapper.wrap(pieces, width: width) {
                    var x = 0
                    var cells: [Cell] = []
                    for run in line.runs {
                        cells.append(Cell(column: x, text: run.text, style: run.style))
                        x += CellWidth.of(run.text)
                    }
                    output.append(cells)
                }
            }
        }
        return output
    }
}
