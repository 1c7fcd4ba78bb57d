import CChafa
import PivotAnimation

/// Pixels to a text picture with chafa (its symbol matching and colour quantisation):
/// `.symbols` cells in the 240 colours the user cannot redefine.
public enum PictureCells {
    /// chafa's symbol sets.
    public enum Symbols: String, CaseIterable, Sendable {
        case blocks, ascii, braille, sextants

        var tags: ChafaSymbolTags {
            switch self {
            case .blocks: return ChafaSymbolTags(CHAFA_SYMBOL_TAG_BLOCK.rawValue | CHAFA_SYMBOL_TAG_SPACE.rawValue)
            case .ascii: return CHAFA_SYMBOL_TAG_ASCII
            case .braille: return ChafaSymbolTags(CHAFA_SYMBOL_TAG_BRAILLE.rawValue | CHAFA_SYMBOL_TAG_SPACE.rawValue)
            case .sextants:
                return ChafaSymbolTags(CHAFA_SYMBOL_TAG_SEXTANT.rawValue | CHAFA_SYMBOL_TAG_BLOCK.rawValue
                                       | CHAFA_SYMBOL_TAG_SPACE.rawValue)
            }
        }
    }

    /// The cells a picture of `width` x `height` pixels takes, at most `columns` x `rows`, with
    /// its aspect kept (a cell is about twice as tall as wide).
    public static func size(width: Int, height: Int, columns: Int, rows: Int) -> (columns: Int, rows: Int) {
        var fittedColumns = gint(columns), fittedRows = gint(rows)
        chafa_calc_canvas_geometry(gint(width), gint(height), &fittedColumns, &fittedRows, 0.5, 1, 0)
        return (max(1, Int(fittedColumns)), max(1, Int(fittedRows)))
    }

    /// One frame's lines in the `.symbols` form, from RGBA bytes.
    static func lines(rgba: UnsafePointer<UInt8>, width: Int, height: Int, columns: Int, rows: Int,
                      symbols: Symbols) throws -> [String] {
        guard let map = chafa_symbol_map_new() else { throw PictureError("chafa could not start") }
        defer { chafa_symbol_map_unref(map) }
        chafa_symbol_map_add_by_tags(map, symbols.tags)
        // One column per symbol: a wide symbol would take two the layout does not give it.
        chafa_symbol_map_remove_by_tags(map, CHAFA_SYMBOL_TAG_WIDE)
        guard let config = chafa_canvas_config_new() else { throw PictureError("chafa could not start") }
        defer { chafa_canvas_config_unref(config) }
        chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_INDEXED_240)
        chafa_canvas_config_set_geometry(config, gint(columns), gint(rows))
        chafa_canvas_config_set_symbol_map(config, map)
        chafa_canvas_config_set_bg_color(config, 0x000000)
        guard let canvas = chafa_canvas_new(config) else { throw PictureError("chafa could not draw it") }
        defer { chafa_canvas_unref(canvas) }
        chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, rgba, gint(width), gint(height), gint(width * 4))
        return (0..<rows).map { row in
            var line = ""
            line.reserveCapacity(columns * 6)
            for column in 0..<columns {
                var foreground: gint = 0, background: gint = 0
                chafa_canvas_get_raw_colors_at(canvas, gint(column), gint(row), &foreground, &background)
                let symbol = chafa_canvas_get_char_at(canvas, gint(column), gint(row))
                line.unicodeScalars.append(Unicode.Scalar(symbol).flatMap { $0.value == 0 ? nil : $0 } ?? " ")
                line += hex(paletteIndex(foreground)) + hex(paletteIndex(background))
            }
            return line
        }
    }

    /// A raw chafa colour as a palette index; transparent (-1) is the palette's black, 16.
    private static func paletteIndex(_ raw: gint) -> UInt8 {
        (16...255).contains(raw) ? UInt8(raw) : 16
    }

    private static let digits = Array("0123456789abcdef")

    private static func hex(_ value: UInt8) -> String {
        String([digits[Int(value >> 4)], digits[Int(value & 0xF)]])
    }
}
