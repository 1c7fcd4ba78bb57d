/// kramdown reads an HTML block up to its closing tag, blank lines and all; CommonMark ends it at
/// the first blank line, after which the indented rest becomes a code block full of tags. For
/// Jekyll pages (those with front matter) the blank lines inside a block element are dropped
/// before Markdown is parsed, so cmark-gfm sees the element whole, as kramdown does.
enum KramdownHTMLBlocks {
    /// Elements read to their closing tag. Not `pre` (its blank lines are content), not
    /// `details` (a section of the page, see `MarkdownConverter+Details`).
    static let tags: [String] = ["div", "table", "section", "article", "aside", "figure", "nav", "header",
                                 "footer", "main", "dl", "center", "form"]
    /// An element longer than this is left as CommonMark reads it.
    static let lineLimit = 5_000

    static func joined(_ text: String) -> String {
        guard startsABlockElement(text) else { return text }
        let lines = ByteScan.lines(text)
        var output: [Substring] = []
        output.reserveCapacity(lines.count)
        var index = 0
        var fence: Substring?
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                output.append(line)
                index += 1
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == trimmed.first }
                output.append(line)
                index += 1
                continue
            }
            guard line.count - trimmed.count < 4, let tag = openingTag(trimmed),
                  let end = closingLine(of: tag, in: lines, from: index) else {
                output.append(line)
                index += 1
                continue
            }
            for inner in lines[index...end] where !inner.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                output.append(inner)
            }
            index = end + 1
        }
        return output.joined(separator: "\n")
    }

    /// A quick look at the bytes: does any line start (after up to three spaces) with one of
    /// `tags`? Most pages have none, and pay only this scan.
    static func startsABlockElement(_ text: String) -> Bool {
        let names = tags.map { Array($0.utf8) }
        return ByteScan.withBytes(of: text) { bytes in
            var atLineStart = true
            var spaces = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == 0x0A { atLineStart = true; spaces = 0; continue }
                guard atLineStart else { continue }
                if byte == 0x20 && spaces < 3 { spaces += 1; continue }
                atLineStart = false
                guard byte == UInt8(ascii: "<") else { continue }
                var name: [UInt8] = []
                while index < bytes.count {
                    let lower = bytes[index] | 0x20
                    guard lower >= 0x61 && lower <= 0x7A, name.count < 10 else { break }  // read again as a byte of its own
                    name.append(lower)
                    index += 1
                }
                if names.contains(name) { return true }
            }
            return false
        }
    }

    /// The element a line starts with, when it is one of `tags`.
    private static func openingTag(_ line: Substring) -> String? {
        guard line.first == "<" else { return nil }
        let name = line.dropFirst().prefix { $0.isLetter }.lowercased()
        guard tags.contains(name) else { return nil }
        let after = line.dropFirst(1 + name.count).first
        return after == nil || after == " " || after == ">" || after == "\t" ? name : nil
    }

    /// The line where the element opened on line `start` closes (nested ones of its name counted).
    private static func closingLine(of tag: String, in lines: [Substring], from start: Int) -> Int? {
        var depth = 0
        for index in start..<min(lines.count, start + lineLimit) {
            let line = lines[index]
            depth += ByteScan.tagCount(tag, closing: false, in: line)
            depth -= ByteScan.tagCount(tag, closing: true, in: line)
            if depth <= 0 { return index == start ? nil : index }
        }
        return nil
    }
}
