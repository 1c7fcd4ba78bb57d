import PivotAnimation

/// Turns a GIF into text frames: each cell averages the block of pixels under it, with the
/// cell's aspect (about twice as tall as wide) corrected.
public enum GIFConverter {
    public enum Charset: String, CaseIterable, Sendable {
        /// A luminance ramp of ASCII characters: works everywhere.
        case ascii
        /// Upper-half blocks, a 256-colour foreground for the top pixel and background for the bottom.
        case blocks
    }

    /// Dark to bright, for light text on a dark terminal.
    static let ramp = Array(" .:-=+*#%@")
    public static let defaultWidth = 48

    public static func animation(fromGIF bytes: [UInt8], width: Int?, height: Int?, charset: Charset) throws -> Animation {
        var frames: [Animation.Frame] = []
        var size: (columns: Int, rows: Int)?
        try GIFDecoder.decode(bytes) { frame, canvasWidth, canvasHeight in
            let grid = size ?? cellSize(canvasWidth: canvasWidth, canvasHeight: canvasHeight, width: width, height: height,
                                        charset: charset)
            size = grid
            let sampler = Sampler(pixels: frame.pixels, width: canvasWidth, height: canvasHeight)
            switch charset {
            case .ascii:
                frames.append(Animation.Frame(lines: asciiLines(sampler, columns: grid.columns, rows: grid.rows),
                                              delay: frame.delay))
            case .blocks:
                frames.append(Animation.Frame(lines: blockLines(sampler, columns: grid.columns, rows: grid.rows),
                                              delay: frame.delay))
            }
        }
        guard let size else { throw GIFDecoder.Failure(description: "the GIF has no frames") }
        let clamped = frames.map { frame -> Animation.Frame in
            var frame = frame
            frame.delay = min(max(frame.delay, FramesParser.delayRange.lowerBound), FramesParser.delayRange.upperBound)
            return frame
        }
        return Animation(width: size.columns, height: size.rows, frames: clamped, loopCount: 0,
                         charset: charset == .blocks ? .blocks : .text)
    }

    /// Columns and rows for the canvas: `width` columns by default, rows from the aspect
    /// (a cell is about twice as tall as wide, so rows are halved), fitted under `height` if given.
    static func cellSize(canvasWidth: Int, canvasHeight: Int, width: Int?, height: Int?, charset: Charset) -> (columns: Int, rows: Int) {
        var columns = Double(width ?? defaultWidth)
        var rows = columns * Double(canvasHeight) / Double(canvasWidth) / 2
        // Fit under the rows asked for, and under the format's own limits, keeping the aspect.
        let rowLimit = Double(min(height ?? Int.max, FramesParser.heightRange.upperBound))
        if rows > rowLimit {
            rows = rowLimit
            columns = rows * 2 * Double(canvasWidth) / Double(canvasHeight)
        }
        let columnLimit = Double(FramesParser.widthRange.upperBound)
        if columns > columnLimit {
            columns = columnLimit
            rows = columns * Double(canvasHeight) / Double(canvasWidth) / 2
        }
        let maxColumns = FramesParser.widthRange.upperBound
        let maxRows = FramesParser.heightRange.upperBound
        return (min(maxColumns, max(1, Int(columns.rounded()))), min(maxRows, max(1, Int(rows.rounded()))))
    }

    static func asciiLines(_ sampler: Sampler, columns: Int, rows: Int) -> [String] {
        (0..<rows).map { row in
            String((0..<columns).map { column in
                let luminance = sampler.average(column: column, of: columns, row: row, of: rows).luminance
                return ramp[min(ramp.count - 1, Int(luminance * Double(ramp.count)))]
            })
        }
    }

    /// Four hex digits a cell: the 256-colour index of the top half, then of the bottom half.
    static func blockLines(_ sampler: Sampler, columns: Int, rows: Int) -> [String] {
        (0..<rows).map { row in
            var line = ""
            for column in 0..<columns {
                let top = sampler.average(column: column, of: columns, row: row * 2, of: rows * 2)
                let bottom = sampler.average(column: column, of: columns, row: row * 2 + 1, of: rows * 2)
                line += hex(Palette.nearest(red: top.red, green: top.green, blue: top.blue))
                    + hex(Palette.nearest(red: bottom.red, green: bottom.green, blue: bottom.blue))
            }
            return line
        }
    }

    private static func hex(_ value: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(value >> 4)], digits[Int(value & 0xF)]])
    }
}

/// Averages the canvas pixels under one cell (transparent pixels count as black).
struct Sampler {
    let pixels: [UInt32]
    let width: Int
    let height: Int

    struct Color {
        var red: Double, green: Double, blue: Double
        /// Rec. 601 weights, as jp2a uses.
        var luminance: Double { (0.2989 * red + 0.5866 * green + 0.1145 * blue) / 255 }
    }

    func average(column: Int, of columns: Int, row: Int, of rows: Int) -> Color {
        let x0 = column * width / columns, x1 = max(x0 + 1, (column + 1) * width / columns)
        let y0 = row * height / rows, y1 = max(y0 + 1, (row + 1) * height / rows)
        var red = 0.0, green = 0.0, blue = 0.0
        var count = 0.0
        for y in y0..<min(y1, height) {
            for x in x0..<min(x1, width) {
                let pixel = pixels[y * width + x]
                if pixel & 0xFF != 0 {
                    red += Double(pixel >> 24 & 0xFF)
                    green += Double(pixel >> 16 & 0xFF)
                    blue += Double(pixel >> 8 & 0xFF)
                }
                count += 1
            }
        }
        guard count > 0 else { return Color(red: 0, green: 0, blue: 0) }
        return Color(red: red / count, green: green / count, blue: blue / count)
    }
}
