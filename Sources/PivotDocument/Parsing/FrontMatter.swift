/// The YAML block between `---` lines at the top of a Jekyll page.
public struct FrontMatter: Sendable {
    /// The parsed YAML (a mapping for a well-formed page), `.null` when there is none.
    public var values: YAMLValue
    /// The page without its front matter. The front matter's lines are kept as empty lines
    /// so that line numbers still match the file.
    public var body: String
    /// Why the front matter could not be used, for a one-line warning.
    public var warning: String?

    /// Splits `text` the way Jekyll does: front matter only when the very first line is `---`
    /// and a later line is `---` or `...`.
    public static func split(_ text: String) -> FrontMatter {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first) else {
            return FrontMatter(values: .null, body: text, warning: nil)
        }
        guard let end = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0] == "..." }) else {
            return FrontMatter(values: .null, body: text,
                               warning: "front matter is never closed by a '---' line; shown as text")
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        for index in 0...end { lines[index] = "" }
        let body = lines.joined(separator: "\n")
        do {
            let values = try YAMLReader.read(yaml)
            switch values {
            case .mapping, .null:
                return FrontMatter(values: values, body: body, warning: nil)
            default:
                return FrontMatter(values: .null, body: body, warning: "front matter is not a set of keys; ignored")
            }
        } catch {
            return FrontMatter(values: .null, body: body, warning: "front matter is not valid YAML (\(error)); ignored")
        }
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }
}
