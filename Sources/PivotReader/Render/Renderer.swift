import PivotAnimation
import PivotDocument

/// Draws the reader into a grid of cells the size of the window: a header with the page's
/// title, the page (or a panel), and a status line.
public func render(_ state: ReaderState) -> CellGrid {
    Renderer(state: state).grid()
}

struct Renderer {
    let state: ReaderState

    /// Below this the layout is not drawn; a note says the window is too small.
    static let minimumSize = Size(width: 20, height: 3)

    func grid() -> CellGrid {
        var grid = CellGrid(width: state.windowSize.width, height: state.windowSize.height)
        guard grid.width >= Self.minimumSize.width, grid.height >= Self.minimumSize.height else {
            for row in 0..<grid.height {
                grid.put(row == 0 ? "window too small" : "", row: row, column: 0, style: CellStyle(.warning))
            }
            return grid
        }
        header(&grid)
        switch state.overlay {
        case nil: page(&grid)
        case .help(let scroll)?: panel(Panels.helpLines, scroll: scroll, selection: nil, into: &grid)
        case .info(let scroll)?: panel(Panels.infoLines(for: state.document, place: state.placeInfo), scroll: scroll, selection: nil, into: &grid)
        case .outline(let selection, let scroll)?:
            panel(Panels.outlineLines(for: state.document, folds: state.folds, glyphs: state.settings.glyphs),
                  scroll: scroll, selection: selection, into: &grid)
        }
        status(&grid)
        return grid
    }

    private func header(_ grid: inout CellGrid) {
        Chrome.header(&grid, title: state.document.title ?? "untitled page", glyphs: state.settings.glyphs)
    }

    private func page(_ grid: inout CellGrid) {
        let layout = state.layout
        let left = state.leftMargin
        for row in 0..<state.pageHeight {
            let index = state.top + row
            guard index < layout.lines.count else { break }
            let line = layout.lines[index]
            var end = left
            for run in line.runs {
                end = max(end, grid.put(run.text, row: row + 1, column: left + run.column, style: run.style))
            }
            if let slot = line.pane, let animation = state.standIns[slot.source] {
                let runs = PaneDrawing.runs(animation, frame: state.frameIndex(of: animation), row: slot.row,
                                            column: left + slot.column, color: true)
                for run in runs { grid.put(run.text, row: row + 1, column: run.column, style: run.style) }
                // A still picture the edge drew, its top row here and its bottom on the page too.
                if slot.row == 0, animation.frames.count == 1, state.drawnPictureSources.contains(slot.source),
                   row + animation.height <= state.pageHeight {
                    grid.pictures.append(PicturePlacement(source: slot.source, row: row + 1, column: left + slot.column,
                                                          columns: animation.width, rows: animation.height))
                }
            }
            if let focus = state.focus, line.marker == focus {
                grid.restyle(row: row + 1, columns: (left + line.markerColumn)..<max(end, left + line.markerColumn + 1)) {
                    $0.attributes.insert(.highlight)
                }
            }
            if let query = state.search { highlight(query, in: line, row: row + 1, left: left, grid: &grid) }
        }
    }

    /// Marks where the search query shows on a line.
    private func highlight(_ query: String, in line: LayoutLine, row: Int, left: Int, grid: inout CellGrid) {
        var characters: [(character: Character, column: Int)] = []
        for run in line.runs {
            var column = run.column
            for character in run.text {
                characters.append((character, column))
                column += CellWidth.of(character)
            }
        }
        let ignoresCase = SearchIndex.ignoresCase(query)
        let needle = Array(ignoresCase ? query.lowercased() : query)
        let hay = characters.map { ignoresCase ? Character($0.character.lowercased()) : $0.character }
        guard !needle.isEmpty, hay.count >= needle.count else { return }
        var start = 0
        while start + needle.count <= hay.count {
            if hay[start] == needle[0], Array(hay[start..<(start + needle.count)]) == needle {
                let from = left + characters[start].column
                let last = characters[start + needle.count - 1]
                let to = left + last.column + CellWidth.of(last.character)
                grid.restyle(row: row, columns: from..<to) { $0.role = .match }
                start += needle.count
            } else {
                start += 1
            }
        }
    }

    private func panel(_ lines: [Panels.Line], scroll: Int, selection: Int?, into grid: inout CellGrid) {
        Chrome.panel(lines, scroll: scroll, selection: selection, left: state.leftMargin + 2, height: state.pageHeight,
                     into: &grid)
    }

    private func status(_ grid: inout CellGrid) {
        let style = CellStyle(.status)
        let right: String
        switch state.overlay {
        case .help?: right = " q: close "
        case .info?: right = " q: close "
        case .outline?: right = " Enter: jump  q: close "
        case nil:
            let position = state.positionLabel
            right = position.isEmpty ? " ?: help " : " \(position)  ?: help "
        }
        let left: String
        let leftStyle: CellStyle
        if let prompt = state.prompt {
            left = "/" + prompt
            leftStyle = CellStyle(.status, .bold)
        } else if let message = state.message {
            left = message
            leftStyle = CellStyle(.warning, .bold)
        } else if state.showsPosition {
            left = state.positionReport
            leftStyle = CellStyle(.status, .bold)
        } else if state.overlay != nil {
            left = state.overlay == .help(scroll: state.overlayScroll) ? "Help" :
                (state.overlay == .info(scroll: state.overlayScroll) ? "Page info" : "Outline")
            leftStyle = CellStyle(.status, .bold)
        } else if let title = state.focusTitle {
            left = title
            leftStyle = style
        } else {
            // Scrolling must not rewrite this line: without a focus it holds a fixed hint.
            left = state.document.sections.isEmpty ? "" : "Tab: sections"
            leftStyle = CellStyle(.muted)
        }
        Chrome.status(&grid, left: left, leftStyle: leftStyle, right: right, glyphs: state.settings.glyphs)
    }
}
