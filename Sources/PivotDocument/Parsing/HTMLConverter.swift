/// Reads an HTML block of a Markdown page: headings, rules and images keep their meaning,
/// comments, scripts and styles vanish, every other tag is dropped and its text kept.
struct HTMLConverter {
    var links: [Link]
    private var blocks: [Block] = []
    private var spans: Inlines = []
    private var styles: [(tag: String, style: TextStyle)] = [] {
        didSet { style = styles.reduce(TextStyle()) { $0.union($1.style) } }
    }
    /// The union of `styles`, kept up to date rather than recomputed for every run of text.
    private var style = TextStyle()
    private var heading: Int?
    /// Ids (`id=`, `<a name=>`) met since the last block: they name the next block made.
    private(set) var pendingAnchorIDs: [String] = []
    private var link: Int?
    private var skipping: String?
    private var preformatted = 0
    private var line = 0
    /// The `<table>` being read; nested tables are read as the text of their cells.
    private var table: HTMLTableBuilder?
    private var tableDepth = 0
    private var inCell = false
    /// Tags that centre what they hold, open now (`<p align="center">`, `<center>`).
    private var centering: [String] = []
    /// Blocks made since `<dd>` opened: the definition, indented under its term.
    private var definitionStart: Int?
    /// `sup` or `sub` while one is open.
    private var script: String?

    init(links: [Link]) {
        self.links = links
    }

    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "figure", "figcaption", "blockquote",
        "ul", "ol", "li", "table", "tr", "thead", "tbody", "pre", "details", "summary", "main", "nav",
        "aside", "dl", "dt", "dd", "center", "form",
    ]

    static func inlineStyle(of tag: String) -> TextStyle? {
        switch tag {
        case "b", "strong": return .bold
        case "i", "em", "cite", "var": return .italic
        case "u", "ins": return .underline
        case "code", "kbd", "samp", "tt": return .code
        case "s", "del", "strike": return .strike
        case "mark": return .mark
        default: return nil
        }
    }

    static func image(from attributes: HTMLAttributes) -> Image {
        Image(alt: TextSanitizer.clean(attributes["alt"] ?? attributes["title"] ?? "").trimmingSpaces(),
              source: TextSanitizer.clean(attributes["src"] ?? ""))
    }

    mutating func blocks(from html: String, line: Int) -> [Block] {
        self.line = line
        for token in HTMLTokenizer.tokens(LiquidRenderer.removingDimMarkers(html)) {
            if let tag = skipping {
                if case .end(let name) = token, name == tag { skipping = nil }
                continue
            }
            switch token {
            case .comment:
                break
            case .text(let text):
                addText(text)
            case .start(let name, let attributes, let selfClosing):
                start(name, attributes: attributes, selfClosing: selfClosing)
            case .end(let name):
                end(name)
            }
        }
        flush()
        closeDefinition()
        return blocks
    }

    private mutating func start(_ name: String, attributes: HTMLAttributes, selfClosing: Bool) {
        // After the tag's own work: a heading's start ends the paragraph before it, which the id is not for.
        defer {
            for key in ["id", "name"] where key == "id" || name == "a" {
                if let id = attributes[key], !id.isEmpty, pendingAnchorIDs.count < 64 {
                    pendingAnchorIDs.append(TextSanitizer.clean(id))
                }
            }
        }
        if tableStart(name, attributes: attributes, selfClosing: selfClosing) { return }
        if !selfClosing, name == "center" || attributes["align"]?.lowercased() == "center", centering.count < 64,
           Self.blockTags.contains(name) || name.first == "h" {
            flush()
            centering.append(name)
        }
        switch name {
        case "sup", "sub":
            if !selfClosing { script = name }
        case "dt":
            flush()
            closeDefinition()
            styles.append((name, .bold))
        case "dd":
            flush()
            closeDefinition()
            definitionStart = blocks.count
        case "script", "style", "template", "noscript", "iframe", "svg", "math":
            if !selfClosing { skipping = name }
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush()
            heading = Int(String(name.dropFirst()))
        case "hr":
            flush()
            appendBlock(Block(.rule, line: line))
        case "img":
            flush()
            appendBlock(Block(.image(Self.image(from: attributes)), line: line))
        case "br":
            spans.append(Span("\n"))
        case "a":
            if let href = attributes["href"], !selfClosing {
                link = links.count
                links.append(Link(text: "", target: TextSanitizer.clean(href)))
            }
        case "pre":
            flush()
            preformatted += 1
        default:
            if Self.blockTags.contains(name) {
                flush()
                if name == "li" { spans.append(Span("• ")) }
            } else if let style = Self.inlineStyle(of: name), !selfClosing, styles.count < InlineConverter.openTagLimit {
                styles.append((name, style))
            }
        }
    }

    private mutating func end(_ name: String) {
        if tableEnd(name) { return }
        if let index = centering.lastIndex(of: name) {
            flush()
            centering.remove(at: index)
        }
        switch name {
        case "sup", "sub":
            if script == name { script = nil }
        case "dt":
            flush()
            if let index = styles.lastIndex(where: { $0.tag == "dt" }) { styles.remove(at: index) }
        case "dd", "dl":
            flush()
            closeDefinition()
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush()
        case "a":
            link = nil
        case "pre":
            flush()
            preformatted = max(0, preformatted - 1)
        default:
            if Self.blockTags.contains(name) {
                flush()
            } else if let index = styles.lastIndex(where: { $0.tag == name }) {
                styles.remove(at: index)
            }
        }
    }

    /// The blocks of a `<dd>` become one indented definition.
    private mutating func closeDefinition() {
        guard let start = definitionStart else { return }
        definitionStart = nil
        guard start < blocks.count else { return }
        var definition = Block(.quote(Array(blocks[start...])), line: blocks[start].line)
        definition.isDefinition = true
        blocks.removeSubrange(start...)
        blocks.append(definition)
    }

    // MARK: Tables

    /// Table tags while a table is read (and `<table>` itself); true when the tag was taken.
    private mutating func tableStart(_ name: String, attributes: HTMLAttributes, selfClosing: Bool) -> Bool {
        if name == "table" {
            tableDepth += 1
            guard tableDepth == 1, !selfClosing else { return true }
            flush()
            table = HTMLTableBuilder()
            return true
        }
        guard table != nil else { return false }
        switch name {
        case "thead", "tbody", "tfoot":
            table?.startSection(name)
        case "tr":
            endCell()
            table?.startRow()
        case "td", "th":
            guard tableDepth == 1 else { spans.append(Span(" ")); return true }
            endCell()
            spans = []
            table?.startCell(isHeader: name == "th", colspan: attributes["colspan"])
            inCell = true
        case "br":
            spans.append(Span("\n"))
        case "img":
            let image = Self.image(from: attributes)
            spans.append(Span(image.label, style: .dim))
        case "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre":
            break  // a cell holds text only
        default:
            // Inside a cell, blocks are only breaks in its text.
            if Self.blockTags.contains(name) { spans.append(Span(" ")); return true }
            return false
        }
        return true
    }

    private mutating func tableEnd(_ name: String) -> Bool {
        if name == "table" {
            tableDepth = max(0, tableDepth - 1)
            guard tableDepth == 0, table != nil else { return true }
            endCell()
            if let built = table?.table() { appendBlock(Block(.table(built), line: line)) }
            table = nil
            spans = []
            return true
        }
        guard table != nil else { return false }
        switch name {
        case "td", "th": endCell()
        case "tr": endCell(); table?.endRow()
        case "thead", "tbody", "tfoot": table?.startSection("")
        case "h1", "h2", "h3", "h4", "h5", "h6", "pre": break
        default:
            if Self.blockTags.contains(name) { spans.append(Span(" ")); return true }
            return false
        }
        return true
    }

    private mutating func endCell() {
        guard inCell else { return }
        inCell = false
        table?.endCell(spans)
        spans = []
    }

    private mutating func addText(_ raw: String) {
        var text = preformatted > 0 ? raw : Self.collapsingWhitespace(raw)
        if let script { text = ScriptText.text(text, in: script) }
        guard !text.isEmpty else { return }
        let style = self.style.union(link == nil ? [] : .link)
        let clean = TextSanitizer.clean(text, keepNewlines: preformatted > 0)
        if let link, links.indices.contains(link) { links[link].text += clean }
        spans.append(Span(clean, style: style, link: link))
    }

    /// Ends the paragraph or heading being collected.
    private mutating func flush() {
        defer { spans = []; heading = nil }
        let text = spans.plainText
        guard text.contains(where: { !$0.isWhitespace }) else { return }
        var trimmed = spans
        trimmed[0].text = String(trimmed[0].text.drop(while: { $0 == " " }))
        let lastIndex = trimmed.count - 1
        while trimmed[lastIndex].text.hasSuffix(" ") { trimmed[lastIndex].text.removeLast() }
        if preformatted > 0 {
            appendBlock(Block(.code(language: "", text: text), line: line))
        } else if let level = heading {
            appendBlock(Block(.heading(level: level, trimmed), line: line))
        } else {
            appendBlock(Block(.paragraph(trimmed), line: line))
        }
    }

    private mutating func appendBlock(_ block: Block) {
        var block = block
        block.isCentered = !centering.isEmpty
        block.anchorIDs = pendingAnchorIDs
        pendingAnchorIDs = []
        blocks.append(block)
    }

    static func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for character in text {
            if character.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        return result
    }
}
