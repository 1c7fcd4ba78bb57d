// Every call the benchmarks make into the core goes through this file, so a change of the
// core's entry points (the lazy large-page work) is adapted here and nowhere else.
import PivotAnimation
@testable import PivotDocument  // the outline step (`OutlineBuilder`) is internal to PivotDocument
import PivotReader

enum CoreSteps {
    /// The page's text turned into a `Document` (front matter, Liquid, Markdown, outline): what
    /// the reader does before anything else.
    static func document(from text: String) -> Document {
        PageParser.document(from: text)
    }

    /// What the outline step starts from: the page's blocks and its declared title.
    struct OutlineInput {
        let blocks: [Block]
        let title: String?
    }

    /// The steps `PageParser` runs before the outline, so the outline can be timed alone.
    static func outlineInput(from text: String) -> OutlineInput {
        let frontMatter = FrontMatter.split(text)
        let liquid = LiquidRenderer.render(frontMatter.body, page: frontMatter.values, site: nil)
        let title = frontMatter.values["title"]?.string.map { TextSanitizer.clean($0).trimmingSpaces() }
        return OutlineInput(blocks: MarkdownConverter.parse(liquid.text).blocks,
                            title: title.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Builds the outline (sections and their nesting); returns how many sections it found.
    static func outlineSectionCount(of input: OutlineInput) -> Int {
        OutlineBuilder.build(input.blocks, pageTitle: input.title).sections.count
    }

    /// The page's images with their text stand-ins looked up in `files`, as the reader does for
    /// the embedded page.
    static func standIns(for document: Document, files: [String: String]) -> [String: Animation] {
        var found: [String: Animation] = [:]
        for image in document.images where found[image.source] == nil {
            for name in StandInNames.candidates(alt: image.alt, source: image.source) {
                guard let text = files[name] else { continue }
                found[image.source] = try? FramesParser.parse(text)
                break
            }
        }
        return found
    }

    /// The page laid out as the reader lays it out in a window of `size`, nothing folded.
    static func layout(_ document: Document, size: Size, standIns: [String: Animation]) -> Layout {
        Layout(document: document, options: LayoutOptions(width: min(80, size.width), paneHeightLimit: max(1, size.height - 2)),
               folds: [], standIns: standIns)
    }

    /// A reader opened on the page in a window of `size`, animations still (as in `make bench`).
    static func readerState(_ document: Document, size: Size, standIns: [String: Animation]) -> ReaderState {
        ReaderState(document: document, settings: ReaderSettings(animates: false), size: size, standIns: standIns)
    }

    /// One frame: the whole window as cells.
    static func frame(of state: ReaderState) -> CellGrid {
        render(state)
    }

    /// A large page's top part, cut and parsed alone, as the reader opens it.
    static func topPart(of text: String) -> Document? {
        PageParser.head(of: text)
    }

    /// A large page's end part: its last 128 KiB cut where `PageSplitter` allows and parsed alone.
    static func endPart(of text: String) -> Document? {
        let bytes = text.utf8
        let chunkStart = bytes.index(bytes.endIndex, offsetBy: -min(bytes.count, 131_072))
        let chunk = String(text[chunkStart...].drop { $0 != "\n" }.dropFirst())
        guard let cut = PageSplitter.tailStart(of: chunk, minimum: 16_384) else { return nil }
        return PageParser.document(from: String(chunk[cut...]))
    }

    /// The reader after a resize, and the frame it then draws.
    static func resizing(_ state: ReaderState, to size: Size) -> (ReaderState, CellGrid) {
        let next = update(state, .resize(size)).0
        return (next, render(next))
    }

    /// The reader after `key`, and the frame it then draws.
    static func pressing(_ key: Character, in state: ReaderState) -> (ReaderState, CellGrid) {
        let next = update(state, .key(.character(key))).0
        return (next, render(next))
    }
}
