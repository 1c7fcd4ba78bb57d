/// What a cell means, not how it looks: the terminal front picks colours per theme.
public enum ColorRole: UInt8, CaseIterable, Sendable {
    case text, heading, title, link, code, quote, marker, muted, rule, image, header, status, match, warning
    /// Named colours an animation's frames may ask for.
    case red, green, yellow, blue, magenta, cyan, white
}

public struct CellAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let italic = CellAttributes(rawValue: 1 << 1)
    public static let underline = CellAttributes(rawValue: 1 << 2)
    public static let dim = CellAttributes(rawValue: 1 << 3)
    public static let reverse = CellAttributes(rawValue: 1 << 4)
    public static let strike = CellAttributes(rawValue: 1 << 5)
    /// The focused section's line: a background tint where colours allow, else reverse.
    public static let highlight = CellAttributes(rawValue: 1 << 6)
}

public struct CellStyle: Hashable, Sendable {
    public var role: ColorRole
    public var attributes: CellAttributes

    public init(_ role: ColorRole = .text, _ attributes: CellAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    public static let plain = CellStyle()
}
