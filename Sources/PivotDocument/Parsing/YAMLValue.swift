/// A YAML node as libyaml reports it. Aliases are not expanded (a page cannot blow up
/// memory with nested anchors); they read as `.null`.
public indirect enum YAMLValue: Sendable, Equatable {
    case null
    case scalar(String)
    case sequence([YAMLValue])
    case mapping([(key: String, value: YAMLValue)])

    public static func == (lhs: YAMLValue, rhs: YAMLValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.scalar(a), .scalar(b)): return a == b
        case let (.sequence(a), .sequence(b)): return a == b
        case let (.mapping(a), .mapping(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The value under `key` of a mapping.
    public subscript(key: String) -> YAMLValue? {
        guard case .mapping(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// A scalar's text; nil for YAML's null spellings and for collections.
    public var string: String? {
        guard case .scalar(let text) = self else { return nil }
        return text
    }

    /// A one-line rendering for the info view: scalars as they are, collections flattened.
    public var summary: String {
        switch self {
        case .null: return ""
        case .scalar(let text): return text
        case .sequence(let items): return items.map(\.summary).joined(separator: ", ")
        case .mapping(let pairs): return pairs.map { "\($0.key): \($0.value.summary)" }.joined(separator: "; ")
        }
    }
}
