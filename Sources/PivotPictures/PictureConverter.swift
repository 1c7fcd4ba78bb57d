import PivotAnimation
import PivotGIF

/// A picture file as a text picture drawn by chafa: PNG, JPEG and WebP as one still frame, a
/// GIF as its frames (decoded by giflib, composed by PivotGIF).
public enum PictureConverter {
    /// PNG, JPEG and WebP files larger than this are not read.
    public static let byteLimit = 16 * 1_048_576
    /// GIF files larger than this are not read (their frames make them larger).
    public static let gifByteLimit = 64 * 1_048_576
    /// Pictures of more pixels are refused before their pixels are allocated (a PNG of
    /// 30000x30000 is a few kilobytes of file and 3.6 GB of pixels): the GIF canvas limit.
    public static let pixelLimit = GIFDecoder.maximumSide * GIFDecoder.maximumSide
    /// The largest text picture in a page: most of an 80-column reading width, and about a third
    /// of a 36-row window.
    public static let maxColumns = 60
    public static let maxRows = 12

    /// The picture in at most `columns` x `rows` cells, its aspect kept.
    public static func animation(from bytes: [UInt8], columns: Int = maxColumns, rows: Int = maxRows,
                                 symbols: PictureCells.Symbols = .blocks,
                                 colors: PictureCells.Colors = .indexed240) throws -> Animation {
        try picture(from: bytes, columns: columns, rows: rows, symbols: symbols, colors: colors).cells
    }

    /// The picture in cells and, for a still picture when `graphics` is given, as real pixels
    /// over the same cells (nil when the picture is animated or too many bytes).
    public static func picture(from bytes: [UInt8], columns: Int = maxColumns, rows: Int = maxRows,
                               symbols: PictureCells.Symbols = .blocks, colors: PictureCells.Colors = .indexed240,
                               graphics: PictureGraphics? = nil) throws -> (cells: Animation, pixels: [UInt8]?) {
        guard let format = PictureFormat(sniffing: bytes) else { throw PictureError("not a PNG, JPEG, GIF or WebP picture") }
        let limit = format == .gif ? gifByteLimit : byteLimit
        guard bytes.count <= limit else { throw PictureError("too large (\(bytes.count) bytes; the limit is \(limit))") }
        let library = try PictureLibrary.required()
        let charset: Animation.Charset = colors == .none ? .text : .symbols
        if format == .gif {
            return (try gifAnimation(bytes, library, columns: columns, rows: rows, symbols: symbols, colors: colors, charset: charset),
                    nil)
        }
        var width: Int32 = 0, height: Int32 = 0
        var rgba: UnsafeMutablePointer<UInt8>?
        var message = [CChar](repeating: 0, count: 128)
        let status = bytes.withUnsafeBufferPointer { buffer in
            library.decode(format.decoderCode, buffer.baseAddress, buffer.count, pixelLimit, Int32(columns), Int32(rows),
                           Int32(graphics?.cellWidth ?? 0), Int32(graphics?.cellHeight ?? 0), &width, &height, &rgba,
                           &message, message.count)
        }
        defer { library.free(rgba) }
        guard status == 0, let rgba else {
            throw PictureError("\(format.rawValue): " + String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let size = PictureCells.size(library, width: Int(width), height: Int(height), columns: columns, rows: rows)
        let lines = try PictureCells.lines(library, rgba: rgba, width: Int(width), height: Int(height),
                                           columns: size.columns, rows: size.rows, symbols: symbols, colors: colors)
        let cells = Animation(width: size.columns, height: size.rows, frames: [Animation.Frame(lines: lines, delay: 1000)],
                              charset: charset)
        let pixels = graphics.flatMap {
            PictureGraphics.bytes(library, rgba: rgba, width: Int(width), height: Int(height), columns: size.columns,
                                  rows: size.rows, as: $0)
        }
        return (cells, pixels)
    }

    /// Each composed frame of a GIF, drawn at one size.
    private static func gifAnimation(_ bytes: [UInt8], _ library: PictureLibrary, columns: Int, rows: Int,
                                     symbols: PictureCells.Symbols, colors: PictureCells.Colors,
                                     charset: Animation.Charset) throws -> Animation {
        var frames: [Animation.Frame] = []
        var size: (columns: Int, rows: Int)?
        do {
            try GIFDecoder.decode(bytes) { frame, width, height in
                let cells = size ?? PictureCells.size(library, width: width, height: height, columns: columns, rows: rows)
                size = cells
                // The canvas holds 0xRRGGBBAA words; chafa reads bytes in that order.
                let rgba = frame.pixels.map(\.bigEndian)
                let lines = try rgba.withUnsafeBytes { raw in
                    try PictureCells.lines(library, rgba: raw.bindMemory(to: UInt8.self).baseAddress!, width: width, height: height,
                                           columns: cells.columns, rows: cells.rows, symbols: symbols, colors: colors)
                }
                let delay = min(max(frame.delay, FramesParser.delayRange.lowerBound), FramesParser.delayRange.upperBound)
                frames.append(Animation.Frame(lines: lines, delay: delay))
            }
        } catch let failure as GIFDecoder.Failure {
            throw PictureError("GIF: \(failure)")
        }
        guard let size else { throw PictureError("GIF: the GIF has no frames") }
        return Animation(width: size.columns, height: size.rows, frames: frames, loopCount: 0, charset: charset)
    }
}

extension PictureFormat {
    /// PIVOT_FORMAT_* of pivot_pictures.h (GIFs are decoded by PivotGIF).
    var decoderCode: Int32 {
        switch self {
        case .png: return 0
        case .jpeg: return 1
        case .webp: return 2
        case .gif: return -1
        }
    }
}
