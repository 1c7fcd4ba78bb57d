import PivotDocument

/// Where a search query occurs in the whole page, folded parts included, with the sections
/// that hold each match (so they can be unfolded to show it).
struct SearchIndex {
    struct Match {
        var anchor: Anchor
        var sections: [Int]
    }

    /// Smart case, as in less -i and vim: a query with no capital letter ignores case.
    static func ignoresCase(_ query: String) -> Bool {
        !query.contains { $0.isUppercase }
    }

    static func matches(of query: String, in document: Document, glyphs: Glyphs) -> [Match] {
        var matches: [Match] = []
        let needle = ignoresCase(query) ? query.lowercased() : query
        let fold = ignoresCase(query)

        func scan(_ text: String, order: Int, sections: [Int], offsetIsLine: Bool = false) {
            let haystack = fold ? text.lowercased() : text
            var searchStart = haystack.startIndex
            while let range = haystack[searchStart...].firstRange(of: needle) {
                let offset: Int
                if offsetIsLine {
                    offset = haystack[..<range.lowerBound].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
                } else {
                    offset = haystack.distance(from: haystack.startIndex, to: range.lowerBound)
                }
                matches.append(Match(anchor: Anchor(order: order, offset: offset), sections: sections))
                searchStart = range.upperBound
            }
        }

        func visit(_ blocks: [Block], sections: [Int]) {
            for block in blocks {
                switch block.kind {
                case .paragraph(let spans), .heading(_, let spans):
                    let text = InlineStyling.pieces(spans, base: CellStyle(), links: document.links, glyphs: glyphs,
                                                          numberOffset: document.linkNumberOffset)
                        .map(\.text).joined()
                    scan(text, order: block.order, sections: sections)
                case .code(_, let code):
                    scan(code, order: block.order, sections: sections, offsetIsLine: true)
                case .image(let image):
                    scan(image.alt, order: block.order, sections: sections)
                case .table(let table):
                    let text = ([table.header] + table.rows).flatMap { $0.map(\.plainText) }.joined(separator: " ")
                    if (fold ? text.lowercased() : text).contains(needle) {
                        matches.append(Match(anchor: Anchor(order: block.order, offset: 0), sections: sections))
                    }
                case .quote(let inner):
                    visit(inner, sections: sections)
                case .list(let list):
                    for item in list.items {
                        visit(item.blocks, sections: item.section.map { sections + [$0] } ?? sections)
                    }
                case .section(let id, let body):
                    visit(body, sections: sections + [id])
                case .rule:
                    break
                }
            }
        }
        guard !needle.isEmpty else { return [] }
        visit(document.blocks, sections: [])
        return matches
    }
}

extension PageIndex {
    /// How many times `/` finds `query` in each piece of a very large page: every piece parsed in
    /// turn and let go, its bytes read by `bytes` (nil: unreadable, counted as none).
    public func matchCounts(of query: String, glyphs: Glyphs, site: SiteContext? = nil,
                            bytes: (Range<Int>) -> [UInt8]?) -> [Int] {
        pieces.indices.map { piece in
            let range = piece..<piece + 1
            guard let pieceBytes = bytes(byteRange(of: range)),
                  let document = document(pieces: range, bytes: pieceBytes, site: site) else { return 0 }
            return SearchIndex.matches(of: query, in: document, glyphs: glyphs).count
        }
    }
}
