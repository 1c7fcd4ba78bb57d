/// Real pixels for a still picture: the bytes that show it in a terminal that speaks sixel or
/// the kitty graphics protocol, written where its cells are.
public struct PictureGraphics: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case sixel, kitty

        /// PIVOT_GRAPHICS_* of pivot_pictures.h.
        var code: Int32 { self == .sixel ? 1 : 2 }
    }

    public var kind: Kind
    /// A cell's size in pixels, as the terminal reports it.
    public var cellWidth: Int
    public var cellHeight: Int

    public init(_ kind: Kind, cellWidth: Int, cellHeight: Int) {
        self.kind = kind
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
    }

    /// A picture's bytes are not sent past this (a screenful of sixels is rarely more).
    public static let byteLimit = 2 * 1_048_576

    static func bytes(_ library: PictureLibrary, rgba: UnsafePointer<UInt8>, width: Int, height: Int, columns: Int, rows: Int,
                      as graphics: PictureGraphics) -> [UInt8]? {
        var output: UnsafeMutablePointer<CChar>?
        var length = 0
        let status = library.graphics(rgba, Int32(width), Int32(height), Int32(columns), Int32(rows), Int32(graphics.cellWidth),
                                      Int32(graphics.cellHeight), graphics.kind.code, &output, &length)
        defer { output.map { library.free(UnsafeMutableRawPointer($0).assumingMemoryBound(to: UInt8.self)) } }
        guard status == 0, let output, length <= byteLimit else { return nil }
        return Array(UnsafeRawBufferPointer(start: output, count: length))
    }
}
