/// A foldable part of the page. Titles are the page's own words.
public struct Section: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Opened by a heading; the heading is the first block of its body.
        case heading(level: Int)
        /// A lead paragraph and the lead-word list it introduces.
        case group
        /// One item of a lead-word list; the title is its lead word.
        case item
        /// A run of text between groups on a page without headings.
        case passage
    }

    public var id: Int
    public var kind: Kind
    public var title: String
    /// Depth in the outline, 1 for top-level sections.
    public var depth: Int
    public var parent: Int?
    public var children: [Int]
    /// Folded when the page opens (a `<details>` without `open`, as browsers show it).
    public var startsFolded: Bool

    public init(id: Int, kind: Kind, title: String, depth: Int, parent: Int?, children: [Int] = [],
                startsFolded: Bool = false) {
        self.id = id
        self.kind = kind
        self.title = title
        self.depth = depth
        self.parent = parent
        self.children = children
        self.startsFolded = startsFolded
    }
}
