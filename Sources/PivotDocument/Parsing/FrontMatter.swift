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
    /// and a later line is `---` or `...`. Only the lines up to the closing one are looked at.
    public static func split(_ text: String) -> FrontMatter {
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lines: [Substring.UTF8View] = []
        var closingEnd: String.Index?  // where the closing fence's line ends
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = Substring(text[lineStart..<lineEnd]).utf8
            if lines.isEmpty {
                guard isFence(line) else { return FrontMatter(values: .null, body: text, warning: nil) }
            } else if isFence(line) || line.elementsEqual("...".utf8) {
                closingEnd = lineEnd
                break
            }
            lines.append(line)
            lineStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
        }
        guard let closingEnd, !lines.isEmpty else {
            return FrontMatter(values: .null, body: text,
                               warning: "front matter is never closed by a '---' line; shown as text")
        }
        // The lines between the fences, as they are in the text (joined by their LFs).
        let yaml = lines.count > 1 ? String(text[lines[1].startIndex..<lines[lines.count - 1].endIndex]) : ""
        // Blank lines in place of the front matter keep the body's line numbers. (A Substring
        // added with `+` would be appended a Character at a time.)
        var body = String(repeating: "\n", count: lines.count)
        body.append(contentsOf: text[closingEnd...])
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

    private static func isFence(_ line: Substring.UTF8View) -> Bool {
        line.starts(with: "---".utf8) && line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
