/// Keys a user adds for the reading actions (the config file's `keys:`): each added character
/// stands for the key that does the action by default. The default keys keep working; panels,
/// prompts and the site index's filter take typed characters as they are.
public struct KeyMap: Hashable, Sendable {
    /// The reading actions that can take a key of one's own, by the name the config file uses,
    /// with the key that does each by default.
    public static let actions: [(name: String, key: Key)] = [
        ("down", .character("j")), ("up", .character("k")),
        ("page-down", .character(" ")), ("page-up", .character("b")),
        ("half-page-down", .character("d")), ("half-page-up", .character("u")),
        ("top", .character("g")), ("bottom", .character("G")),
        ("next-section", .tab), ("previous-section", .backTab), ("toggle-fold", .enter),
        ("fold", .character("h")), ("unfold", .character("l")),
        ("fold-all", .character("-")), ("unfold-all", .character("+")),
        ("outline", .character("t")), ("search", .character("/")),
        ("next-match", .character("n")), ("previous-match", .character("N")),
        ("follow-link", .character("f")), ("links", .character("L")),
        ("back", .character("B")), ("forward", .character("F")),
        ("site-index", .character("s")), ("info", .character("i")),
        ("pause", .character("p")), ("help", .character("?")), ("quit", .character("q")),
    ]

    /// Added character -> the default key it stands for.
    public private(set) var bindings: [Character: Key] = [:]

    public init() {}

    /// Adds `character` for the action named `action`; false when no reading action has that name.
    public mutating func bind(_ character: Character, to action: String) -> Bool {
        guard let key = Self.actions.first(where: { $0.name == action })?.key else { return false }
        bindings[character] = key
        return true
    }

    /// The key `key` stands for while reading.
    public func translated(_ key: Key) -> Key {
        guard case .character(let character) = key else { return key }
        return bindings[character] ?? key
    }

    /// The action names with their added characters, in the order of `actions`.
    public var namedBindings: [(action: String, character: Character)] {
        Self.actions.flatMap { action in
            bindings.filter { $0.value == action.key }.keys.sorted().map { (action.name, $0) }
        }
    }
}
