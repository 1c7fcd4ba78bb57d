/// The lines around a page or a list: the header with a title, and the status line.
enum Chrome {
    static func header(_ grid: inout CellGrid, title: String, glyphs: Glyphs) {
        let style = CellStyle(.header, .bold)
        grid.restyle(row: 0, columns: 0..<grid.width) { $0 = style }
        let right = " pivot-tui "
        let room = grid.width - CellWidth.of(right) - 2
        grid.put(" " + fitted(title, room: room, glyphs: glyphs), row: 0, column: 0, style: style)
        if room > 0 { grid.put(right, row: 0, column: grid.width - CellWidth.of(right), style: CellStyle(.header)) }
    }

    static func status(_ grid: inout CellGrid, left: String, leftStyle: CellStyle, right: String, glyphs: Glyphs) {
        let row = grid.height - 1
        let style = CellStyle(.status)
        grid.put(String(repeating: " ", count: grid.width), row: row, column: 0, style: style)
        let room = grid.width - CellWidth.of(right) - 1
        grid.put(" " + fitted(left, room: room, glyphs: glyphs), row: row, column: 0, style: leftStyle)
        grid.put(right, row: row, column: max(0, grid.width - CellWidth.of(right)), style: style)
    }

    /// `text` cut with an ellipsis to fit `room` cells.
    static func fitted(_ text: String, room: Int, glyphs: Glyphs) -> String {
        CellWidth.of(text) > room ? CellWidth.prefix(of: text, fitting: max(0, room - 1)) + glyphs.ellipsis : text
    }

    /// Lines of a panel or list from row 1, the selected one highlighted.
    static func panel(_ lines: [Panels.Line], scroll: Int, selection: Int?, left: Int, height: Int,
                      into grid: inout CellGrid) {
        for row in 0..<height {
            let index = scroll + row
            guard index >= 0, index < lines.count else { break }
            var column = left
            for piece in lines[index] {
                column = grid.put(piece.text, row: row + 1, column: column, style: piece.style)
            }
            if index == selection {
                grid.restyle(row: row + 1, columns: max(0, left - 1)..<max(column, left + 1)) {
                    $0.attributes.insert(.highlight)
                }
            }
        }
    }
}
