import CCmarkGFM

/// Turns a block's inline nodes into styled runs. Text is sanitised here, after cmark-gfm
/// and the HTML tokenizer have decoded entities.
struct InlineConverter {
    /// Inline nesting deeper than this keeps its text and drops further styling.
    static let depthLimit = 32

    var links: [Link]
    private(set) var spans: Inlines = []
    private(set) var images: [Image] = []
    private var sawText = false
    /// Styles opened by inline HTML tags (`<b>`, `<i>`, `<u>`...), by tag name.
    private var htmlStyles: [(tag: String, style: TextStyle)] = [] {
        didSet { htmlStyle = htmlStyles.reduce(TextStyle()) { $0.union($1.style) } }
    }
    /// The union of `htmlStyles`, kept up to date (pages can leave thousands of tags open).
    private var htmlStyle = TextStyle()
    private var htmlLink: Int?
    /// Ids that inline HTML gives the block (`<a name="x">`, `<span id="x">`).
    private(set) var anchorIDs: [String] = []
    /// `sup` or `sub` while one is open in inline HTML.
    private var script: String?
    /// Open style tags beyond this are ignored: their text stays, their style adds nothing new.
    static let openTagLimit = 64

    init(links: [Link]) {
        self.links = links
    }

    /// True when the block held images and nothing else worth showing.
    var holdsOnlyImages: Bool { !images.isEmpty && !sawText }

    mutating func convert(childrenOf node: OpaquePointer) -> Inlines {
        walk(childrenOf: node, style: [], link: nil, depth: 0)
        return spans
    }

    private mutating func walk(childrenOf node: OpaquePointer, style: TextStyle, link: Int?, depth: Int) {
        var child = cmark_node_first_child(node)
        while let current = child {
            guard cmark_node_get_type(current) == CMARK_NODE_TEXT, link == nil, htmlLink == nil else {
                visit(current, style: style, link: link, depth: depth)
                child = cmark_node_next(current)
                continue
            }
            // cmark-gfm splits text at brackets: a wiki link `[[Name]]` spans several text nodes.
            var text = MarkdownConverter.string(cmark_node_get_literal(current))
            child = cmark_node_next(current)
            while let next = child, cmark_node_get_type(next) == CMARK_NODE_TEXT {
                text += MarkdownConverter.string(cmark_node_get_literal(next))
                child = cmark_node_next(next)
            }
            if let script {
                appendText(ScriptText.text(text, in: script), style: style.union(htmlStyle), link: nil)
                continue
            }
            appendTextWithWikiLinks(Emoji.replacingShortcodes(in: text), style: style.union(htmlStyle))
        }
    }

    /// `[[Page name]]` and `[[Page name|shown text]]` become links (resolved by name, not path).
    /// Each pass consumes the text up to a `]]`, so a paragraph of brackets stays linear.
    private mutating func appendTextWithWikiLinks(_ text: String, style: TextStyle) {
        // Most text has no `[[`: a byte scan instead of a string search.
        guard text.utf8.contains(UInt8(ascii: "[")) else { return appendText(text, style: style, link: nil) }
        var rest = Substring(text)
        while let first = rest.firstRange(of: "[["), let close = rest[first.upperBound...].firstRange(of: "]]") {
            // The innermost opening: `[[a [[b]]` links b.
            let open = Self.lastDoubleBracket(in: rest[first.lowerBound..<close.lowerBound]) ?? first.lowerBound
            let inner = rest[rest.index(open, offsetBy: 2)..<close.lowerBound]
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map {
                TextSanitizer.clean(LiquidRenderer.removingDimMarkers(String($0))).trimmingSpaces()
            }
            guard !inner.contains("["), !inner.contains("]"), !inner.contains("\n"), let name = parts.first, !name.isEmpty else {
                appendText(String(rest[..<close.upperBound]), style: style, link: nil)
                rest = rest[close.upperBound...]
                continue
            }
            appendText(String(rest[..<open]), style: style, link: nil)
            let shown = parts.count > 1 && !parts[1].isEmpty ? parts[1] : name
            let index = links.count
            links.append(Link(text: shown, target: name, isWiki: true))
            append(shown, style: style.union(.link), link: index)
            rest = rest[close.upperBound...]
        }
        appendText(String(rest), style: style, link: nil)
    }

    /// Where the last `[[` of `text` starts.
    private static func lastDoubleBracket(in text: Substring) -> Substring.Index? {
        let bytes = text.utf8
        var index = bytes.endIndex
        var followedByBracket = false
        while index > bytes.startIndex {
            index = bytes.index(before: index)
            let isBracket = bytes[index] == UInt8(ascii: "[")
            if isBracket && followedByBracket { return index }
            followedByBracket = isBracket
        }
        return nil
    }

    private mutating func visit(_ node: OpaquePointer, style: TextStyle, link: Int?, depth: Int) {
        let effective = style.union(htmlStyle)
        let effectiveLink = link ?? htmlLink
        let literal = { MarkdownConverter.string(cmark_node_get_literal(node)) }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            appendText(literal(), style: effective, link: effectiveLink)
        case CMARK_NODE_CODE:
            appendText(literal(), style: effective.union(.code), link: effectiveLink)
        case CMARK_NODE_SOFTBREAK:
            append(" ", style: effective, link: effectiveLink)
        case CMARK_NODE_LINEBREAK:
            append("\n", style: [], link: nil)
        case CMARK_NODE_HTML_INLINE:
            html(literal(), style: effective, link: effectiveLink)
        case CMARK_NODE_IMAGE:
            let alt = TextSanitizer.clean(MarkdownConverter.allText(node)).trimmingSpaces()
            let image = Image(alt: alt, source: TextSanitizer.clean(MarkdownConverter.string(cmark_node_get_url(node))))
            images.append(image)
            append(image.label, style: effective.union(.dim), link: effectiveLink, isText: false)
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            let number = TextSanitizer.clean(literal())
            let index = links.count
            links.append(Link(text: "note \(number)", target: "#" + Footnotes.anchor(number)))
            append(Footnotes.marker(number), style: effective.union(.link), link: index, isText: false)
        default:
            guard depth < Self.depthLimit else {
                appendText(MarkdownConverter.allText(node), style: effective, link: effectiveLink)
                return
            }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_EMPH:
                walk(childrenOf: node, style: style.union(.italic), link: link, depth: depth + 1)
            case CMARK_NODE_STRONG:
                walk(childrenOf: node, style: style.union(.bold), link: link, depth: depth + 1)
            case CMARK_NODE_LINK:
                let target = TextSanitizer.clean(LiquidRenderer.removingDimMarkers(
                    MarkdownConverter.string(cmark_node_get_url(node))))
                let index = links.count
                links.append(Link(text: TextSanitizer.clean(MarkdownConverter.allText(node)).trimmingSpaces(),
                                  target: target))
                walk(childrenOf: node, style: style.union(.link), link: index, depth: depth + 1)
            default:
                if MarkdownConverter.typeName(node) == "strikethrough" {
                    walk(childrenOf: node, style: style.union(.strike), link: link, depth: depth + 1)
                } else {
                    walk(childrenOf: node, style: style, link: link, depth: depth + 1)
                }
            }
        }
    }

    /// Inline HTML arrives one tag at a time: keep the meaning of a few tags, drop the rest.
    private mutating func html(_ literal: String, style: TextStyle, link: Int?) {
        for token in HTMLTokenizer.tokens(literal) {
            switch token {
            case .text(let text):
                appendText(text, style: style, link: link)
            case .comment:
                break
            case .start(let name, let attributes, let selfClosing):
                for key in ["id", "name"] where key == "id" || name == "a" {
                    if let id = attributes[key], !id.isEmpty, anchorIDs.count < 64 { anchorIDs.append(TextSanitizer.clean(id)) }
                }
                if name == "sup" || name == "sub" {
                    if !selfClosing { script = name }
                } else if name == "br" {
                    append("\n", style: [], link: nil)
                } else if name == "img" {
                    let image = HTMLConverter.image(from: attributes)
                    images.append(image)
                    append(image.label, style: style.union(.dim), link: link, isText: false)
                } else if name == "a", let href = attributes["href"], !selfClosing {
                    htmlLink = links.count
                    links.append(Link(text: "", target: TextSanitizer.clean(LiquidRenderer.removingDimMarkers(href))))
                } else if let tagStyle = HTMLConverter.inlineStyle(of: name), !selfClosing,
                          htmlStyles.count < Self.openTagLimit {
                    htmlStyles.append((name, tagStyle))
                }
            case .end(let name):
                if name == "sup" || name == "sub" {
                    if script == name { script = nil }
                } else if name == "a" {
                    htmlLink = nil
                } else if let index = htmlStyles.lastIndex(where: { $0.tag == name }) {
                    htmlStyles.remove(at: index)
                }
            }
        }
    }

    /// Text that may carry Liquid's dim markers: unresolved variables become dim runs.
    private mutating func appendText(_ text: String, style: TextStyle, link: Int?) {
        for (piece, dim) in LiquidRenderer.splitDimMarkers(text) {
            append(TextSanitizer.clean(piece), style: dim ? style.union(.dim) : style, link: link)
        }
    }

    /// `isText` is false for the reader's own placeholders, which do not make a block textual.
    private mutating func append(_ text: String, style: TextStyle, link: Int?, isText: Bool = true) {
        guard !text.isEmpty else { return }
        if isText, !sawText, text.contains(where: { !$0.isWhitespace }) { sawText = true }
        if let link, links.indices.contains(link), links[link].text.isEmpty || htmlLink == link {
            links[link].text += text  // the text of an HTML <a> link is only known as it arrives
        }
        if var last = spans.last, last.style == style, last.link == link, text != "\n", last.text != "\n" {
            last.text += text
            spans[spans.count - 1] = last
        } else {
            spans.append(Span(text, style: style, link: link))
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        // A text that starts and ends with a visible ASCII byte has no whitespace character at
        // either end (no cluster joins a space before a letter): itself, without a copy or the
        // grapheme breaking that `last` costs.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
