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
