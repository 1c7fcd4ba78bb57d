/// The anchors a page's headings get: GitHub's slugs, kramdown's automatic ids, and the ids a
/// page sets itself (kramdown `{#id}`, HTML `id=` and `name=`).
enum HeadingIDs {
    /// Most anchors kept for one page.
    static let limit = 10_000

    /// A heading's text without a trailing kramdown id (`## Title {#custom}`, `{: #custom .class}`),
    /// and that id.
    static func removingExplicitID(_ text: String) -> (text: String, id: String?) {
        guard text.hasSuffix("}"), let open = text.lastIndex(of: "{") else { return (text, nil) }
        var inner = text[text.index(after: open)..<text.index(before: text.endIndex)].drop { $0 == " " }
        if inner.hasPrefix(":") { inner = inner.dropFirst().drop { $0 == " " } }
        guard inner.hasPrefix("#") else { return (text, nil) }
        let id = inner.dropFirst().prefix { !$0.isWhitespace && $0 != "}" }
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || "-_:.".contains($0) }) else { return (text, nil) }
        return (String(text[..<open]).trimmingSpaces(), String(id))
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
        var used: [String: Int] = [:]
        func add(_ id: String, _ order: Int) {
            guard !id.isEmpty, anchors.count < limit, anchors[id] == nil else { return }
            anchors[id] = order
        }
        /// GitHub and kramdown number repeated slugs: `intro`, `intro-1`, `intro-2`.
        func unique(_ slug: String) -> String {
            let count = used[slug, default: 0]
            used[slug] = count + 1
            return count == 0 ? slug : "\(slug)-\(count)"
        }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                for id in block.anchorIDs { add(id, block.order) }
                switch block.kind {
                case .heading(_, let spans):
                    let text = spans.plainText
                    add(unique(githubSlug(text)), block.order)
                    let kramdown = kramdownID(text)
                    if kramdown != githubSlug(text) { add(kramdown, block.order) }
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
