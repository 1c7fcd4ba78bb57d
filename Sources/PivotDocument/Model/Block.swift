/// One block of the page, with the source line it starts on and its place in reading order
/// (which keeps the reading position across folds and reflows).
public struct Block: Sendable {
    public var kind: Kind
    public var line: Int
    /// Strictly increasing in reading order over the whole document (set by the outline).
    public var order: Int
    /// Ids the page gives this block (kramdown `{#id}`, HTML `id=`/`name=`), for `#anchor` links.
    public var anchorIDs: [String] = []
    /// Set on a `.quote` that is a callout box (its first block is the label).
    public var callout: Callout?
    /// Centred on its line (`<p align="center">`, `<center>`), as the page's HTML asks.
    public var isCentered = false
    /// Set on a `.quote` that is a definition (`<dd>`): indented under its term, with no bar.
    public var isDefinition = false
    /// A `.code` block's highlighted stretches (see `Document.highlightCode`), by line.
    public var codeTokens: [CodeToken] = []
    /// A `.code` block shown with line numbers (`{% highlight lang linenos %}`).
    public var showsLineNumbers = false

    public init(_ kind: Kind, line: Int, order: Int = 0, anchorIDs: [String] = []) {
        self.kind = kind
        self.line = line
        self.order = order
        self.anchorIDs = anchorIDs
    }

    public indirect enum Kind: Sendable {
        case heading(level: Int, Inlines)
        case paragraph(Inlines)
        case list(ListBlock)
        case quote([Block])
        case code(language: String, text: String)
        case table(Table)
        case rule
        case image(Image)
        /// A foldable section: `Document.sections[id]`, whose body these blocks are.
        case section(Int, [Block])
    }
}

public struct ListBlock: Sendable {
    public var ordered: Bool
    public var start: Int
    public var tight: Bool
    public var items: [ListItem]

    public init(ordered: Bool, start: Int = 1, tight: Bool = true, items: [ListItem]) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
    }
}

public struct ListItem: Sendable {
    public var blocks: [Block]
    /// `true`/`false` for a task-list item, nil otherwise.
    public var checked: Bool?
    /// The section this item opens, when the outline made it foldable.
    public var section: Int?

    public init(blocks: [Block], checked: Bool? = nil, section: Int? = nil) {
        self.blocks = blocks
        self.checked = checked
        self.section = section
    }
}

public struct Table: Sendable {
    public enum Alignment: Sendable { case none, left, center, right }
    public var alignments: [Alignment]
    public var header: [Inlines]
    public var rows: [[Inlines]]

    public init(alignments: [Alignment], header: [Inlines], rows: [[Inlines]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

public struct Image: Sendable, Hashable {
    public var alt: String
    public var source: String
    public init(alt: String, source: String) {
        self.alt = alt
        self.source = source
    }

    /// What stands for a picture that is not drawn: `[image: ALT]`, with the host of a remote
    /// one (`[image: logo · example.org]`), which is never fetched.
    public var label: String { Self.label(alt: alt, source: source) }

    public static func label(alt: String, source: String) -> String {
        let name = alt.isEmpty ? "untitled" : alt
        let lowered = source.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("//") else {
            return "[image: \(name)]"
        }
        let afterScheme: Substring = source.drop { $0 != "/" }.drop { $0 == "/" }
        let authority: Substring = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host: String = authority.split(separator: "@").last.map(String.init) ?? ""
        return host.isEmpty ? "[image: \(name)]" : "[image: \(name) · \(host)]"
    }
}
