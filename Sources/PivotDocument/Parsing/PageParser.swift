/// Turns page text into a `Document` the way Jekyll builds a page: front matter first,
/// then Liquid, then Markdown; then the outline is built from the result.
public enum PageParser {
    /// What a piece of a large page (`PageIndex`) needs to know of the page to parse as it does
    /// within it.
    public struct PartContext: Sendable, Equatable {
        /// The page's front matter (empty when the piece holds it, or the page has none).
        public var frontMatter: String
        /// The piece is the page's start: a level-1 heading there may be its title.
        public var startsPage: Bool
        /// The page has at most one level-1 heading (else none is its title).
        public var allowsTitleHeading: Bool
        /// The page has headings besides its title: its text nests under them, as the whole page's does.
        public var nestsByHeadings: Bool
        /// Links of the page before the piece.
        public var linkNumberOffset: Int

        public init(frontMatter: String, startsPage: Bool, allowsTitleHeading: Bool, nestsByHeadings: Bool,
                    linkNumberOffset: Int = 0) {
            self.frontMatter = frontMatter
            self.startsPage = startsPage
            self.allowsTitleHeading = allowsTitleHeading
            self.nestsByHeadings = nestsByHeadings
            self.linkNumberOffset = linkNumberOffset
        }
    }

    public static func document(from text: String, site: SiteContext? = nil, part: PartContext? = nil) -> Document {
        // A later piece reads its page's front matter (for `{{ page.x }}`), not its own.
        let pageFrontMatter = part.flatMap { $0.frontMatter.isEmpty ? nil : FrontMatter.split($0.frontMatter) }
        let frontMatter = pageFrontMatter.map { FrontMatter(values: $0.values, body: text, warning: nil) }
            ?? FrontMatter.split(text)
        var warnings: [String] = []
        if let warning = frontMatter.warning { warnings.append(warning) }
        let liquid = LiquidRenderer.render(frontMatter.body, page: frontMatter.values, site: site)
        warnings += liquid.notes
        // Jekyll pages (with front matter) are kramdown's: HTML blocks run to their closing tags.
        let isJekyllPage = text.hasPrefix("---") || part.map { !$0.frontMatter.isEmpty } == true
        let markdown = isJekyllPage ? KramdownHTMLBlocks.joined(liquid.text) : liquid.text
        let parsed = MarkdownConverter.parse(KramdownAttributes.strip(markdown))

        var metadata: [MetadataEntry] = []
        if case .mapping(let pairs) = frontMatter.values {
            metadata = pairs.map {
                MetadataEntry(key: TextSanitizer.clean($0.key), value: TextSanitizer.clean($0.value.summary))
            }
        }
        let declaredTitle = frontMatter.values["title"]?.string.map { TextSanitizer.clean($0).trimmingSpaces() }
        let outline = OutlineBuilder.build(parsed.blocks, pageTitle: declaredTitle.flatMap { $0.isEmpty ? nil : $0 },
                                           titleHeading: part.map { $0.startsPage && $0.allowsTitleHeading } ?? true,
                                           nestsByHeadings: part?.nestsByHeadings)
        var document = Document(title: outline.title, metadata: metadata, warnings: warnings.map { TextSanitizer.clean($0) },
                                blocks: outline.blocks, links: parsed.links, sections: outline.sections,
                                titleInBody: outline.titleInBody)
        document.anchors = HeadingIDs.anchors(of: outline.blocks)
        document.linkNumberOffset = part?.linkNumberOffset ?? 0
        // Counted as `PageIndexBuilder` counts them: a last line needs no newline.
        let newlines = ByteScan.count(of: UInt8(ascii: "\n"), in: text)
        document.lineCount = newlines + (text.utf8.last.map { $0 == UInt8(ascii: "\n") ? 0 : 1 } ?? 0)
        return document
    }

    /// The end of a large page as a document of its own, from the page's last bytes (`bytes`,
    /// after `linesBefore` lines): cut where `PageSplitter.tailStart` proves it parses alone.
    /// Returns it with the lines of the page before it; nil when no cut holds.
    public static func end(of bytes: [UInt8], linesBefore: Int, site: SiteContext? = nil)
        -> (document: Document, lineOffset: Int)? {
        guard let firstBreak = bytes.firstIndex(of: UInt8(ascii: "\n")),
              let text = try? PageSource.text(from: bytes[(firstBreak + 1)...]),
              let cut = PageSplitter.tailStart(of: text, minimum: 16_384) else { return nil }
        let linesToCut = linesBefore + 1 + text.utf8[..<cut].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return (document(from: String(text[cut...]), site: site), linesToCut)
    }

    /// The top of a large page as a document of its own (cut where `PageSplitter` says it parses
    /// alone), to show while the whole page is parsed; nil for a page small enough to parse at once.
    public static func head(of text: String, site: SiteContext? = nil, minimum: Int = 16_384) -> Document? {
        guard let end = PageSplitter.headEnd(of: text, minimum: minimum) else { return nil }
        return document(from: String(text[..<end]), site: site)
    }
}
