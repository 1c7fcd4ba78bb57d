import PivotDocument

/// Maps the page's inline styles to cell styles, and numbers links the way lynx does:
/// `text[1]`, with the targets listed in the info view and at the end of plain output.
enum InlineStyling {
    static func style(_ textStyle: TextStyle, base: CellStyle) -> CellStyle {
        var style = base
        if textStyle.contains(.bold) { style.attributes.insert(.bold) }
        if textStyle.contains(.italic) { style.attributes.insert(.italic) }
        if textStyle.contains(.underline) { style.attributes.insert(.underline) }
        if textStyle.contains(.strike) { style.attributes.insert(.strike) }
        if textStyle.contains(.code) { style.role = .code }
        if textStyle.contains(.link) {
            style.role = .link
            style.attributes.insert(.underline)
        }
        if textStyle.contains(.mark) { style.attributes.insert(.reverse) }
        if textStyle.contains(.dim) {
            style.role = .muted
            style.attributes.insert(.dim)
        }
        return style
    }

    static func pieces(_ spans: Inlines, base: CellStyle, links: [Link], glyphs: Glyphs,
                       numberOffset: Int = 0) -> [TextWrapper.Piece] {
        var pieces: [TextWrapper.Piece] = []
        for (index, span) in spans.enumerated() {
            var spanStyle = style(span.style, base: base)
            spanStyle.link = span.link
            pieces.append(TextWrapper.Piece(text: span.text, style: spanStyle))
            if let link = span.link, index + 1 == spans.count || spans[index + 1].link != link,
               showsNumber(links, link) {
                pieces.append(TextWrapper.Piece(text: "[\(link + 1 + numberOffset)]", style: CellStyle(.muted, .dim, link: link)))
            }
        }
        return pieces
    }

    /// A link whose text is its own target (an autolink) needs no number.
    static func showsNumber(_ links: [Link], _ index: Int) -> Bool {
        guard links.indices.contains(index) else { return false }
        let link = links[index]
        return !link.target.isEmpty && link.target != link.text && "mailto:" + link.text != link.target
    }
}

/// The text shown after a folded section's title.
enum Preview {
    static let limit = 240

    static func text(of body: [Block], after title: String, kind: Section.Kind) -> String {
        var text = ""
        collect(body, into: &text, skipHeading: { if case .heading = kind { return true } else { return false } }())
        text = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if text.hasPrefix(title) {
            text = String(text.dropFirst(title.count))
            while let first = text.first, first == ":" || first == " " || first == "." { text.removeFirst() }
        }
        return text
    }

    private static func collect(_ blocks: [Block], into text: inout String, skipHeading: Bool) {
        for (index, block) in blocks.enumerated() {
            if text.count >= limit { return }
            switch block.kind {
            case .heading(_, let spans):
                if !(skipHeading && index == 0) { text += spans.plainText + " " }
            case .paragraph(let spans):
                text += spans.plainText + " "
            case .section(_, let inner), .quote(let inner):
                collect(inner, into: &text, skipHeading: false)
            case .list(let list):
                for item in list.items { collect(item.blocks, into: &text, skipHeading: false) }
            case .code(_, let code):
                text += code + " "
            case .image(let image):
                text += "[image: \(image.alt)] "
            case .table(let table):
                text += table.header.map(\.plainText).joined(separator: " ") + " "
            case .rule:
                break
            }
        }
    }
}
