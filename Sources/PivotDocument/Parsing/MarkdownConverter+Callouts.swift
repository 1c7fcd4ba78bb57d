import CCmarkGFM

/// Callout boxes (kramdown's `{: .note}`, GitHub's `> [!NOTE]`) and kramdown's `{:toc}`.
extension MarkdownConverter {
    /// A quote marked as a callout, its label as the first block.
    static func callout(_ kind: Callout, around body: [Block], line: Int? = nil) -> Block {
        let label = Block(.paragraph([Span(kind.label, style: .bold)]), line: line ?? body.first?.line ?? 0)
        var block = Block(.quote([label] + body), line: line ?? body.first?.line ?? 0)
        block.callout = kind
        return block
    }

    /// `{: .note}`'s marker (an HTML comment `KramdownAttributes` left), or nil.
    static func calloutMarker(_ node: OpaquePointer) -> (kind: Callout, before: Bool)? {
        guard cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK else { return nil }
        let literal = string(cmark_node_get_literal(node)).trimmingSpaces()
        guard literal.hasPrefix(KramdownAttributes.markerPrefix), literal.hasSuffix("-->") else { return nil }
        let fields = literal.dropFirst(KramdownAttributes.markerPrefix.count).dropLast(3).split(separator: ":")
        guard fields.count == 2, let kind = Callout(rawValue: String(fields[0])) else { return nil }
        return (kind, fields[1] == "before")
    }

    /// A quote whose first line is `[!NOTE]` (`TIP`, `IMPORTANT`, `WARNING`, `CAUTION`): the kind
    /// and the quote's blocks without that line.
    static func githubAlert(_ blocks: [Block]) -> (Callout, [Block])? {
        guard case .paragraph(var spans)? = blocks.first?.kind, let first = spans.first,
              first.style.isEmpty, first.text.hasPrefix("[!") else { return nil }
        let text = first.text
        guard let close = text.firstIndex(of: "]") else { return nil }
        let name = text[text.index(text.startIndex, offsetBy: 2)..<close]
        guard ["note", "tip", "important", "warning", "caution"].contains(name.lowercased()),
              let kind = Callout(rawValue: name.lowercased()) else { return nil }
        let rest = text[text.index(after: close)...].drop { $0 == " " }
        if rest.isEmpty { spans.removeFirst() } else { spans[0].text = String(rest) }
        // The soft break after the marker line.
        while let head = spans.first, head.text.allSatisfy({ $0 == " " || $0 == "\n" }) { spans.removeFirst() }
        var body = Array(blocks.dropFirst())
        if !spans.isEmpty {
            var paragraph = blocks[0]
            paragraph.kind = .paragraph(spans)
            body.insert(paragraph, at: 0)
        }
        return (kind, body)
    }

    /// The page's headings as a list of links to them, where `{:toc}` asked for it.
    static func tableOfContents(replacingMarkerIn blocks: [Block], links: inout [Link]) -> [Block] {
        var headings: [(level: Int, text: String, slug: String)] = []
        var used: [String: Int] = [:]
        func collect(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .heading(let level, let spans):
                    let slug = HeadingIDs.githubSlug(spans.plainText)
                    let count = used[slug, default: 0]
                    used[slug] = count + 1
                    headings.append((level, spans.plainText, count == 0 ? slug : "\(slug)-\(count)"))
                case .quote(let inner): collect(inner)
                default: break
                }
            }
        }
        collect(blocks)
        return blocks.map { block in
            guard case .paragraph(let spans) = block.kind, spans.plainText == tableOfContentsPlaceholder else { return block }
            guard let top = headings.map(\.level).min() else { return Block(.paragraph([]), line: block.line) }
            let items = headings.map { heading -> ListItem in
                let index = links.count
                links.append(Link(text: heading.text, target: "#" + heading.slug))
                let indent = String(repeating: "  ", count: heading.level - top)
                return ListItem(blocks: [Block(.paragraph([Span(indent), Span(heading.text, style: .link, link: index)]), line: block.line)])
            }
            return Block(.list(ListBlock(ordered: false, items: items)), line: block.line)
        }
    }

    /// What the table of contents marker becomes until the page's headings are known.
    static let tableOfContentsPlaceholder = "\u{E003}toc"
}
