/// The anchors a page's headings get: GitHub's slugs, kramdown's automatic ids, and the ids a
/// page sets itself (kramdown `{#id}`, HTML `id=` and `name=`).
enum HeadingIDs {
    /// Most anchors kept for one page.
    static let limit = 10_000

    /// A heading's text without a trailing kramdown attribute list, and the id it names:
    /// a header id (`## Title {#custom}`, `{#custom .class}`) or an IAL (`{: #custom .class}`,
    /// `{: .no_toc}`, which names none). Neither is ever shown.
    static func removingAttributes(_ text: String) -> (text: String, id: String?) {
        guard text.hasSuffix("}"), let open = text.lastIndex(of: "{") else { return (text, nil) }
        var inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let isAttributeList = inner.hasPrefix(":")
        if isAttributeList { inner = inner.dropFirst() }
        let words = inner.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let id = words.first { $0.hasPrefix("#") }.map { $0.dropFirst() }
        let validID = id.flatMap { id in
            !id.isEmpty && id.allSatisfy({ $0.isLetter || $0.isNumber || "-_:.".contains($0) }) ? String(id) : nil
        }
        // A header id needs the id first and a space before the brace, as kramdown reads it.
        let before = text[..<open]
        guard isAttributeList || (words.first?.hasPrefix("#") == true && validID != nil
            && (before.isEmpty || before.last == " " || before.last == "\t")) else { return (text, nil) }
        return (String(before).trimmingSpaces(), validID)
    }

    /// GitHub's slug: lower case; letters, digits, `-` and `_` kept; spaces become `-`.
    static func githubSlug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character == " " {
                slug.append("-")
            }
        }
        return slug
    }

    /// kramdown's automatic id: ASCII letters, digits, spaces and `-` from the first letter on.
    static func kramdownID(_ text: String) -> String {
        let ascii = text.unicodeScalars.drop { !(("a"..."z").contains($0) || ("A"..."Z").contains($0)) }
        var id = ""
        for scalar in ascii where ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            || ("0"..."9").contains(scalar) || scalar == " " || scalar == "-" {
            id.unicodeScalars.append(scalar == " " ? "-" : scalar)
        }
        return id.isEmpty ? "section" : id.lowercased()
    }

    /// Every anchor of the blocks, after the outline gave them their reading order.
    static func anchors(of blocks: [Block]) -> [String: Int] {
        var anchors: [String: Int] = [:]
        var usedSlugs: [String: Int] = [:]
        var usedKramdownIDs: [String: Int] = [:]
        func add(_ id: String, _ order: Int) {
            guard !id.isEmpty, anchors.count < limit, anchors[id] == nil else { return }
            anchors[id] = order
        }
        /// GitHub and kramdown number repeated ids: `intro`, `intro-1`, `intro-2` (each its own count).
        func unique(_ id: String, in used: inout [String: Int]) -> String {
            let count = used[id, default: 0]
            used[id] = count + 1
            return count == 0 ? id : "\(id)-\(count)"
        }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                for id in block.anchorIDs { add(id, block.order) }
                switch block.kind {
                case .heading(_, let spans):
                    let text = spans.plainText
                    add(unique(githubSlug(text), in: &usedSlugs), block.order)
                    add(unique(kramdownID(text), in: &usedKramdownIDs), block.order)
                case .section(_, let body), .quote(let body):
                    visit(body)
                case .list(let list):
                    list.items.forEach { visit($0.blocks) }
                default:
                    break
                }
            }
        }
        visit(blocks)
        return anchors
    }
}

extension Document {
    /// The reading order of the block an anchor names: the id as given, lower-cased, or
    /// percent-decoded (`#caf%C3%A9`).
    public func order(ofAnchor id: String) -> Int? {
        if let order = anchors[id] { return order }
        if let order = anchors[id.lowercased()] { return order }
        let decoded = SitePaths.percentDecoded(id)
        return anchors[decoded] ?? anchors[decoded.lowercased()]
    }
}
