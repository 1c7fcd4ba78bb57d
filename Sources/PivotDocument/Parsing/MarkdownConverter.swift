import CCmarkGFM

/// Parses Markdown with cmark-gfm (tables, strikethrough, task lists, autolinks) and turns
/// its tree into `Block`s. Raw HTML in the tree is read by `HTMLConverter`.
struct MarkdownConverter {
    /// Blocks nested deeper than this are flattened into text: a page of 10,000 nested
    /// quotes must not exhaust the stack.
    static let depthLimit = 48

    var links: [Link] = []
    /// Ids an HTML block set with nothing to show (`<a name="x"></a>`): they name the next block.
    var pendingAnchorIDs: [String] = []
    /// Notes seen so far: cmark-gfm puts them at the end, numbered as their references.
    var footnoteCount = 0
    /// A `{:toc}` placeholder was made: the headings' list replaces it once all blocks are read.
    var sawTableOfContents = false

    static func parse(_ markdown: String) -> (blocks: [Block], links: [Link]) {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES) else {
            return ([], [])
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        bytes = []
        guard let root = cmark_parser_finish(parser) else { return ([], []) }
        defer { cmark_node_free(root) }
        var converter = MarkdownConverter()
        var blocks = converter.blocks(childrenOf: root, depth: 0)
        if converter.sawTableOfContents {
            blocks = tableOfContents(replacingMarkerIn: blocks, links: &converter.links)
        }
        return (blocks, converter.links)
    }

    // MARK: - Blocks

    mutating func blocks(childrenOf parent: OpaquePointer, depth: Int) -> [Block] {
        var nodes: [OpaquePointer] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            nodes.append(node)
            child = cmark_node_next(node)
        }
        return blocks(fromNodes: nodes, depth: depth)
    }

    mutating func blocks(fromNodes nodes: [OpaquePointer], depth: Int) -> [Block] {
        var result: [Block] = []
        var pendingCallout: Callout?
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            index += 1
            // `<details>` … `</details>` across blocks: the blocks between become a foldable section.
            if let opening = Self.detailsOpening(node) {
                var inner: [OpaquePointer] = []
                var nesting = 1
                while index < nodes.count {
                    let next = nodes[index]
                    index += 1
                    if Self.detailsOpening(next) != nil { nesting += 1 }
                    if Self.closesDetails(next) {
                        nesting -= 1
                        if nesting == 0 { break }
                    }
                    inner.append(next)
                }
                result.append(details(opening, body: inner, line: Int(cmark_node_get_start_line(node)), depth: depth))
                continue
            }
            // kramdown's `{: .note}` (see KramdownAttributes): a marker for the block before or after it.
            if let marker = Self.calloutMarker(node) {
                if marker.before { pendingCallout = marker.kind } else if let last = result.indices.last {
                    result[last] = Self.callout(marker.kind, around: [result[last]])
                }
                continue
            }
            var converted = block(node, depth: depth)
            if !pendingAnchorIDs.isEmpty, !converted.isEmpty {
                converted[0].anchorIDs += pendingAnchorIDs
                pendingAnchorIDs = []
            }
            if let kind = pendingCallout, !converted.isEmpty {
                converted = [Self.callout(kind, around: converted)]
                pendingCallout = nil
            }
            result += converted
        }
        return result
    }

    mutating func block(_ node: OpaquePointer, depth: Int) -> [Block] {
        let line = Int(cmark_node_get_start_line(node))
        if depth > Self.depthLimit {
            return [Block(.paragraph([Span(TextSanitizer.clean(Self.allText(node)))]), line: line)]
        }
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_PARAGRAPH:
            var inline = InlineConverter(links: links)
            let spans = inline.convert(childrenOf: node)
            links = inline.links
            pendingAnchorIDs += inline.anchorIDs
            if inline.holdsOnlyImages { return inline.images.map { Block(.image($0), line: line) } }
            return spans.isEmpty ? [] : [Block(.paragraph(spans), line: line)]
        case CMARK_NODE_HEADING:
            var inline = InlineConverter(links: links)
            var spans = inline.convert(childrenOf: node)
            links = inline.links
            var ids = inline.anchorIDs
            // kramdown's `## Title {#id}` and `{: #id .class}`: the id names the heading; neither is shown.
            if let last = spans.indices.last {
                let (text, id) = HeadingIDs.removingAttributes(spans[last].text)
                if text != spans[last].text {
                    spans[last].text = text
                    if text.isEmpty { spans.removeLast() }
                }
                if let id { ids.append(TextSanitizer.clean(id)) }
            }
            return [Block(.heading(level: Int(cmark_node_get_heading_level(node)), spans), line: line, anchorIDs: ids)]
        case CMARK_NODE_THEMATIC_BREAK:
            return [Block(.rule, line: line)]
        case CMARK_NODE_CODE_BLOCK:
            let info = Self.string(cmark_node_get_fence_info(node))
            let words = info.split(separator: " ")
            var text = LiquidRenderer.removingDimMarkers(Self.string(cmark_node_get_literal(node)))
            if text.hasSuffix("\n") { text.removeLast() }
            var block = Block(.code(language: TextSanitizer.clean(Self.language(ofFence: words.first ?? "")),
                                    text: TextSanitizer.clean(text, keepNewlines: true)), line: line)
            // `{% highlight ruby linenos %}` arrives as the fence `ruby linenos` (LiquidRenderer).
            block.showsLineNumbers = words.dropFirst().contains("linenos")
            return [block]
        case CMARK_NODE_BLOCK_QUOTE:
            let inner = blocks(childrenOf: node, depth: depth + 1)
            if let (kind, body) = Self.githubAlert(inner) { return [Self.callout(kind, around: body, line: line)] }
            return [Block(.quote(inner), line: line)]
        case CMARK_NODE_LIST:
            return [Block(.list(list(node, depth: depth)), line: line)]
        case CMARK_NODE_HTML_BLOCK where Self.string(cmark_node_get_literal(node)).trimmingSpaces()
            == KramdownAttributes.tableOfContentsMarker:
            sawTableOfContents = true
            return [Block(.paragraph([Span(Self.tableOfContentsPlaceholder)]), line: line)]
        case CMARK_NODE_HTML_BLOCK:
            var html = HTMLConverter(links: links)
            var result = html.blocks(from: Self.string(cmark_node_get_literal(node)), line: line)
            links = html.links
            if result.isEmpty { pendingAnchorIDs += html.pendingAnchorIDs } else { result[result.count - 1].anchorIDs += html.pendingAnchorIDs }
            return result
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            footnoteCount += 1
            let number = String(footnoteCount)
            var body = blocks(childrenOf: node, depth: depth + 1)
            let marker = Span(Footnotes.marker(number) + " ", style: .dim)
            if case .paragraph(let spans)? = body.first?.kind {
                body[0].kind = .paragraph([marker] + spans)
            } else {
                body.insert(Block(.paragraph([marker]), line: line), at: 0)
            }
            body[0].anchorIDs.append(Footnotes.anchor(number))
            // A rule before the first note sets the notes apart from the page, as sites show them.
            return (footnoteCount == 1 ? [Block(.rule, line: line)] : []) + body
        default:
            if Self.typeName(node) == "table" { return [Block(.table(table(node)), line: line)] }
            return blocks(childrenOf: node, depth: depth + 1)
        }
    }

    mutating func list(_ node: OpaquePointer, depth: Int) -> ListBlock {
        var items: [ListItem] = []
        var child = cmark_node_first_child(node)
        while let item = child {
            let checked: Bool? = Self.typeName(item) == "tasklist"
                ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil
            items.append(ListItem(blocks: blocks(childrenOf: item, depth: depth + 1), checked: checked))
            child = cmark_node_next(item)
        }
        return ListBlock(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)),
                         tight: cmark_node_get_list_tight(node) != 0,
                         items: items)
    }

    mutating func table(_ node: OpaquePointer) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for index in 0..<columns {
                switch raw[index] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [Inlines] = []
        var rows: [[Inlines]] = []
        var rowNode = cmark_node_first_child(node)
        while let row = rowNode {
            var cells: [Inlines] = []
            var cellNode = cmark_node_first_child(row)
            while let cell = cellNode {
                var inline = InlineConverter(links: links)
                cells.append(inline.convert(childrenOf: cell))
                links = inline.links
                cellNode = cmark_node_next(cell)
            }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
            rowNode = cmark_node_next(row)
        }
        return Table(alignments: alignments, header: header, rows: rows)
    }

    // MARK: - Helpers

    static func typeName(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    /// A fence's language as highlighters name it: `Python`, `{.python}` and `python{1,3}` are `python`.
    static func language(ofFence word: Substring) -> String {
        let name = word.drop { $0 == "{" || $0 == "." }
            .prefix { $0.isLetter || $0.isNumber || "+#-_".contains($0) }
        return name.lowercased()
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// All literal text under `node`, walked without recursion.
    static func allText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += LiquidRenderer.removingDimMarkers(string(cmark_node_get_literal(current)))
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_PARAGRAPH {
                text += " "
            }
        }
        return text
    }
}
