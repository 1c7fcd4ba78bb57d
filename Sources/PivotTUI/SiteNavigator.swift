import PivotDocument
import PivotFiles
import PivotReader
import PivotTerminal

/// Pages for the browser, read from the site folder and nowhere else: every path goes through
/// `SiteFolder.confinedFile` before a byte is read.
enum SiteNavigator {
    /// Bytes of all pages read by one site-wide search, at most.
    static let searchByteBudget = 256 * 1_048_576
    /// Hits a site-wide search lists, at most.
    static let searchHitLimit = 500

    /// `start` is the page the reader began with, for a request without a path (the built-in
    /// page or standard input, which cannot be read twice).
    static func navigator(folder: SiteFolder?, start: LoadedPage?) -> Navigator {
        var readSite: (@Sendable () -> Site?)?
        if let folder { readSite = { SiteScanner.scan(folder).site } }
        let pictures = PictureDrawer(folder: folder)
        return Navigator(
            open: { request, site in open(request, folder: folder, site: site, start: start) },
            readSite: readSite,
            searchSite: { query, site in
                guard let folder else { return [] }
                return search(query, in: site, folder: folder)
            },
            fileToWatch: { path in
                guard let path, let folder else { return nil }
                return try? folder.confinedFile(path)
            },
            drawPictures: { request, style in pictures.draw(request, style: style) },
            hasPictureFiles: { request in pictures.hasFiles(request) })
    }

    static func open(_ request: PageRequest, folder: SiteFolder?, site: Site?, start: LoadedPage?) -> Navigator.Opening {
        guard let path = request.path else {
            guard let start else { return .failed("this page cannot be opened again") }
            return .page(PreparedPage(document: start.document, standIns: start.standIns), rest: nil, end: nil)
        }
        guard let folder else { return .failed("not in this site: \(path)") }
        let file: String
        do {
            file = try folder.confinedFile(path)
        } catch {
            return .failed("\(error)")
        }
        do {
            let context: SiteContext = site.map { SiteFolderContext(site: $0, folder: folder) } ?? FileSite(pagePath: file)
            let opened = try PageLoader.opened(file, site: context)
            let prepared = PreparedPage(document: opened.first.document, standIns: opened.first.standIns)
            if let pieces = opened.pieces {
                return .page(prepared, rest: nil, end: { PageLoader.end(of: file, site: context) }, pieces: pieces)
            }
            guard let rest = opened.rest else { return .page(prepared, rest: nil, end: nil) }
            return .page(prepared,
                         rest: { let whole = rest(); return PreparedPage(document: whole.document, standIns: whole.standIns) },
                         end: { PageLoader.end(of: file, site: context) })
        } catch {
            return .failed("\(error)")
        }
    }

    /// Every page's text searched as page search does; only pages holding the query's bytes
    /// are parsed.
    static func search(_ query: String, in site: Site, folder: SiteFolder) -> [SiteSearchHit] {
        let ignoresCase = !query.contains { $0.isUppercase }
        let needle = ignoresCase ? query.lowercased() : query
        var hits: [SiteSearchHit] = []
        var budget = searchByteBudget
        for page in site.pages {
            guard hits.count < searchHitLimit, budget > 0, let file = try? folder.confinedFile(page.path),
                  let bytes = try? FileReader.read(file, limit: min(budget, SiteFolder.pageByteLimit)) else { continue }
            budget -= bytes.count
            if bytes.count > PagePiecesLoader.threshold {
                hits += searchInPieces(query, needle: needle, ignoresCase: ignoresCase, bytes: bytes, page: page,
                                       site: SiteFolderContext(site: site, folder: folder))
                continue
            }
            guard let text = try? PageSource.text(from: bytes), (ignoresCase ? text.lowercased() : text).contains(needle) else { continue }
            let document = PageParser.document(from: text, site: SiteFolderContext(site: site, folder: folder))
            hits += SiteSearch.hits(of: query, in: document, path: page.path, pageTitle: page.title)
        }
        return Array(hits.prefix(searchHitLimit))
    }

    /// A very large page searched a piece at a time (each parsed and let go, as the reader reads
    /// it): its hits carry their source line, where the page opens.
    private static func searchInPieces(_ query: String, needle: String, ignoresCase: Bool, bytes: [UInt8],
                                       page: SitePage, site: SiteContext) -> [SiteSearchHit] {
        var builder = PageIndexBuilder()
        builder.read(bytes)
        let index = builder.finish()
        var hits: [SiteSearchHit] = []
        for piece in index.pieces.indices where hits.count < SiteSearch.hitsPerPage {
            let range = piece..<piece + 1
            let pieceBytes = Array(bytes[index.byteRange(of: range)])
            guard let text = try? PageSource.text(from: pieceBytes),
                  (ignoresCase ? text.lowercased() : text).contains(needle),
                  let document = index.document(pieces: range, bytes: pieceBytes, site: site) else { continue }
            let offset = index.pieces[piece].lineOffset
            for var hit in SiteSearch.hits(of: query, in: document, path: page.path, pageTitle: page.title) {
                hit.sourceLine = document.line(ofOrder: hit.anchor.order).map { $0 + offset }
                hits.append(hit)
            }
        }
        return Array(hits.prefix(SiteSearch.hitsPerPage))
    }
}
