import Glibc
import PivotAnimation
import PivotDocument
import PivotFiles
import PivotPictures
import PivotReader
import PivotTerminal

/// Draws the pictures a page names, from the site folder only, off the first paint; keeps what
/// it drew per file, size and colours, so a resize back or a page seen again costs nothing.
final class PictureDrawer: @unchecked Sendable {
    private let folder: SiteFolder?
    private var mutex = pthread_mutex_t()
    private var cache: [CacheKey: Result<Drawn, PictureError>] = [:]
    private var cacheOrder: [CacheKey] = []
    /// Pictures kept, at most (a cached picture is a few kilobytes of cells).
    static let cacheLimit = 64

    private struct CacheKey: Hashable {
        var file: String
        var modified: Int
        var box: PictureBox
        var symbols: PictureCells.Symbols
        var colors: PictureCells.Colors
        var graphics: PictureGraphics?
    }

    private typealias Drawn = (cells: Animation, pixels: [UInt8]?)

    init(folder: SiteFolder?) {
        self.folder = folder
        pthread_mutex_init(&mutex, nil)
    }

    /// The request's pictures at most its box, in the style's colours, and in real pixels
    /// where the style has a pixel protocol.
    func draw(_ request: PictureRequest, style: PictureStyle) -> PicturesDrawn {
        var drawn = PicturesDrawn(cells: DrawnPictures(pictures: [:], notes: []))
        guard let folder, let pagePath = request.path else { return drawn }
        let symbols: PictureCells.Symbols = request.asciiOnly ? .ascii : .blocks
        let colors = PictureCells.Colors(rawValue: Int32(style.colors)) ?? .indexed240
        let graphics = style.graphics.map { terminal in
            PictureGraphics(terminal.kind == .kitty ? .kitty : .sixel, cellWidth: terminal.cellWidth, cellHeight: terminal.cellHeight)
        }
        for source in request.sources {
            guard let file = Self.pictureFile(source, in: folder, fromPage: pagePath) else { continue }
            var info = stat()
            guard stat(file, &info) == 0 else { continue }
            let key = CacheKey(file: file, modified: Int(info.st_mtim.tv_sec), box: request.box, symbols: symbols, colors: colors,
                               graphics: graphics)
            switch cached(key) ?? store(Self.convert(file, key), for: key) {
            case .success(let picture):
                drawn.cells.pictures[source] = picture.cells
                drawn.pixels[source] = picture.pixels
            case .failure(let error):
                drawn.cells.notes.append(TextSanitizer.clean("\(source): \(error); the picture shows as text"))
            }
        }
        return drawn
    }

    /// True when one of the request's pictures is a picture file in the site.
    func hasFiles(_ request: PictureRequest) -> Bool {
        guard let folder, let pagePath = request.path else { return false }
        return request.sources.contains { Self.pictureFile($0, in: folder, fromPage: pagePath) != nil }
    }

    /// The site's file behind a picture source, when it is named as a picture.
    private static func pictureFile(_ source: String, in folder: SiteFolder, fromPage pagePath: String) -> String? {
        folder.confinedPicture(source, fromPage: pagePath).flatMap { isPictureName($0) ? $0 : nil }
    }

    /// Only files named as pictures are read as pictures (their bytes then say which format).
    static func isPictureName(_ file: String) -> Bool {
        let name = file.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return false }
        return PictureFormat.fileExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    private static func convert(_ file: String, _ key: CacheKey) -> Result<Drawn, PictureError> {
        Result {
            let bytes = try FileReader.read(file, limit: PictureConverter.gifByteLimit)
            return try PictureConverter.picture(from: bytes, columns: key.box.columns, rows: key.box.rows, symbols: key.symbols,
                                                colors: key.colors, graphics: key.graphics)
        }.mapError { $0 as? PictureError ?? PictureError("\($0)") }
    }

    private func cached(_ key: CacheKey) -> Result<Drawn, PictureError>? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return cache[key]
    }

    private func store(_ result: Result<Drawn, PictureError>, for key: CacheKey) -> Result<Drawn, PictureError> {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if cache.updateValue(result, forKey: key) == nil { cacheOrder.append(key) }
        if cacheOrder.count > Self.cacheLimit { cache[cacheOrder.removeFirst()] = nil }
        return result
    }
}
