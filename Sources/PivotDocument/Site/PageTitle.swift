/// The title a site index shows for a page, read from the head of its file: front matter
/// `title`, else the first heading, else the file's name. Every result is sanitised.
enum PageTitle {
    /// Lines of the head looked at for a heading (the head is a few kilobytes anyway).
    static let lineLimit = 400

    static func title(front: FrontMatter, path: String) -> String {
        // A YAML null (`title:`, `title: ~`) has no string; an empty or blank title falls through too.
        if let declared = front.values["title"]?.string.map({ TextSanitizer.clean($0).trimmingSpaces() }), !declared.isEmpty {
            return declared
        }
        if let heading = firstHeading(in: front.body) { return heading }
        return TextSanitizer.clean(SitePaths.baseName(path))
    }

    /// The text of the first heading outside fenced code: ATX (`# Title`), setext (a line
    /// underlined with `===` or `---`) or HTML `<h1>`–`<h6>`; without kramdown's `{#id}` or
    /// `{: .class}`, tags or entities.
    static func firstHeading(in text: String) -> String? {
        var fence: Substring?
        var previous: Substring = ""
        for line in lines(of: text).prefix(lineLimit) {
            defer { previous = fence == nil ? line : "" }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            // Most lines are prose: their first byte rules every kind of heading out.
            let first = trimmed.utf8.first ?? 0
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            switch first {
            case UInt8(ascii: "`"), UInt8(ascii: "~"):
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { fence = trimmed.prefix { $0 == trimmed.first } }
            case UInt8(ascii: "="), UInt8(ascii: "-"):
                if isSetextUnderline(trimmed), let heading = setextText(previous), !heading.isEmpty { return heading }
            case UInt8(ascii: "#"):
                if let heading = atxHeading(trimmed), !heading.isEmpty { return heading }
            case UInt8(ascii: "<"):
                // `<h1 align="center">`, also inside a line's first tag (`<p align="center"><h1>`).
                if let heading = htmlHeading(trimmed), !heading.isEmpty { return heading }
            default:
                break
            }
        }
        return nil
    }

    /// The lines of `text`, found by a byte scan and only as far as they are read (a heading is
    /// usually on the first lines of a head of several kilobytes); "\r\n" ends a line too.
    static func lines(of text: String) -> some Sequence<Substring> {
        let bytes = text.utf8
        return AnySequence { () -> AnyIterator<Substring> in
            var start = bytes.startIndex
            var finished = false
            return AnyIterator {
                guard !finished else { return nil }
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
                var line = text[start..<end]
                if line.utf8.last == UInt8(ascii: "\r") { line = text[start..<bytes.index(before: end)] }
                if end == bytes.endIndex { finished = true } else { start = bytes.index(after: end) }
                return line
            }
        }
    }

    /// `===` or `---` (at least two of them) and nothing else but spaces.
    private static func isSetextUnderline(_ line: Substring) -> Bool {
        var marks = line
        while let last = marks.last, last.isWhitespace { marks = marks.dropLast() }
        guard let mark = marks.first, mark == "=" || mark == "-" else { return false }
        return marks.count >= 2 && marks.allSatisfy { $0 == mark }
    }

    /// The line above an underline, when it is plain text (not a list item, quote, table or tag).
    private static func setextText(_ line: Substring) -> String? {
        let trimmed = line.drop { $0 == " " }
        guard line.count - trimmed.count < 4, let first = trimmed.first,
              !"#<>|-*+`~=".contains(first), !(first.isNumber && trimmed.contains(". ")) else { return nil }
        return cleaned(HeadingIDs.removingAttributes(String(trimmed).trimmingSpaces()).text)
    }

    private static func atxHeading(_ line: Substring) -> String? {
        let hashes = line.prefix { $0 == "#" }
        let rest = line.dropFirst(hashes.count)
        guard hashes.count <= 6, rest.first == " " || rest.first == "\t" else { return nil }
        var text = String(rest).trimmingSpaces()
        // A closing sequence of `#`s is not part of the text (`## Title ##`).
        if text.hasSuffix("#") {
            let kept = text.reversed().drop { $0 == "#" }
            if kept.first == " " || kept.isEmpty { text = String(kept.reversed()).trimmingSpaces() }
        }
        return cleaned(HeadingIDs.removingAttributes(text).text)
    }

    private static func htmlHeading(_ line: Substring) -> String? {
        // A byte scan for `<h1`…`<h6`: most lines have no tag at all.
        let bytes = line.utf8
        var found: Substring.Index?
        var index = bytes.startIndex
        while found == nil, let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            let h = bytes.index(after: open)
            if h < bytes.endIndex, bytes[h] == UInt8(ascii: "h") || bytes[h] == UInt8(ascii: "H") {
                let level = bytes.index(after: h)
                if level < bytes.endIndex, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[level]) { found = level }
            }
            index = h
        }
        guard let level = found, let start = line[level...].firstIndex(of: ">"),
              let close = line[start...].firstRange(of: "</h") ?? line[start...].firstRange(of: "</H") else { return nil }
        return cleaned(String(line[line.index(after: start)..<close.lowerBound]))
    }

    private static func cleaned(_ text: String) -> String {
        TextSanitizer.clean(HTMLText.plain(text)).trimmingSpaces()
    }
}
