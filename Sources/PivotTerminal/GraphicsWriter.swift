import PivotReader

/// Draws the pixels of the still pictures on screen over the cells ncurses drew for them
/// (sixel or kitty graphics). ncurses knows nothing of them, so when the pictures on screen
/// change at all (a scroll, a panel, a resize) the whole screen is repainted by ncurses first
/// and every picture still there is drawn again: no stale pixels are ever left behind.
final class GraphicsWriter {
    let graphics: TerminalGraphics
    /// Each picture's bytes, by source, for the box they were drawn at.
    private var images: [String: [UInt8]] = [:]
    /// The placements drawn now.
    private(set) var shown: [PicturePlacement] = []
    /// True when the bytes changed since they were drawn.
    private var stale = false

    /// Kitty: delete every image placement (no image id: the terminal sends no answer).
    static let deleteAll = Array("\u{1B}_Ga=d,d=A\u{1B}\\".utf8)

    init(graphics: TerminalGraphics) {
        self.graphics = graphics
    }

    /// New bytes for the pictures (drawn at a new box): they are drawn again at the next frame.
    func replace(_ newImages: [String: [UInt8]]) {
        images = newImages
        stale = true
    }

    /// The placements of `grid` that have bytes to draw.
    func placements(in grid: CellGrid) -> [PicturePlacement] {
        grid.pictures.filter { images[$0.source] != nil }
    }

    /// True when the frame changes what pixels are on screen, so ncurses must repaint it whole.
    func needsRepaint(for placements: [PicturePlacement]) -> Bool {
        (stale || placements != shown) && !(shown.isEmpty && placements.isEmpty)
    }

    /// The bytes that take the screen from what is shown to `placements` (ncurses has just
    /// repainted it when they differ).
    func bytes(for placements: [PicturePlacement]) -> [UInt8] {
        guard needsRepaint(for: placements) else { return [] }
        stale = false
        var output: [UInt8] = graphics.kind == .kitty && !shown.isEmpty ? Self.deleteAll : []
        for placement in placements {
            guard let image = images[placement.source] else { continue }
            output += Array(RawOutput.position(row: placement.row, column: placement.column).utf8) + image
        }
        shown = placements
        return output
    }
}
