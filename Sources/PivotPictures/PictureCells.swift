import PivotAnimation

/// Pixels to a text picture with chafa (`pivot_picture_cells`): its symbol matching and colour
/// quantisation, into the lines of an `Animation` frame.
public enum PictureCells {
    /// chafa's symbol sets.
    public enum Symbols: String, CaseIterable, Sendable {
        case blocks, ascii, braille, sextants

        /// PIVOT_SYMBOLS_* of pivot_pictures.h.
        var code: Int32 {
            switch self {
            case .blocks: return 0
            case .ascii: return 1
            case .braille: return 2
            case .sextants: return 3
            }
        }
    }

    /// The colours cells are drawn in: 240 of the 256-colour palette (the first 16 are the
    /// user's to redefine), the 16 or 8 basic colours, or none (the symbols alone, light on dark).
    public enum Colors: Int32, Sendable {
        case none = 0
        case eight = 8
        case sixteen = 16
        case indexed240 = 240

        /// The palette indices these colours use.
        var indices: ClosedRange<Int16> {
            switch self {
            case .eight: return 0...7
            case .sixteen: return 0...15
            case .none, .indexed240: return 16...255
            }
        }
    }

    /// The cells a picture of `width` x `height` pixels fills inside `columns` x `rows`, with its
    /// aspect kept (a cell is about twice as tall as wide).
    static func size(_ library: PictureLibrary, width: Int, height: Int, columns: Int, rows: Int) -> (columns: Int, rows: Int) {
        var fittedColumns = Int32(columns), fittedRows = Int32(rows)
        library.fit(Int32(width), Int32(height), &fittedColumns, &fittedRows)
        return (Int(fittedColumns), Int(fittedRows))
    }

    /// One frame's lines from RGBA bytes: `.symbols` lines (each cell its symbol, then its
    /// foreground and background as two hex digits each), or with no colours `.text` lines.
    static func lines(_ library: PictureLibrary, rgba: UnsafePointer<UInt8>, width: Int, height: Int,
                      columns: Int, rows: Int, symbols: Symbols, colors: Colors) throws -> [String] {
        let count = columns * rows
        var glyphs = [UInt32](repeating: 0x20, count: count)
        var foreground = [Int16](repeating: -1, count: count), background = [Int16](repeating: -1, count: count)
        let status = library.cells(rgba, Int32(width), Int32(height), Int32(columns), Int32(rows), symbols.code,
                                   colors.rawValue, &glyphs, &foreground, &background)
        guard status == 0 else { throw PictureError("chafa could not draw it") }
        return (0..<rows).map { row in
            var line = ""
            line.reserveCapacity(columns * (colors == .none ? 3 : 7))
            for cell in row * columns..<(row + 1) * columns {
                // chafa draws only its symbol sets; a control code or nothing is a space.
                let scalar = Unicode.Scalar(glyphs[cell]).flatMap { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) ? nil : $0 }
                line.unicodeScalars.append(scalar ?? " ")
                if colors != .none {
                    line += hex(paletteIndex(foreground[cell], colors)) + hex(paletteIndex(background[cell], colors))
                }
            }
            return line
        }
    }

    /// A raw chafa colour as a palette index; transparent (-1) is the palette's black.
    private static func paletteIndex(_ raw: Int16, _ colors: Colors) -> UInt8 {
        UInt8(colors.indices.contains(raw) ? raw : colors.indices.lowerBound)
    }

    private static let digits = Array("0123456789abcdef")

    private static func hex(_ value: UInt8) -> String {
        String([digits[Int(value >> 4)], digits[Int(value & 0xF)]])
    }
}
