/// A labelled box around a block, as sites style `{: .note}` (kramdown) or `> [!NOTE]` (GitHub).
public enum Callout: String, Sendable, CaseIterable {
    case note, info, tip, important, warning, caution, danger

    /// The label shown at the top of the box.
    public var label: String {
        rawValue.prefix(1).uppercased() + rawValue.dropFirst()
    }

    /// The kind named by a kramdown class list: the gravest one (`.note .warning` is a warning,
    /// as Jekyll's own stylesheet draws it).
    static func kind(ofClasses classes: [Substring]) -> Callout? {
        let named = classes.compactMap { Callout(rawValue: $0.lowercased()) }
        return named.max { allCases.firstIndex(of: $0)! < allCases.firstIndex(of: $1)! }
    }
}
