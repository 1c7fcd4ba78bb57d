import CPictures
import PivotAnimation

/// A page's picture file as a text picture: PNG, JPEG and WebP as one still frame drawn by chafa.
public enum PictureConverter {
    /// Files larger than this are not read.
    public static let byteLimit = 16 * 1_048_576
    /// Pictures of more pixels are refused before their pixels are allocated (a PNG of
    /// 30000x30000 is a few kilobytes of file and 3.6 GB of pixels).
    public static let pixelLimit = 40_000_000
    /// The largest text picture in a page: most of an 80-column reading width, and about a third
    /// of a 36-row window.
    public static let maxColumns = 60
    public static let maxRows = 12

    public static func animation(from bytes: [UInt8], columns: Int = maxColumns, rows: Int = maxRows,
                                 symbols: PictureCells.Symbols = .blocks) throws -> Animation {
        guard bytes.count <= byteLimit else { throw PictureError("too large (\(bytes.count) bytes)") }
        guard let format = PictureFormat(sniffing: bytes) else { throw PictureError("not a PNG, JPEG, GIF or WebP picture") }
        switch format {
        case .gif:
            // GIFs still go through PivotGIF's own converter (animated, in half blocks).
            throw PictureError("GIF pictures are read by PivotGIF")
        case .png, .jpeg, .webp:
            var pixels = pivot_pixels()
            var message = [CChar](repeating: 0, count: 128)
            let status = bytes.withUnsafeBufferPointer { buffer -> Int32 in
                switch format {
                case .png: return pivot_decode_png(buffer.baseAddress, buffer.count, pixelLimit, &pixels, &message, message.count)
                case .jpeg: return pivot_decode_jpeg(buffer.baseAddress, buffer.count, pixelLimit, &pixels, &message, message.count)
                default: return pivot_decode_webp(buffer.baseAddress, buffer.count, pixelLimit, &pixels, &message, message.count)
                }
            }
            defer { pivot_pixels_free(&pixels) }
            guard status == 0, let rgba = pixels.rgba else {
                throw PictureError("\(format.rawValue): " + String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            let size = PictureCells.size(width: Int(pixels.width), height: Int(pixels.height), columns: columns, rows: rows)
            let lines = try PictureCells.lines(rgba: rgba, width: Int(pixels.width), height: Int(pixels.height),
                                               columns: size.columns, rows: size.rows, symbols: symbols)
            return Animation(width: size.columns, height: size.rows, frames: [Animation.Frame(lines: lines, delay: 1000)],
                             charset: .symbols)
        }
    }
}
