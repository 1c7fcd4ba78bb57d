import CCmarkGFM

/// `<details>` and `<summary>`: a section titled by its summary, folded when the page opens
/// unless the tag says `open`. It reaches the outline as a section placeholder (`Self.detailsFolded`
/// or `Self.detailsOpen` as its id) whose first block is the summary; `OutlineBuilder` makes it a section.
extension MarkdownConverter {
    static let detailsFolded = -1
    static let detailsOpen = -2

    /// An HTML block that opens a `<details>` it does not close: its `open` and its summary text.
    static func detailsOpening(_ node: OpaquePointer) -> (isOpen: Bool, summary: String, rest: String)? {
        guard cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK else { return nil }
        let html = string(cmark_node_get_literal(node))
        let lower = html.lowercased()
        guard lower.trimmingSpaces().hasPrefix("<details"), !lower.contains("</details") else { return nil }
        let tagEnd = lower.firstIndex(of: ">") ?? lower.endIndex
        let isOpen = lower[..<tagEnd].split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { $0.hasPrefix("open") }
        var summary = "Details"
        var rest = String(html[html.index(after: tagEnd == lower.endIndex ? html.index(before: html.endIndex) : tagEnd)...])
        if let open = lower.firstRange(of: "<summary"), let close = lower.firstRange(of: "</summary") {
            let start = lower[open.upperBound...].firstIndex(of: ">").map { lower.index(after: $0) } ?? open.upperBound
            if start <= close.lowerBound {
                let text = TextSanitizer.clean(HTMLText.plain(String(html[start..<close.lowerBound]))).trimmingSpaces()
                if !text.isEmpty { summary = text }
            }
            let after = lower[close.upperBound...].firstIndex(of: ">").map { html.index(after: $0) } ?? html.endIndex
            rest = String(html[after...])
        }
        return (isOpen, summary, rest)
    }

    static func closesDetails(_ node: OpaquePointer) -> Bool {
        guard cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK else { return false }
        return string(cmark_node_get_literal(node)).lowercased().contains("</details")
    }

    mutating func details(_ opening: (isOpen: Bool, summary: String, rest: String), body nodes: [OpaquePointer],
                          line: Int, depth: Int) -> Block {
        var body: [Block] = [Block(.paragraph([Span(opening.summary, style: .bold)]), line: line)]
        if !opening.rest.trimmingSpaces().isEmpty {
            var html = HTMLConverter(links: links)
            body += html.blocks(from: opening.rest, line: line)
            links = html.links
        }
        body += blocks(fromNodes: nodes, depth: depth + 1)
        return Block(.section(opening.isOpen ? Self.detailsOpen : Self.detailsFolded, body), line: line)
    }
}
