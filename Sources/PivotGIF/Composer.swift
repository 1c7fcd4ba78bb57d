import CGif

/// Walks a GIF's records and keeps the canvas: each image is painted onto it, shown, then
/// disposed of as its graphics control block says.
struct Composer {
    let gif: UnsafeMutablePointer<GifFileType>

    func run(_ body: (GIFDecoder.Frame, Int, Int) throws -> Void) throws -> (width: Int, height: Int) {
        let width = Int(gif.pointee.SWidth)
        let height = Int(gif.pointee.SHeight)
        guard width > 0, height > 0 else { throw GIFDecoder.Failure(description: "the GIF has no size") }
        guard width <= GIFDecoder.maximumSide, height <= GIFDecoder.maximumSide else {
            throw GIFDecoder.Failure(description: "the GIF is \(width)x\(height); the limit is \(GIFDecoder.maximumSide) a side")
        }
        var canvas = [UInt32](repeating: 0, count: width * height)
        var control = GraphicsControlBlock(DisposalMode: DISPOSAL_UNSPECIFIED, UserInputFlag: false, DelayTime: 0,
                                           TransparentColor: NO_TRANSPARENT_COLOR)
        var frames = 0
        var pixelsDecoded = 0
        var row = [GifPixelType](repeating: 0, count: width)

        recordLoop: while true {
            var record = UNDEFINED_RECORD_TYPE
            guard DGifGetRecordType(gif, &record) == GIF_OK else { throw failure("the GIF is cut short or damaged") }
            switch record {
            case EXTENSION_RECORD_TYPE:
                try readExtension(into: &control)
            case IMAGE_DESC_RECORD_TYPE:
                guard DGifGetImageDesc(gif) == GIF_OK else { throw failure("a frame header is damaged") }
                guard frames < GIFDecoder.maximumFrames else { break recordLoop }
                let description = gif.pointee.Image
                let left = Int(description.Left), top = Int(description.Top)
                let frameWidth = Int(description.Width), frameHeight = Int(description.Height)
                guard frameWidth > 0, frameHeight > 0, frameWidth <= GIFDecoder.maximumSide,
                      frameHeight <= GIFDecoder.maximumSide else { throw failure("a frame has an impossible size") }
                pixelsDecoded += frameWidth * frameHeight
                guard pixelsDecoded <= GIFDecoder.pixelBudget else {
                    throw GIFDecoder.Failure(description: "the GIF holds more than \(GIFDecoder.pixelBudget / 1_000_000) million pixels")
                }
                guard let colorMap = description.ColorMap ?? gif.pointee.SColorMap else { throw failure("a frame has no colours") }
                let palette = Self.palette(colorMap)
                let previous = control.DisposalMode == DISPOSE_PREVIOUS ? canvas : nil
                if row.count < frameWidth { row = [GifPixelType](repeating: 0, count: frameWidth) }
                for line in Self.rowOrder(height: frameHeight, interlaced: description.Interlace) {
                    guard DGifGetLine(gif, &row, Int32(frameWidth)) == GIF_OK else { throw failure("the GIF is cut short") }
                    let y = top + line
                    guard y < height else { continue }
                    for x in 0..<frameWidth where left + x < width {
                        let index = Int(row[x])
                        if index == Int(control.TransparentColor) || index >= palette.count { continue }
                        canvas[y * width + left + x] = palette[index]
                    }
                }
                let delay = Int(control.DelayTime) < 2 ? 100 : Int(control.DelayTime) * 10  // as browsers do
                try body(GIFDecoder.Frame(pixels: canvas, delay: delay), width, height)
                frames += 1
                // Dispose of this frame before the next is painted.
                if control.DisposalMode == DISPOSE_BACKGROUND {
                    for y in top..<min(height, top + frameHeight) {
                        for x in left..<min(width, left + frameWidth) { canvas[y * width + x] = 0 }
                    }
                } else if let previous {
                    canvas = previous
                }
                control = GraphicsControlBlock(DisposalMode: DISPOSAL_UNSPECIFIED, UserInputFlag: false, DelayTime: 0,
                                               TransparentColor: NO_TRANSPARENT_COLOR)
            case TERMINATE_RECORD_TYPE:
                break recordLoop
            default:
                throw failure("the GIF has an unknown record")
            }
        }
        guard frames > 0 else { throw GIFDecoder.Failure(description: "the GIF has no frames") }
        return (width, height)
    }

    private func readExtension(into control: inout GraphicsControlBlock) throws {
        var code: Int32 = 0
        var block: UnsafeMutablePointer<GifByteType>?
        guard DGifGetExtension(gif, &code, &block) == GIF_OK else { throw failure("an extension is damaged") }
        if code == GRAPHICS_EXT_FUNC_CODE, let block {
            _ = DGifExtensionToGCB(Int(block[0]), block + 1, &control)
        }
        while block != nil {
            guard DGifGetExtensionNext(gif, &block) == GIF_OK else { throw failure("an extension is damaged") }
        }
    }

    private func failure(_ what: String) -> GIFDecoder.Failure {
        GIFDecoder.Failure(description: "\(what) (\(GIFDecoder.message(gif.pointee.Error)))")
    }

    /// Palette entries as opaque RGBA.
    static func palette(_ map: UnsafeMutablePointer<ColorMapObject>) -> [UInt32] {
        (0..<Int(map.pointee.ColorCount)).map { index in
            let color = map.pointee.Colors[index]
            return UInt32(color.Red) << 24 | UInt32(color.Green) << 16 | UInt32(color.Blue) << 8 | 0xFF
        }
    }

    /// The order rows arrive in: top to bottom, or the four passes of an interlaced image.
    static func rowOrder(height: Int, interlaced: Bool) -> [Int] {
        guard interlaced else { return Array(0..<height) }
        return [(0, 8), (4, 8), (2, 4), (1, 2)].flatMap { start, step in Array(stride(from: start, to: height, by: step)) }
    }
}
