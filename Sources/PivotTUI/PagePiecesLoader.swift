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

    /// The page's index, its links counted (each piece parsed once, in turn: about as long as a
    /// whole parse, on a thread, in a piece's memory).
    static func index(of path: String) -> PageIndex? {
        var builder = PageIndexBuilder()
        do {
            try FileReader.forEachChunk(of: path) { builder.read($0) }
        } catch {
            return nil
        }
        return builder.finish().countingLinks { try? FileReader.read(path, range: $0) }
    }

    /// The pieces `range` parsed together, as they read within the page.
    static func document(of path: String, index: PageIndex, range: Range<Int>, site: SiteContext) -> Document? {
        guard let bytes = try? FileReader.read(path, range: index.byteRange(of: range)) else { return nil }
        return index.document(pieces: range, bytes: bytes, site: site)
    }
}
