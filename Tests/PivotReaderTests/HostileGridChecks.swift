import PivotDocument
import PivotTestSupport
import XCTest
@testable import PivotReader

/// Checks shared by the hardening tests of the core: what a rendered grid and a layout must
/// always be, whatever the page and the window.
enum GridChecks {
    /// Problems with `grid` as the render of `state`: wrong size, a wide character split or
    /// clipped wrongly, a cell holding several characters or none that draws, a control.
    static func problems(_ grid: CellGrid, for state: ReaderState) -> [String] {
        var found: [String] = []
        if grid.width != state.windowSize.width || grid.height != state.windowSize.height {
            found.append("grid is \(grid.width)x\(grid.height), window is \(state.windowSize.width)x\(state.windowSize.height)")
        }
        found += problems(grid)
        return found
    }

    static func problems(_ grid: CellGrid) -> [String] {
        var found: [String] = []
        if grid.cells.count != grid.width * grid.height { found.append("cells: \(grid.cells.count)") }
        for row in 0..<grid.height {
            for column in 0..<grid.width {
                let text = grid[row, column].text
                // Printable ASCII, most cells: nothing to check.
                if text.utf8.count == 1, let byte = text.utf8.first, byte >= 0x20, byte < 0x7F { continue }
                let place = "row \(row) column \(column)"
                if text.isEmpty {
                    // The second half of a wide character, and nothing else.
                    if column == 0 || CellWidth.of(grid[row, column - 1].text) != 2 {
                        found.append("\(place): empty cell not after a wide character")
                    }
                    continue
                }
                if text.count != 1 { found.append("\(place): \(text.count) characters in one cell: \(text.debugDescription)") }
                let width = CellWidth.of(text)
                if width == 0 { found.append("\(place): zero-width text \(text.debugDescription) alone in a cell") }
                if width == 2 && (column + 1 >= grid.width || !grid[row, column + 1].text.isEmpty) {
                    found.append("\(place): wide \(text.debugDescription) without its second cell")
                }
                let bad = HostileCorpus.forbiddenScalars(in: text)
                if !bad.isEmpty { found.append("\(place): control \(bad) in \(text.debugDescription)") }
            }
        }
        return found
    }

    /// Every run of every line inside the reading column, and free of controls.
    static func layoutProblems(_ layout: Layout) -> [String] {
        var found: [String] = []
        for (index, line) in layout.lines.enumerated() {
            for run in line.runs {
                let end = run.column + CellWidth.of(run.text)
                if run.column < 0 || end > layout.options.width {
                    found.append("line \(index): run at \(run.column)..<\(end) outside the \(layout.options.width)-column "
                                 + "reading column: \(run.text.prefix(40).debugDescription)")
                }
                let bad = HostileCorpus.forbiddenScalars(in: run.text)
                if !bad.isEmpty { found.append("line \(index): control \(bad) in \(run.text.debugDescription)") }
            }
        }
        return found
    }

    /// Fails the test with the first few problems, naming the situation.
    static func assertClean(_ grid: CellGrid, _ state: ReaderState, _ situation: @autoclosure () -> String,
                            file: StaticString = #filePath, line: UInt = #line) {
        let found = problems(grid, for: state)
        if !found.isEmpty {
            XCTFail("\(situation()): \(found.count) problems, first: \(found.prefix(5).joined(separator: "; "))\n"
                    + grid.textLines.joined(separator: "\n"), file: file, line: line)
        }
    }
}
