/// A page made ready for a terminal: every string in it is already safe to show
/// (see `TextSanitizer`), and its blocks are wrapped into foldable sections by `OutlineBuilder`.
public struct Document: Sendable {
    /// The page's title: front matter `title`, else its first level-1 heading.
    public var title: String?
    /// Front matter as key and value text, in the page's order, for the info view.
    public var metadata: [MetadataEntry]
    /// Things the reader should know about the page (malformed YAML, removed Liquid tags...).
    public var warnings: [String]
    /// The body, with `.section` blocks where the outline folds.
    public var blocks: [Block]
    /// Every link of the body, in order; a `Span.link` is an index into it.
    public var links: [Link]
    /// The outline: `sections[id]` for every `.section(id)` and list item with a section.
    public var sections: [Section]
    /// True when a heading at the top of the body is the page's title.
    public var titleInBody: Bool
    /// Anchors `#id` of the page (heading slugs, kramdown `{#id}`, HTML `id=`/`name=`) to the
    /// reading order of the block they point at.
    public var anchors: [String: Int] = [:]
    /// Lines of the page's text (a position through a large page is a line among these).
    public var lineCount = 0
    /// Links of the page before this document's first (a piece of a very large page): link
    /// `index` shows as number `index + linkNumberOffset + 1`, as it does in the whole page.
    public var linkNumberOffset = 0

    public init(title: String? = nil, metadata: [MetadataEntry] = [], warnings: [String] = [],
                blocks: [Block] = [], links: [Link] = [], sections: [Section] = [], titleInBody: Bool = false) {
        self.title = title
        self.metadata = metadata
        self.warnings = warnings
        self.blocks = blocks
        self.links = links
        self.sections = sections
        self.titleInBody = titleInBody
    }

    /// Sections directly under the page, in order.
    public var topLevelSections: [Int] {
        sections.filter { $0.parent == nil }.map(\.id)
    }
}

public struct MetadataEntry: Sendable, Hashable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

public struct Link: Sendable, Hashable {
    public var text: String
    public var target: String
    /// A wiki link (`[[Page name]]`): `target` is a page's name, not a path.
    public var isWiki: Bool
    public init(text: String, target: String, isWiki: Bool = false) {
        self.text = text
        self.target = target
        self.isWiki = isWiki
    }
}

extension Document {
    /// Every image block of the page, in reading order.
    public var images: [Image] {
        var found: [Image] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .image(let image): found.append(image)
                case .section(_, let body), .quote(let body): visit(body)
                case .list(let list): list.items.forEach { visit($0.blocks) }
                default: break
                }
            }
        }
        visit(blocks)
        return found
    }
}
