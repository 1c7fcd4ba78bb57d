import CGif

/// Decodes a GIF with giflib one frame at a time (never the whole file's rasters at once),
/// composing each frame onto the canvas as a browser does: sub-rectangles, transparency,
/// and the three disposal modes.
public enum GIFDecoder {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// A composed frame: RGBA pixels of the whole canvas (alpha 0 = nothing painted there).
    public struct Frame {
        public var pixels: [UInt32]
        public var delay: Int
    }

    /// Canvases above this are refused: a hostile GIF cannot claim gigabytes.
    public static let maximumSide = 4096
    public static let maximumFrames = 1000
    /// Decoding stops being worth it past this many pixels in all (about 10 s of work).
    public static let pixelBudget = 400_000_000

    /// Calls `body` with every composed frame; returns the canvas size.
    @discardableResult
    public static func decode(_ bytes: [UInt8], body: (Frame, _ width: Int, _ height: Int) throws -> Void) throws -> (width: Int, height: Int) {
        var source = ByteSource(bytes: bytes)
        return try withUnsafeMutablePointer(to: &source) { pointer in
            var error: Int32 = 0
            guard let gif = DGifOpen(pointer, { file, buffer, length in
                guard let file, let buffer, length > 0 else { return 0 }
                return file.pointee.UserData.assumingMemoryBound(to: ByteSource.self).pointee.read(into: buffer, count: Int(length))
            }, &error) else {
                throw Failure(description: "not a GIF (\(message(error)))")
            }
            defer { var closeError: Int32 = 0; DGifCloseFile(gif, &closeError) }
            return try Composer(gif: gif).run(body)
        }
    }

    static func message(_ code: Int32) -> String {
        GifErrorString(code).map { String(cString: $0) } ?? "error \(code)"
    }

    /// Bytes handed to giflib's read callback.
    struct ByteSource {
        let bytes: [UInt8]
        var offset = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func read(into buffer: UnsafeMutablePointer<GifByteType>, count: Int) -> Int32 {
            let available = min(count, bytes.count - offset)
            guard available > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { source in
                buffer.update(from: source.baseAddress! + offset, count: available)
            }
            offset += available
            return Int32(available)
        }
    }
}
