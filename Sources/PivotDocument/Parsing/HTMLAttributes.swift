/// A tag's attributes, in the order the tag gives them; a name given twice keeps its last value.
/// A tag has a handful: a list read from the front costs less than a dictionary, and the
/// standard library's `[String: String]` is the one generic type the reader's start would
/// otherwise look up by its mangled name (a scan of every conformance record in the binary).
public struct HTMLAttributes: Equatable, Sendable, ExpressibleByDictionaryLiteral {
    private var pairs: [(name: String, value: String)] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { self[name] = value }
    }

    public var count: Int { pairs.count }

    public subscript(name: String) -> String? {
        get { pairs.first { $0.name == name }?.value }
        set {
            let index = pairs.firstIndex { $0.name == name }
            switch (index, newValue) {
            case (let index?, let value?): pairs[index].value = value
            case (let index?, nil): pairs.remove(at: index)
            case (nil, let value?): pairs.append((name, value))
            case (nil, nil): break
            }
        }
    }

    /// The same names with the same values, in any order.
    public static func == (left: HTMLAttributes, right: HTMLAttributes) -> Bool {
        left.count == right.count && left.pairs.allSatisfy { right[$0.name] == $0.value }
    }
}
