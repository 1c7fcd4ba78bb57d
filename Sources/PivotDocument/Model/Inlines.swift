/// How a run of text is styled by the page's own markup.
public struct TextStyle: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextStyle(rawValue: 1 << 0)
    public static let italic = TextStyle(rawValue: 1 << 1)
    public static let code = TextStyle(rawValue: 1 << 2)
    public static let link = TextStyle(rawValue: 1 << 3)
    public static let strike = TextStyle(rawValue: 1 << 4)
    public static let underline = TextStyle(rawValue: 1 << 5)
    /// Text the reader adds or cannot resolve (an unknown `{{ site.key }}`, a link number).
    public static let dim = TextStyle(rawValue: 1 << 6)
    /// Highlighted text (`<mark>`).
    public static let mark = TextStyle(rawValue: 1 << 7)
}

/// A run of inline text with one style. A line break inside a paragraph is a span "\n".
public struct Span: Sendable, Hashable {
    public var text: String
    public var style: TextStyle
    /// Index into `Document.links` when this run is a link's text.
    public var link: Int?

    public init(_ text: String, style: TextStyle = [], link: Int? = nil) {
        self.text = text
        self.style = style
        self.link = link
    }
}

public typealias Inlines = [Span]

extension Array where Element == Span {
    /// The text of the runs with their styles dropped.
    public var plainText: String {
        var result = ""
        for span in self { result += span.text }
        return result
    }
}
