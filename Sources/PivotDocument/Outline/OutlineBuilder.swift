/// Wraps a page's blocks into foldable sections (see docs/outline.md):
/// headings open sections at their level; lead-word lists become groups whose items fold
/// under their lead words; on a page without headings, the text between groups becomes
/// passages. Nothing here knows any page's words.
struct OutlineBuilder {
    struct Result {
        var title: String?
        var blocks: [Block]
        var sections: [Section]
        /// True when a heading of the body names the page (so plain output need not repeat it).
        var titleInBody: Bool
    }

    private(set) var sections: [Section] = []

    /// `titleHeading` false: no heading is the page's title (a later piece of a large page);
    /// `nestsByHeadings` decides for a piece what the whole page's headings decide.
    static func build(_ blocks: [Block], pageTitle: String?, titleHeading: Bool = true,
                      nestsByHeadings: Bool? = nil) -> Result {
        var builder = OutlineBuilder()
        var title = pageTitle
        let titleIndex = titleHeading ? builder.titleHeadingIndex(in: blocks, pageTitle: pageTitle) : nil
        if let titleIndex, title == nil, case .heading(_, let spans) = blocks[titleIndex].kind {
            title = Sentences.title(spans.plainText)
        }
        let hasHeadings = blocks.indices.contains { index in
            if index == titleIndex { return false }
            if case .heading = blocks[index].kind { return true }
            return false
        }
        var body = nestsByHeadings ?? hasHeadings
            ? builder.nestByHeadings(blocks, titleIndex: titleIndex)
            : builder.passagesAndGroups(blocks, parent: nil)
        body = builder.detailsSections(in: body, parent: nil)
        return builder.renumbered(Result(title: title, blocks: body, sections: builder.sections,
                                         titleInBody: titleIndex != nil))
    }

    /// The level-1 heading that names the page: the first heading, when it is level 1, no
    /// other level-1 heading follows, and it matches the declared title (if any).
    private func titleHeadingIndex(in blocks: [Block], pageTitle: String?) -> Int? {
        let headings = blocks.indices.filter { if case .heading = blocks[$0].kind { return true } else { return false } }
        guard let first = headings.first, case .heading(let level, let spans) = blocks[first].kind, level == 1 else {
            return nil
        }
        let otherTopLevel = headings.dropFirst().contains {
            if case .heading(1, _) = blocks[$0].kind { return true } else { return false }
        }
        guard !otherTopLevel else { return nil }
        if let pageTitle, pageTitle.lowercased() != spans.plainText.trimmingSpaces().lowercased() { return nil }
        return first
    }

    // MARK: - Headings

    private mutating func nestByHeadings(_ blocks: [Block], titleIndex: Int?) -> [Block] {
        var root: [Block] = []
        var open: [(id: Int, level: Int, body: [Block])] = []

        func closeTop(_ builder: inout OutlineBuilder) {
            let top = open.removeLast()
            let body = builder.groups(in: top.body, parent: top.id, skippingFirst: 1)
            let wrapped = Block(.section(top.id, body), line: top.body.first?.line ?? 0)
            if open.isEmpty { root.append(wrapped) } else { open[open.count - 1].body.append(wrapped) }
        }

        for (index, block) in blocks.enumerated() {
            if index != titleIndex, case .heading(let level, let spans) = block.kind {
                while let top = open.last, top.level >= level { closeTop(&self) }
                let id = newSection(.heading(level: level), title: Sentences.title(spans.plainText),
                                    parent: open.last?.id)
                open.append((id, level, [block]))
            } else if open.isEmpty {
                root.append(block)
            } else {
                open[open.count - 1].body.append(block)
            }
        }
        while !open.isEmpty { closeTop(&self) }
        return groups(in: root, parent: nil, skippingFirst: 0)
    }

    // MARK: - Groups and passages

    /// Within a section's body: each lead paragraph and the lead-word list after it become a
    /// group; lead-word items become sections.
    private mutating func groups(in blocks: [Block], parent: Int?, skippingFirst: Int) -> [Block] {
        var result: [Block] = []
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            if index >= skippingFirst, index + 1 < blocks.count, case .paragraph(let spans) = block.kind,
               case .list(let list) = blocks[index + 1].kind, LeadWords.isLeadWordList(list) {
                result.append(group(lead: block, spans: spans, list: blocks[index + 1], parent: parent))
                index += 2
                continue
            }
            result.append(itemSections(in: block, parent: parent))
            index += 1
        }
        return result
    }

    /// A page without headings: leading images and rules stay above everything; groups as
    /// above; the text between groups becomes passages. A page with no group is left flat.
    private mutating func passagesAndGroups(_ blocks: [Block], parent: Int?) -> [Block] {
        let hasGroup = blocks.contains { if case .list(let list) = $0.kind { return LeadWords.isLeadWordList(list) } else { return false } }
        guard hasGroup else { return blocks }
        var result: [Block] = []
        var passage: [Block] = []
        var index = 0
        while index < blocks.count, !blocks[index].carriesText {
            result.append(blocks[index])
            index += 1
        }
        func flushPassage(_ builder: inout OutlineBuilder) {
            guard !passage.isEmpty else { return }
            let id = builder.newSection(.passage, title: Self.passageTitle(passage), parent: parent)
            let body = passage.map { builder.itemSections(in: $0, parent: id) }
            result.append(Block(.section(id, body), line: passage[0].line))
            passage = []
        }
        while index < blocks.count {
            let block = blocks[index]
            if case .list(let list) = block.kind, LeadWords.isLeadWordList(list) {
                if case .paragraph(let spans) = passage.last?.kind {
                    let lead = passage.removeLast()
                    flushPassage(&self)
                    result.append(group(lead: lead, spans: spans, list: block, parent: parent))
                } else {
                    flushPassage(&self)
                    result.append(itemSections(in: block, parent: parent))
                }
            } else {
                passage.append(block)
            }
            index += 1
        }
        flushPassage(&self)
        return result
    }

    private mutating func group(lead: Block, spans: Inlines, list: Block, parent: Int?) -> Block {
        let id = newSection(.group, title: Self.groupTitle(spans.plainText), parent: parent)
        return Block(.section(id, [lead, itemSections(in: list, parent: id)]), line: lead.line)
    }

    /// Makes the items of lead-word lists (at any depth inside `block`) into sections.
    private mutating func itemSections(in block: Block, parent: Int?) -> Block {
        switch block.kind {
        case .list(var list):
            let isLeadList = LeadWords.isLeadWordList(list)
            for index in list.items.indices {
                var item = list.items[index]
                var itemParent = parent
                if isLeadList, let lead = LeadWords.lead(of: item) {
                    let id = newSection(.item, title: Sentences.title(lead), parent: parent)
                    item.section = id
                    itemParent = id
                }
                item.blocks = item.blocks.map { itemSections(in: $0, parent: itemParent) }
                list.items[index] = item
            }
            var copy = block
            copy.kind = .list(list)
            return copy
        case .quote(let blocks):
            var quote = block
            quote.kind = .quote(blocks.map { itemSections(in: $0, parent: parent) })
            return quote
        default:
            return block
        }
    }

    /// `<details>` placeholders (see `MarkdownConverter+Details`) made into sections, titled by
    /// their summary, folded at first unless they were `open`.
    private mutating func detailsSections(in blocks: [Block], parent: Int?) -> [Block] {
        blocks.map { block in
            var copy = block
            switch block.kind {
            case .section(let id, let body) where id == MarkdownConverter.detailsFolded || id == MarkdownConverter.detailsOpen:
                let title = body.first?.leadingText ?? "Details"
                let section = newSection(.passage, title: title, parent: parent)
                sections[section].startsFolded = id == MarkdownConverter.detailsFolded
                copy.kind = .section(section, detailsSections(in: body, parent: section))
            case .section(let id, let body):
                copy.kind = .section(id, detailsSections(in: body, parent: id))
            case .quote(let inner):
                copy.kind = .quote(detailsSections(in: inner, parent: parent))
            case .list(var list):
                for index in list.items.indices {
                    list.items[index].blocks = detailsSections(in: list.items[index].blocks,
                                                               parent: list.items[index].section ?? parent)
                }
                copy.kind = .list(list)
            default:
                break
            }
            return copy
        }
    }

    private mutating func newSection(_ kind: Section.Kind, title: String, parent: Int?) -> Int {
        let id = sections.count
        let depth = parent.map { sections[$0].depth + 1 } ?? 1
        sections.append(Section(id: id, kind: kind, title: title.isEmpty ? "…" : title, depth: depth, parent: parent))
        return id
    }

    // MARK: - Titles

    /// The sentence that introduces the list when it ends with a colon, else the paragraph's topic sentence.
    static func groupTitle(_ text: String) -> String {
        let sentences = Sentences.split(text)
        if let last = sentences.last, last.hasSuffix(":") {
            return Sentences.title(String(last.dropLast()).trimmingSpaces())
        }
        return Sentences.title(sentences.first ?? text)
    }

    static func passageTitle(_ blocks: [Block]) -> String {
        for block in blocks {
            if let text = block.leadingText { return Sentences.title(Sentences.split(text).first ?? text) }
        }
        return "…"
    }
}

extension Block {
    /// True for blocks a reader reads (not images or rules).
    var carriesText: Bool {
        switch kind {
        case .rule, .image: return false
        case .heading: return false
        default: return true
        }
    }

    /// The first text of the block, for a title.
    var leadingText: String? {
        switch kind {
        case .paragraph(let spans), .heading(_, let spans):
            let text = spans.plainText.trimmingSpaces()
            return text.isEmpty ? nil : text
        case .quote(let blocks): return blocks.lazy.compactMap(\.leadingText).first
        case .list(let list): return list.items.lazy.flatMap(\.blocks).compactMap(\.leadingText).first
        case .code(_, let text): return text.split(separator: "\n").first.map(String.init)
        case .image(let image): return image.alt.isEmpty ? nil : image.alt
        default: return nil
        }
    }
}
