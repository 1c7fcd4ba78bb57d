import Glibc
import PivotAnimation
import PivotDocument
import PivotFiles
import PivotPictures
import PivotReader

/// Draws the pictures a page names, from the site folder only, off the first paint; keeps what
/// it drew per file, size and colours, so a resize back or a page seen again costs nothing.
final class PictureDrawer: @unchecked Sendable {
    private let folder: SiteFolder?
    private var mutex = pthread_mutex_t()
    private var cache: [CacheKey: Result<Animation, PictureError>] = [:]
    private var cacheOrder: [CacheKey] = []
    /// Pictures kept, at most (a cached picture is a few kilobytes of cells).
    static let cacheLimit = 64

    private struct CacheKey: Hashable {
        var file: String
        var modified: Int
        var box: PictureBox
        var symbols: PictureCells.Symbols
        var colors: PictureCells.Colors
    }

    init(folder: SiteFolder?) {
        self.folder = folder
        pthread_mutex_init(&mutex, nil)
    }

    /// The request's pictures at most its box, in `colors` (240, 8, or 0: symbols alone).
    func draw(_ request: PictureRequest, colors: Int) -> DrawnPictures {
        var drawn = DrawnPictures(pictures: [:], notes: [])
        guard let folder, let pagePath = request.path else { return drawn }
        let symbols: PictureCells.Symbols = request.asciiOnly ? .ascii : .blocks
        let colors = PictureCells.Colors(rawValue: Int32(colors)) ?? .indexed240
        for source in request.sources {
            guard let file = folder.confinedPicture(source, fromPage: pagePath), Self.isPictureName(file) else { continue }
            var info = stat()
            guard stat(file, &info) == 0 else { continue }
            let key = CacheKey(file: file, modified: Int(info.st_mtim.tv_sec), box: request.box, symbols: symbols, colors: colors)
            switch cached(key) ?? store(Self.convert(file, request.box, symbols, colors), for: key) {
            case .success(let picture): drawn.pictures[source] = picture
            case .failure(let error): drawn.notes.append(TextSanitizer.clean("\(source): \(error); the picture shows as text"))
            }
        }
        return drawn
    }

    /// Only files named as pictures are read as pictures (their bytes then say which format).
    static func isPictureName(_ file: String) -> Bool {
        let name = file.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return false }
        return PictureFormat.fileExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    private static func convert(_ file: String, _ box: PictureBox, _ symbols: PictureCells.Symbols,
                                _ colors: PictureCells.Colors) -> Result<Animation, PictureError> {
        Result {
            let bytes = try FileReader.read(file, limit: PictureConverter.gifByteLimit)
            return try PictureConverter.animation(from: bytes, columns: box.columns, rows: box.rows, symbols: symbols, colors: colors)
        }.mapError { $0 as? PictureError ?? PictureError("\($0)") }
    }

    private func cached(_ key: CacheKey) -> Result<Animation, PictureError>? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return cache[key]
    }

    private func store(_ result: Result<Animation, PictureError>, for key: CacheKey) -> Result<Animation, PictureError> {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if cache.updateValue(result, forKey: key) == nil { cacheOrder.append(key) }
        if cacheOrder.count > Self.cacheLimit { cache[cacheOrder.removeFirst()] = nil }
        return result
    }
}
