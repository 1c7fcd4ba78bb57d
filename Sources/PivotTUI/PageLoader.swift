import Glibc
import PivotAnimation
import PivotDocument
import PivotHighlight
import PivotReader
import PivotTerminal

/// A page ready to read: its document and the text animations found for its images.
struct LoadedPage: Sendable {
    var document: Document
    var standIns: [String: Animation]
}

/// Finds the page to show: a file, standard input, or the page built into the binary.
enum PageLoader {
    static let embeddedPageName = "pivot.md"
    /// Frames files larger than this are not read.
    static let framesByteLimit = 4 * 1_048_576

    /// How much of a file is read before the first paint: enough for a large page's top.
    static let firstReadBytes = 131_072
    /// How much of a large page's end is read to show it before the whole page is parsed.
    static let endReadBytes = 131_072
    /// Whether code blocks are highlighted: set once by the command, before the first load and
    /// before any background parse starts (plain text and `--no-highlight` leave it off).
    nonisolated(unsafe) static var highlightsCode = false
    /// Milliseconds one page may spend highlighting its code.
    static let highlightTimeBudget = 150

    /// The end of a large page, read and parsed alone (see `PageSplitter.tailStart`), for `G`
    /// while the whole page is parsed. Nil when no safe cut is found: `G` then waits.
    static func end(of path: String, site: SiteContext? = nil) -> PagePiece? {
        guard let (bytes, linesBefore) = try? FileReader.readEnd(path, count: endReadBytes),
              let (document, lineOffset) = PageParser.end(of: bytes, linesBefore: linesBefore,
                                                          site: site ?? FileSite(pagePath: path)) else { return nil }
        let loaded = page(document, at: path)
        return PagePiece(document: loaded.document, standIns: loaded.standIns, lineOffset: lineOffset)
    }

    /// A page to read on screen: its first part, and what comes after the first paint (the whole
    /// page, or the pieces of a very large one).
    struct Opened {
        var first: LoadedPage
        var rest: (@Sendable () -> LoadedPage)?
        var pieces: PagePieces?
    }

    /// Refuses what a page parsed whole would refuse (a file too large, binary or unreadable),
    /// for a page read in pieces before a piece of it is written.
    static func checkPage(_ path: String) throws {
        do {
            let (head, _) = try FileReader.read(path, limit: PageSource.byteLimit, prefix: PageSource.headBytes)
            try PageSource.checkHead(head)
        } catch let error as PageError {
            throw LoadError(message: "\(path): \(error)")
        }
    }

    /// A page to read on screen (see `open(_:site:)`); a very large page is read in pieces
    /// (`PagePiecesLoader`) instead of parsed whole.
    static func opened(_ path: String?, site knownSite: SiteContext? = nil) throws -> Opened {
        let (first, rest) = try open(path, site: knownSite)
        guard rest != nil, let path, PagePiecesLoader.readsInPieces(path) else {
            return Opened(first: first, rest: rest, pieces: nil)
        }
        return Opened(first: first, rest: nil,
                      pieces: PagePiecesLoader.pieces(of: path, site: knownSite ?? FileSite(pagePath: path)))
    }

    /// A page to read on screen. A large page opens on its top part (see `PageSplitter`), read
    /// and parsed alone; `rest` then reads and parses the whole page, on another thread. Code is
    /// highlighted in `rest` too: the first paint never waits for the highlighter.
    static func open(_ path: String?, site knownSite: SiteContext? = nil) throws
        -> (first: LoadedPage, rest: (@Sendable () -> LoadedPage)?) {
        guard let path, path != "-" else { return (try load(path), nil) }
        let site = knownSite ?? FileSite(pagePath: path)
        let top: String
        do {
            let (bytes, isWhole) = try FileReader.read(path, limit: PageSource.byteLimit, prefix: firstReadBytes)
            if isWhole {
                let text = try PageSource.text(from: bytes)
                guard let head = PageParser.head(of: text, site: site) else {
                    // Code colours come after the first paint: the page shows at once.
                    let whole = page(text, at: path, site: site, finished: false)
                    guard needsFinishing(whole.document) else { return (whole, nil) }
                    return (whole, { finished(whole) })
                }
                return (page(head, at: path, finished: false), { page(text, at: path, site: site) })
            }
            // Whole lines only: a cut inside a character would show as a replacement character.
            let lastLine = bytes.lastIndex(of: UInt8(ascii: "\n")) ?? bytes.startIndex
            top = try PageSource.text(from: bytes[..<lastLine])
        } catch let error as PageError {
            throw LoadError(message: "\(path): \(error)")
        }
        guard let head = PageParser.head(of: top, site: site) else { return (try load(path), nil) }
        let first = page(head, at: path, finished: false)
        return (first, {
            do {
                return page(try pageText(at: path), at: path, site: site)
            } catch {
                var partial = first
                partial.document.warnings.append(TextSanitizer.clean("the rest of the page could not be read: \(error)"))
                return partial
            }
        })
    }

    static func load(_ path: String?) throws -> LoadedPage {
        guard let path else {
            // The binary carries content/: the page and its stand-ins.
            let document = PageParser.document(from: EmbeddedContent.files[embeddedPageName] ?? "")
            return withStandIns(highlighted(document)) { EmbeddedContent.files[$0] }
        }
        if path == "-" {
            switch try StandardInput.page() {
            case .bytes(let bytes):
                let text = try PageSource.text(from: bytes)
                return LoadedPage(document: highlighted(PageParser.document(from: text)), standIns: [:])
            case .file(let spilled):
                return page(try pageText(at: spilled), at: spilled, site: NoSite())
            }
        }
        let text = try pageText(at: path)
        let site = FileSite(pagePath: path)
        return page(text, at: path, site: site)
    }

    private static func pageText(at path: String) throws -> String {
        let bytes = try FileReader.read(path, limit: PageSource.byteLimit)
        do {
            return try PageSource.text(from: bytes)
        } catch let error as PageError {
            throw LoadError(message: "\(path): \(error)")
        }
    }

    private static func page(_ text: String, at path: String, site: SiteContext, finished: Bool = true) -> LoadedPage {
        page(PageParser.document(from: text, site: site), at: path, finished: finished)
    }

    /// The document with the stand-ins found beside the page for its images; `finished` also
    /// highlights its code (the slow part, done after the first paint).
    static func page(_ document: Document, at path: String, finished isFinished: Bool = true) -> LoadedPage {
        let directory = FileSite.directory(of: path)
        let page = withStandIns(document) { name in
            (try? FileReader.read(directory + "/" + name, limit: framesByteLimit)).map { String(decoding: $0, as: UTF8.self) }
        }
        return isFinished ? finished(page) : page
    }

    /// What the first paint leaves for later: code to highlight.
    private static func needsFinishing(_ document: Document) -> Bool {
        highlightsCode && document.hasCodeWithLanguage
    }

    /// The page with its code highlighted.
    private static func finished(_ page: LoadedPage) -> LoadedPage {
        LoadedPage(document: highlighted(page.document), standIns: page.standIns)
    }

    /// Looks up each image's stand-in by the names `StandInNames` gives (docs/frames.md).
    private static func withStandIns(_ document: Document, read: (String) -> String?) -> LoadedPage {
        var page = LoadedPage(document: document, standIns: [:])
        for image in document.images where page.standIns[image.source] == nil {
            for name in StandInNames.candidates(alt: image.alt, source: image.source) {
                guard let text = read(name) else { continue }
                do {
                    page.standIns[image.source] = try FramesParser.parse(text)
                } catch {
                    page.document.warnings.append(TextSanitizer.clean("\(name): \(error); the image shows as text"))
                }
                break
            }
        }
        return page
    }

    /// The document with its code highlighted; the highlighter is loaded only for code that names a language.
    private static func highlighted(_ document: Document) -> Document {
        guard highlightsCode, document.hasCodeWithLanguage, let highlighter = CodeHighlighter.available else { return document }
        var document = document
        // A page's highlighting shares one time budget: past it, its remaining code stays plain.
        var remaining = highlightTimeBudget
        document.highlightCode { language, code in
            guard remaining > 0 else { return nil }
            let start = MonotonicClock.milliseconds()
            defer { remaining -= MonotonicClock.milliseconds() - start }
            return highlighter.tokens(language: language, code: code, timeLimit: Double(remaining) / 1000)
        }
        return document
    }

    struct LoadError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
