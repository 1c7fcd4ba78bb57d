import PivotReader

/// What the screen-reader mode writes after each change: the page as lines that only ever
/// follow each other, with no cursor addressing. Scrolling on adds the lines that came into
/// view; any other change (a fold, a panel, a jump back) writes the view again; a new page
/// starts with its title. The status line is a prompt on the last line, like less's, erased
/// (carriage return, erase to end of line) before the next lines.
struct LinearTranscript {
    private var rows: [String] = []
    private var top: Int?
    private var generation: Int?
    private var focused: String?
    private var prompt = ""

    /// The bytes that bring the terminal from what was written to `grid`; empty when nothing changed.
    /// `top` is the page's first line in view (nil on a panel or the site index).
    mutating func update(to grid: CellGrid, top newTop: Int?, generation newGeneration: Int) -> String {
        guard grid.height >= 3 else { return "" }
        let header = Self.text(of: grid, row: 0)
        let view = (1..<(grid.height - 1)).map { Self.text(of: grid, row: $0) }
        let status = Self.text(of: grid, row: grid.height - 1)
        let focus = (1..<(grid.height - 1)).first { Self.isHighlighted(grid, row: $0) }.map { view[$0 - 1] }
        var lines: [String] = []
        if newGeneration != generation {
            lines = [header] + Self.withoutTrailingBlanks(view)
        } else if view != rows {
            let scrolled = newTop.flatMap { new in top.map { new - $0 } } ?? 0
            if scrolled > 0, scrolled < view.count, Array(rows.dropFirst(scrolled)) == Array(view.dropLast(scrolled)) {
                lines = Array(view.suffix(scrolled))
            } else {
                lines = Self.withoutTrailingBlanks(view)
            }
        } else if focus != focused, let focus {
            // The focus moved within the view (Tab): say which line has it.
            lines = [focus]
        }
        defer {
            rows = view
            top = newTop
            generation = newGeneration
            focused = focus
            prompt = status
        }
        if lines.isEmpty && status == prompt { return "" }
        let erase = prompt.isEmpty ? "" : "\r\u{1B}[K"
        return erase + lines.map { $0 + "\n" }.joined() + status
    }

    private static func text(of grid: CellGrid, row: Int) -> String {
        var text = ""
        for column in 0..<grid.width { text += grid[row, column].text }
        while text.last == " " { text.removeLast() }
        return text
    }

    private static func isHighlighted(_ grid: CellGrid, row: Int) -> Bool {
        (0..<grid.width).contains { grid[row, $0].style.attributes.contains(.highlight) }
    }

    private static func withoutTrailingBlanks(_ lines: [String]) -> [String] {
        var lines = lines
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
