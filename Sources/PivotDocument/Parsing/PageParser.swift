/// Turns page text into a `Document` the way Jekyll builds a page: front matter first,
/// then Liquid, then Markdown; then the outline is built from the result.
public enum PageParser {
    public static func document(from text: String, site: SiteContext? = nil) -> Document {
        let frontMatter = FrontMatter.split(text)
        var warnings: [String] = []
        if let warning = frontMatter.warning { warnings.append(warning) }
        let liquid = LiquidRenderer.render(frontMatter.body, page: frontMatter.values, site: site)
        warnings += liquid.notes
        // Jekyll pages (with front matter) are kramdown's: HTML blocks run to their closing tags.
        let isJekyllPage = text.hasPrefix("---")
        let markdown = isJekyllPage ? KramdownHTMLBlocks.joined(liquid.text) : liquid.text
        let parsed = MarkdownConverter.parse(KramdownAttributes.strip(markdown))

        var metadata: [MetadataEntry] = []
        if case .mapping(let pairs) = frontMatter.values {
            metadata = pairs.map {
                MetadataEntry(key: TextSanitizer.clean($0.key), value: TextSanitizer.clean($0.value.summary))
            }
        }
        let declaredTitle = frontMatter.values["title"]?.string.map { TextSanitizer.clean($0).trimmingSpaces() }
        let outline = OutlineBuilder.build(parsed.blocks, pageTitle: declaredTitle.flatMap { $0.isEmpty ? nil : $0 })
        var document = Document(title: outline.title, metadata: metadata, warnings: warnings.map { TextSanitizer.clean($0) },
                                blocks: outline.blocks, links: parsed.links, sections: outline.sections,
                                titleInBody: outline.titleInBody)
        document.anchors = HeadingIDs.anchors(of: outline.blocks)
        return document
    }

    /// The top of a large page as a document of its own (cut where `PageSplitter` says it parses
    /// alone), to show while the whole page is parsed; nil for a page small enough to parse at once.
    public static func head(of text: String, site: SiteContext? = nil, minimum: Int = 16_384) -> Document? {
        guard let end = PageSplitter.headEnd(of: text, minimum: minimum) else { return nil }
        return document(from: String(text[..<end]), site: site)
    }
}
