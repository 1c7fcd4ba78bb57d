import PivotDocument
import PivotReader
import PivotTerminal

/// A page too large to parse whole, read in pieces (see `PageIndex`): the index from one pass
/// over the file in chunks, then only the pieces the reader asks for.
enum PagePiecesLoader {
    /// Pages larger than this are read in pieces: parsed whole, a 10 MiB page took 180 MB.
    static let threshold = 1_048_576

    static func pieces(of path: String, site: SiteContext) -> PagePieces {
        PagePieces(
            index: { index(of: path) },
            load: { index, range in
                guard let document = document(of: path, index: index, range: range, site: site) else { return nil }
                let page = PageLoader.page(document, at: path)
                return PreparedPage(document: page.document, standIns: page.standIns)
            },
            countMatches: { index, query, glyphs in
                index.matchCounts(of: query, glyphs: glyphs, site: site) { try? FileReader.read(path, range: $0) }
            })
    }

    /// Whether the page at `path` is read in pieces: a file (not standard input) over `threshold`.
    static func readsInPieces(_ path: String) -> Bool {
        guard path != "-", let size = FileReader.size(of: path) else { return false }
        return size > threshold
    }

    /// The page's index, its links counted (each piece parsed once, in turn: about as long as a
    /// whole parse, on a thread, in a piece's memory).
    static func index(of path: String) -> PageIndex? {
        piecesIndex(of: path)?.countingLinks { try? FileReader.read(path, range: $0) }
    }

    /// Where the pieces are: one pass over the file in chunks.
    private static func piecesIndex(of path: String) -> PageIndex? {
        var builder = PageIndexBuilder()
        do {
            try FileReader.forEachChunk(of: path) { builder.read($0) }
        } catch {
            return nil
        }
        return builder.finish()
    }

    /// The page a piece at a time, in order (for plain text: the page is never parsed whole);
    /// nil for a piece that cannot be read or is no page text. False when the file cannot be read.
    static func forEachPiece(of path: String, site: SiteContext, _ body: (LoadedPage?) -> Void) -> Bool {
        guard let index = piecesIndex(of: path) else { return false }
        index.forEachPieceDocument(site: site, bytes: { try? FileReader.read(path, range: $0) }) { document in
            body(document.map { PageLoader.page($0, at: path) })
        }
        return true
    }

    /// The pieces `range` parsed together, as they read within the page.
    static func document(of path: String, index: PageIndex, range: Range<Int>, site: SiteContext) -> Document? {
        guard let bytes = try? FileReader.read(path, range: index.byteRange(of: range)) else { return nil }
        return index.document(pieces: range, bytes: bytes, site: site)
    }
}
