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

    static func split(_ text: String) -> [String] {
        let characters = Array(text)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if ".!?:".contains(character), index + 1 < characters.count, characters[index + 1].isWhitespace {
                var next = index + 1
                while next < characters.count, characters[next].isWhitespace { next += 1 }
                let follower = next < characters.count ? characters[next] : " "
                if follower.isUppercase || follower.isNumber || "\"'“‘([".contains(follower) {
                    sentences.append(String(characters[start...index]).trimmingSpaces())
                    start = next
                    index = next
                    continue
                }
            }
            index += 1
        }
        let tail = String(characters[min(start, characters.count)...]).trimmingSpaces()
        if !tail.isEmpty { sentences.append(tail) }
        return sentences
    }

    /// A title cut to a readable length at a word boundary.
    static func title(_ sentence: String) -> String {
        let flat = sentence.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard flat.count > titleLimit else { return flat }
        let cut = flat.prefix(titleLimit - 1)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
