import PivotDocument

/// A search through the text of a site's pages, one page at a time (the edge reads them): the
/// matches as page search finds them, with their section and a line of text around each.
public enum SiteSearch {
    /// Most hits kept from one page: a list of every match of a common word helps nobody.
    public static let hitsPerPage = 20

    public static func hits(of query: String, in document: Document, path: String, pageTitle: String,
                            glyphs: Glyphs = .unicode) -> [SiteSearchHit] {
        let matches = SearchIndex.matches(of: query, in: document, glyphs: glyphs).prefix(hitsPerPage)
        guard !matches.isEmpty else { return [] }
        let texts = blockTexts(of: document, glyphs: glyphs, orders: Set(matches.map(\.anchor.order)))
        return matches.map { match in
            SiteSearchHit(path: path, pageTitle: pageTitle, section: match.sections.last.map { document.sections[$0].title },
                          line: snippet(texts[match.anchor.order]?.text ?? "", around: match.anchor,
                                        isCode: texts[match.anchor.order]?.isCode ?? false),
                          anchor: match.anchor, query: query)
        }
    }

    /// The text of the blocks of the given orders, as search sees it (code: its lines).
    private static func blockTexts(of document: Document, glyphs: Glyphs,
                                   orders: Set<Int>) -> [Int: (text: String, isCode: Bool)] {
        var texts: [Int: (text: String, isCode: Bool)] = [:]
        func visit(_ blocks: [Block]) {
            for block in blocks {
                if orders.contains(block.order) {
                    switch block.kind {
                    case .paragraph(let spans), .heading(_, let spans):
                        let text = InlineStyling.pieces(spans, base: CellStyle(), links: document.links, glyphs: glyphs)
                            .map(\.text).joined()
                        texts[block.order] = (text, false)
                    case .code(_, let code): texts[block.order] = (code, true)
                    case .image(let image): texts[block.order] = (image.alt, false)
                    case .table(let table):
                        texts[block.order] = (([table.header] + table.rows).flatMap { $0.map(\.plainText) }.joined(separator: " "), false)
                    default: break
                    }
                }
                switch block.kind {
                case .section(_, let body), .quote(let body): visit(body)
                case .list(let list): list.items.forEach { visit($0.blocks) }
                default: break
                }
            }
        }
        visit(document.blocks)
        return texts
    }

    /// One line around the match: for code, the matching line; for text, from a little before it.
    static func snippet(_ text: String, around anchor: Anchor, isCode: Bool) -> String {
        if isCode {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = lines.indices.contains(anchor.offset) ? String(lines[anchor.offset]) : ""
            return String(line.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").prefix(160))
        }
        let characters = Array(text)
        var start = max(0, min(anchor.offset, characters.count) - 30)
        // From the start of a word, when one begins between there and the match.
        if start > 0, let space = characters[start..<min(anchor.offset, characters.count)].firstIndex(of: " ") {
            start = space + 1
        }
        var line = String(characters[start..<min(characters.count, start + 160)])
        line = line.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return (start > 0 ? "…" : "") + line
    }
}
