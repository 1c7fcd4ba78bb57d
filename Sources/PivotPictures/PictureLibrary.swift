import PivotLibraryLoader

/// The picture decoders and chafa (`libpivot-pictures.so`, target CPictures), loaded the first
/// time a page has a picture: linked into pivot-tui, chafa, GLib, libpng, libjpeg and libwebp
/// cost every start their dynamic linking, pages without pictures too.
final class PictureLibrary: @unchecked Sendable {
    typealias DecodeFunction = @convention(c) (Int32, UnsafePointer<UInt8>?, Int, Int, Int32, Int32, Int32, Int32,
                                               UnsafeMutablePointer<Int32>?,
                                               UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?,
                                               UnsafeMutablePointer<CChar>?, Int) -> Int32
    typealias FreeFunction = @convention(c) (UnsafeMutablePointer<UInt8>?) -> Void
    typealias FitFunction = @convention(c) (Int32, Int32, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?) -> Void
    typealias CellsFunction = @convention(c) (UnsafePointer<UInt8>?, Int32, Int32, Int32, Int32, Int32, Int32,
                                              UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<Int16>?,
                                              UnsafeMutablePointer<Int16>?) -> Int32
    typealias GraphicsFunction = @convention(c) (UnsafePointer<UInt8>?, Int32, Int32, Int32, Int32, Int32, Int32, Int32,
                                                 UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<Int>?) -> Int32

    static let fileName = "libpivot-pictures.so"
    /// PIVOT_PICTURES_VERSION of the library this code calls.
    static let interfaceVersion: Int32 = 2

    let decode: DecodeFunction
    let free: FreeFunction
    let fit: FitFunction
    let cells: CellsFunction
    let graphics: GraphicsFunction

    private init(decode: DecodeFunction, free: FreeFunction, fit: FitFunction, cells: CellsFunction, graphics: GraphicsFunction) {
        self.decode = decode
        self.free = free
        self.fit = fit
        self.cells = cells
        self.graphics = graphics
    }

    /// The library, loaded on first use; nil when it is not installed beside pivot-tui.
    static let shared: PictureLibrary? = {
        guard let handle = BundledLibrary.open(fileName, versionSymbol: "pivot_pictures_version", version: interfaceVersion),
              let decode = BundledLibrary.function("pivot_picture_decode", in: handle, as: DecodeFunction.self),
              let free = BundledLibrary.function("pivot_picture_free", in: handle, as: FreeFunction.self),
              let fit = BundledLibrary.function("pivot_picture_fit", in: handle, as: FitFunction.self),
              let cells = BundledLibrary.function("pivot_picture_cells", in: handle, as: CellsFunction.self),
              let graphics = BundledLibrary.function("pivot_picture_graphics", in: handle, as: GraphicsFunction.self)
        else { return nil }
        return PictureLibrary(decode: decode, free: free, fit: fit, cells: cells, graphics: graphics)
    }()

    static func required() throws -> PictureLibrary {
        guard let shared else { throw PictureError("\(fileName) is not installed beside pivot-tui") }
        return shared
    }
}
