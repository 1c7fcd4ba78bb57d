import PivotDocument

/// The text of the help, info and outline panels, as styled lines.
enum Panels {
    typealias Line = [(text: String, style: CellStyle)]

    static let keyBindings: [(keys: String, action: String)] = [
        ("j k  ↓ ↑", "line down, up"),
        ("space PgDn  b PgUp", "page down, up"),
        ("d u", "half page down, up"),
        ("g Home  G End", "top, bottom"),
        ("Ctrl-G", "where you are: lines, percentage"),
        ("Tab ]  Shift-Tab [", "next, previous section (takes the focus)"),
        ("Enter", "fold or unfold the focused section"),
        ("h ←  l →", "fold; unfold (again: to parent, to first child)"),
        ("-  + =", "fold all, unfold all"),
        ("1 … 9", "jump to top-level section N"),
        ("t", "outline: pick a section to jump to"),
        ("/  n N", "search (smart case); next, previous match"),
        ("f N Enter", "follow link N (the numbers shown as [N])"),
        ("L", "links panel: pick a link and press Enter"),
        ("B Backspace  F", "back, forward"),
        ("s", "site index: type to filter, / searches every page"),
        ("i", "page info: front matter, links, notes"),
        ("p", "pause or resume the animation"),
        ("?", "this help"),
        ("q  Ctrl-C", "quit (q or Esc closes a panel)"),
        ("mouse", "wheel scrolls; click ▸/▾ to fold, a link to follow"),
    ]

    static var helpLines: [Line] {
        var lines: [Line] = [[("Keys", CellStyle(.heading, .bold))], []]
        for binding in keyBindings {
            let padded = binding.keys + String(repeating: " ", count: max(1, 22 - CellWidth.of(binding.keys)))
            lines.append([(padded, CellStyle(.marker, .bold)), (binding.action, CellStyle())])
        }
        return lines
    }

    static func infoLines(for document: Document, place: [MetadataEntry] = []) -> [Line] {
        var lines: [Line] = [[("Page", CellStyle(.heading, .bold))], []]
        lines.append([("title: ", CellStyle(.muted)), (document.title ?? "(none)", CellStyle())])
        for entry in place {
            lines.append([(entry.key + ": ", CellStyle(.muted)), (entry.value, CellStyle(.link))])
        }
        for entry in document.metadata where entry.key != "title" {
            lines.append([(entry.key + ": ", CellStyle(.muted)), (entry.value, CellStyle())])
        }
        if !document.links.isEmpty {
            lines += [[], [("Links", CellStyle(.heading, .bold))], []]
            for (index, link) in document.links.enumerated() {
                lines.append([("[\(index + 1 + document.linkNumberOffset)] ", CellStyle(.muted)), (link.target, CellStyle(.link, .underline)),
                              (link.text.isEmpty ? "" : "  " + link.text, CellStyle(.muted, .dim))])
            }
        }
        if !document.warnings.isEmpty {
            lines += [[], [("Notes", CellStyle(.heading, .bold))], []]
            for warning in document.warnings { lines.append([("! ", CellStyle(.warning, .bold)), (warning, CellStyle())]) }
        }
        return lines
    }

    static func outlineLines(for document: Document, folds: Set<Int>, glyphs: Glyphs) -> [Line] {
        document.sections.map { section in
            let indent = String(repeating: "  ", count: section.depth - 1)
            let marker = section.children.isEmpty && folds.contains(section.id) == false
                ? " " : (folds.contains(section.id) ? glyphs.folded : glyphs.unfolded)
            return [(indent + marker + " ", CellStyle(.marker)), (section.title, CellStyle())]
        }
    }
}
