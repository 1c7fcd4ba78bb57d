/// Where keys are written in a config file's text, to name the line of a mistake: the
/// YAML reader's values carry no positions.
struct KeyLines {
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The first line (1-based) after line `after` that starts a `key:` pair, bare or quoted.
    func line(of key: String, after: Int? = nil) -> Int? {
        let spellings = [key + ":", "\"\(key)\":", "'\(key)':"]
        let start = after ?? 0
        guard start < lines.count else { return nil }
        for index in start..<lines.count {
            let text = lines[index].drop { $0 == " " || $0 == "\t" }
            if spellings.contains(where: { text.hasPrefix($0) }) { return index + 1 }
        }
        return nil
    }
}
