import CGif
import Foundation

/// Writes small GIFs with giflib's encoder, so the decoder is tested on files with known
/// shapes, transparency and disposal.
public struct GIFWriter {
    public struct Frame {
        var left = 0, top = 0, width: Int, height: Int
        /// Palette indices, row by row.
        var pixels: [UInt8]
        var delay = 10  // hundredths of a second
        var disposal = DISPOSAL_UNSPECIFIED
        var transparent: Int32 = NO_TRANSPARENT_COLOR
        var interlaced = false

        public init(left: Int = 0, top: Int = 0, width: Int, height: Int, pixels: [UInt8], delay: Int = 10,
                    disposal: Int32 = DISPOSAL_UNSPECIFIED, transparent: Int32 = NO_TRANSPARENT_COLOR, interlaced: Bool = false) {
            self.left = left
            self.top = top
            self.width = width
            self.height = height
            self.pixels = pixels
            self.delay = delay
            self.disposal = disposal
            self.transparent = transparent
            self.interlaced = interlaced
        }
    }

    var width: Int
    var height: Int
    /// Up to 256 colours as (r, g, b).
    var palette: [(UInt8, UInt8, UInt8)]
    var frames: [Frame]

    /// A small palette for tests: black, white, red, blue (indices 0 to 3).
    public static let blackWhiteRedBlue: [(UInt8, UInt8, UInt8)] = [(0, 0, 0), (255, 255, 255), (255, 0, 0), (0, 0, 255)]

    /// A frame's pixels all of one palette index.
    public static func solid(_ index: UInt8, width: Int, height: Int) -> [UInt8] {
        [UInt8](repeating: index, count: width * height)
    }

    public init(width: Int, height: Int, palette: [(UInt8, UInt8, UInt8)], frames: [Frame]) {
        self.width = width
        self.height = height
        self.palette = palette
        self.frames = frames
    }

    public func write(to url: URL) throws {
        var error: Int32 = 0
        guard let gif = EGifOpenFileName(url.path, false, &error) else { throw NSError(domain: "gif", code: Int(error)) }
        EGifSetGifVersion(gif, true)
        var size = 2
        while size < palette.count { size *= 2 }
        var colors = (0..<size).map { index -> GifColorType in
            let color = index < palette.count ? palette[index] : (0, 0, 0)
            return GifColorType(Red: color.0, Green: color.1, Blue: color.2)
        }
        let map = GifMakeMapObject(Int32(size), &colors)
        defer { GifFreeMapObject(map) }
        guard EGifPutScreenDesc(gif, Int32(width), Int32(height), 8, 0, map) == GIF_OK else { throw NSError(domain: "gif", code: 1) }
        for frame in frames {
            var control = GraphicsControlBlock(DisposalMode: frame.disposal, UserInputFlag: false,
                                               DelayTime: Int32(frame.delay), TransparentColor: frame.transparent)
            var extensionBytes = [GifByteType](repeating: 0, count: 4)
            let length = EGifGCBToExtension(&control, &extensionBytes)
            EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, Int32(length), extensionBytes)
            guard EGifPutImageDesc(gif, Int32(frame.left), Int32(frame.top), Int32(frame.width), Int32(frame.height),
                                   frame.interlaced, nil) == GIF_OK else { throw NSError(domain: "gif", code: 2) }
            let order = frame.interlaced
                ? [(0, 8), (4, 8), (2, 4), (1, 2)].flatMap { Array(stride(from: $0.0, to: frame.height, by: $0.1)) }
                : Array(0..<frame.height)
            for row in order {
                var line = Array(frame.pixels[(row * frame.width)..<((row + 1) * frame.width)])
                guard EGifPutLine(gif, &line, Int32(frame.width)) == GIF_OK else { throw NSError(domain: "gif", code: 3) }
            }
        }
        guard EGifCloseFile(gif, &error) == GIF_OK else { throw NSError(domain: "gif", code: Int(error)) }
    }

    /// A temporary file holding this GIF, and its bytes.
    public func bytes() throws -> [UInt8] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pivot-\(UUID().uuidString).gif")
        defer { try? FileManager.default.removeItem(at: url) }
        try write(to: url)
        return Array(try Data(contentsOf: url))
    }
}
