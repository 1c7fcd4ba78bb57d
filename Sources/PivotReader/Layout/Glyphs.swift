/// The characters the reader draws itself, in Unicode or, for terminals without UTF-8, ASCII.
public struct Glyphs: Hashable, Sendable {
    public var folded: String
    public var unfolded: String
    public var bullets: [String]
    public var rule: String
    public var quote: String
    public var ellipsis: String
    public var checked: String
    public var unchecked: String
    public var columnSeparator: String
    public var rowSeparator: String
    public var crossing: String
    public var previewSeparator: String
    /// Corners of the animation pane's frame: top left, top right, bottom left, bottom right.
    public var corners: [String]
    public var captionSeparator: String

    public static let unicode = Glyphs(
        folded: "▸", unfolded: "▾", bullets: ["•", "◦", "▪"], rule: "─", quote: "│", ellipsis: "…",
        checked: "☑", unchecked: "☐", columnSeparator: "│", rowSeparator: "─", crossing: "┼",
        previewSeparator: " — ", corners: ["┌", "┐", "└", "┘"], captionSeparator: " · ")

    public static let ascii = Glyphs(
        folded: ">", unfolded: "v", bullets: ["*", "-", "+"], rule: "-", quote: "|", ellipsis: "...",
        checked: "[x]", unchecked: "[ ]", columnSeparator: "|", rowSeparator: "-", crossing: "+",
        previewSeparator: " - ", corners: ["+", "+", "+", "+"], captionSeparator: " - ")
}
