/// The rule that finds structure in a page without headings: a list whose items each start
/// with a lead word (`- **hype**: ...`). See docs/outline.md.
enum LeadWords {
    /// Lead words longer than this are a bold sentence, not a lead word.
    static let maximumLength = 60

    /// The lead word of a list item: its first run, when bold, or italic/code followed by a colon.
    static func lead(of item: ListItem) -> String? {
        guard let first = item.blocks.first, case .paragraph(let spans) = first.kind,
              let head = spans.first else { return nil }
        let text = head.text.trimmingSpaces()
        guard !text.isEmpty, text.count <= maximumLength, !text.contains("\n") else { return nil }
        let followedByColon = text.hasSuffix(":")
            || (spans.count > 1 && spans[1].text.first == ":")
        let isLead = head.style.contains(.bold)
            || (followedByColon && !head.style.isDisjoint(with: [.italic, .code, .underline]))
        guard isLead else { return nil }
        var title = text
        while title.hasSuffix(":") { title.removeLast() }
        title = title.trimmingSpaces()
        return title.isEmpty ? nil : title
    }

    /// True for a list of two or more items that all have lead words.
    static func isLeadWordList(_ list: ListBlock) -> Bool {
        list.items.count >= 2 && list.items.allSatisfy { lead(of: $0) != nil }
    }
}

/// Sentences of running text, for titles made of the page's own words.
enum Sentences {
    static let titleLimit = 160

    /// The text cut after `.` `!` `?` `:` followed by whitespace and then a capital, a digit,
    /// a quote or a bracket. Read by Unicode scalars: grapheme clusters cost several times as
    /// much, and the titles of a page's passages are made before its first paint.
    static func split(_ text: String) -> [String] {
        let scalars = text.unicodeScalars
        var sentences: [String] = []
        var start = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let after = scalars.index(after: index)
            if endsSentence(scalars[index]), after < scalars.endIndex, scalars[after].properties.isWhitespace {
                var next = after
                while next < scalars.endIndex, scalars[next].properties.isWhitespace { next = scalars.index(after: next) }
                if next < scalars.endIndex, beginsSentence(scalars[next]) {
                    sentences.append(String(scalars[start..<after]).trimmingSpaces())
                    start = next
                    index = next
                    continue
                }
            }
            index = after
        }
        let tail = String(scalars[start...]).trimmingSpaces()
        if !tail.isEmpty { sentences.append(tail) }
        return sentences
    }

    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?" || scalar == ":"
    }

    /// A capital, a digit, an opening quote or bracket.
    private static func beginsSentence(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isUppercase || properties.numericType != nil || "\"'“‘([".unicodeScalars.contains(scalar)
    }

    /// The words of `text` with one space between them. ASCII text is split on its bytes (the
    /// same words: its whitespace characters are those bytes, CR LF included); other text by
    /// character, which runs grapheme breaking and Unicode's properties over every one.
    static func collapsingWhitespace(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        let words = text.utf8.split(whereSeparator: { $0 == 0x20 || (0x09...0x0D).contains($0) })
        var flat = ""
        flat.reserveCapacity(text.utf8.count)
        for word in words {
            if !flat.isEmpty { flat += " " }
            flat.append(contentsOf: Substring(word))
        }
        return flat
    }

    /// A title cut to a readable length at a word boundary.
    static func title(_ sentence: String) -> String {
        let flat = collapsingWhitespace(sentence)
        guard flat.count > titleLimit else { return flat }
        let cut = flat.prefix(titleLimit - 1)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
