/// What a cell means, not how it looks: the terminal front picks colours per theme.
public enum ColorRole: UInt8, CaseIterable, Sendable {
    case text, heading, title, link, code, quote, marker, muted, rule, image, header, status, match, warning
    /// Named colours an animation's frames may ask for.
    case red, green, yellow, blue, magenta, cyan, white
    /// Highlighted code, one role per `CodeTokenKind`.
    case codeKeyword, codeType, codeString, codeComment, codeNumber, codePreprocessor, codeFunction, codeVariable
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

/// Explicit 256-colour palette indices, for the cells of a colour animation.
public struct PaletteColors: Hashable, Sendable {
    public var foreground: UInt8
    public var background: UInt8

    public init(foreground: UInt8, background: UInt8) {
        self.foreground = foreground
        self.background = background
    }
}

public struct CellStyle: Hashable, Sendable {
    public var role: ColorRole
    public var attributes: CellAttributes
    /// Set only on colour-animation cells; the front draws them in a 256-colour terminal and
    /// falls back to a brightness ramp elsewhere.
    public var palette: PaletteColors?
    /// The link as stored: -1 for none. Four bytes, not an optional Int's nine: a style is
    /// copied and compared for every character laid out.
    private var linkIndex: Int32 = -1

    /// The page's link (an index into `Document.links`) these cells show: a click follows it.
    public var link: Int? {
        get { linkIndex < 0 ? nil : Int(linkIndex) }
        set { linkIndex = newValue.map { Int32(clamping: $0) } ?? -1 }
    }

    public init(_ role: ColorRole = .text, _ attributes: CellAttributes = [], palette: PaletteColors? = nil,
                link: Int? = nil) {
        self.role = role
        self.attributes = attributes
        self.palette = palette
        self.link = link
    }

    public static let plain = CellStyle()
}
