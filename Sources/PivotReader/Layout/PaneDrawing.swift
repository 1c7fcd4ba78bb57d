import PivotAnimation

/// The runs that draw one row of an animation frame.
public enum PaneDrawing {
    /// Dark to bright, the same ramp `pivot-tui frames --charset ascii` uses.
    public static let ramp = Array(" .:-=+*#%@")

    static func runs(_ animation: Animation, frame: Int, row: Int, column: Int, color: Bool) -> [Run] {
        let current = animation.frames[frame]
        switch animation.charset {
        case .text:
            return [Run(column: column, text: current.lines[row], style: CellStyle(role(for: current.color)))]
        case .blocks:
            let cells = animation.blockColors(frame: frame, row: row)
            if color {
                // Upper half block: foreground paints the top pixel, background the bottom one.
                return cells.enumerated().map { index, cell in
                    Run(column: column + index, text: "▀",
                        style: CellStyle(.text, palette: PaletteColors(foreground: cell.top, background: cell.bottom)))
                }
            }
            let text = String(cells.map { ramp[rampIndex(top: $0.top, bottom: $0.bottom)] })
            return [Run(column: column, text: text, style: CellStyle())]
        case .symbols:
            let cells = animation.symbolCells(frame: frame, row: row)
            if color {
                return cells.enumerated().map { index, cell in
                    Run(column: column + index, text: String(cell.symbol),
                        style: CellStyle(.text, palette: PaletteColors(foreground: cell.foreground, background: cell.background)))
                }
            }
            // Without colours the symbols alone say little: the cell's brightness, its two colours
            // weighed by how much of the cell the symbol covers.
            let text = String(cells.map { cell -> Character in
                let covered = coverage(cell.symbol)
                let brightness = Palette.luminance(cell.foreground) * covered + Palette.luminance(cell.background) * (1 - covered)
                return ramp[min(ramp.count - 1, Int(brightness * Double(ramp.count)))]
            })
            return [Run(column: column, text: text, style: CellStyle())]
        }
    }

    /// How much of a cell a symbol paints in its foreground colour: exact for block elements
    /// (eighths, halves, quadrants), a half for any other symbol.
    static func coverage(_ symbol: Character) -> Double {
        guard let value = symbol.unicodeScalars.first?.value else { return 0 }
        switch value {
        case 0x20: return 0
        case 0x2588: return 1
        case 0x2581...0x2587: return Double(value - 0x2580) / 8      // lower eighths
        case 0x2589...0x258F: return Double(0x2590 - value) / 8      // left eighths
        case 0x2594, 0x2595: return 1.0 / 8                          // upper and right eighth
        case 0x2596...0x2598, 0x259D: return 0.25                    // one quadrant
        case 0x2599, 0x259B, 0x259C, 0x259F: return 0.75             // three quadrants
        default: return 0.5
        }
    }

    /// Where the average brightness of two palette colours falls on the ramp.
    public static func rampIndex(top: UInt8, bottom: UInt8) -> Int {
        let average = (Palette.luminance(top) + Palette.luminance(bottom)) / 2
        return min(ramp.count - 1, Int(average * Double(ramp.count)))
    }

    static func role(for color: Animation.Color) -> ColorRole {
        switch color {
        case .default: return .text
        case .red: return .red
        case .green: return .green
        case .yellow: return .yellow
        case .blue: return .blue
        case .magenta: return .magenta
        case .cyan: return .cyan
        case .white: return .white
        }
    }
}
