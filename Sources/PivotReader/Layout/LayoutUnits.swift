import PivotDocument

/// One piece of the page that lays out on its own: a block outside any list or quote, or a
/// folded section's summary, with the sections around it. A large page is laid out a window of
/// units at a time, so a resize or a fold costs what is on screen, not the whole page.
struct LayoutUnit: Sendable {
    enum Content: Sendable {
        case block(Block)
        case summary(section: Int, body: [Block], order: Int)
        /// An empty section body: only its separator.
        case nothing
    }

    var content: Content
    /// The sections the unit is in, innermost last.
    var sections: [Int]
    /// The section whose fold marker goes on the unit's first line of text.
    var opensSection: Int?
    /// The blank line the whole-page layout puts before the unit (when the line above is not blank).
    var separator: (anchor: Anchor, section: Int?)?
    /// No line of the unit, separator included, is anchored before this.
    var start: Anchor
}

/// The units of a page for one set of folds, in reading order.
struct LayoutUnits: Sendable {
    private(set) var units: [LayoutUnit] = []
    /// The unit holding each section's marker line, or its summary (sections in lists: their list).
    private(set) var sectionUnits: [Int: Int] = [:]

    init(document: Document, folds: Set<Int>) {
        collect(document.blocks, stack: [], separated: true, inherited: nil, opening: nil, folds: folds)
    }

    var count: Int { units.count }
    subscript(index: Int) -> LayoutUnit { units[index] }

    /// The unit whose lines hold `anchor`: the last one starting at or before it.
    func index(containing anchor: Anchor) -> Int {
        var low = 0
        var high = units.count
        while low < high {
            let middle = (low + high) / 2
            if units[middle].start <= anchor { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
    }

    /// The source line of the text of unit `index` (or of the nearest unit before it that has one).
    func sourceLine(ofUnit index: Int) -> Int? {
        for candidate in stride(from: min(index, units.count - 1), through: 0, by: -1) {
            switch units[candidate].content {
            case .block(let block): return block.line
            case .summary(_, let body, _): if let first = body.first { return first.line }
            case .nothing: continue
            }
        }
        return nil
    }

    /// Mirrors `LayoutBuilder`'s walk: top-level blocks are separated; a section body's first
    /// block takes the separator emitted before its section.
    private mutating func collect(_ blocks: [Block], stack: [Int], separated: Bool,
                                  inherited: (anchor: Anchor, section: Int?)?, opening: Int?, folds: Set<Int>) {
        for (index, block) in blocks.enumerated() {
            let separator = separated || index > 0
                ? (anchor: Anchor(order: block.order, offset: -1), section: stack.last)
                : inherited
            let opens = index == 0 ? opening : nil
            guard case .section(let id, let body) = block.kind else {
                append(LayoutUnit(content: .block(block), sections: stack, opensSection: opens, separator: separator,
                                  start: separator?.anchor ?? Anchor(order: block.order, offset: -1)))
                noteNestedSections(in: block, unit: units.count - 1)
                continue
            }
            if folds.contains(id) {
                let order = body.first?.order ?? block.order
                sectionUnits[id] = units.count
                append(LayoutUnit(content: .summary(section: id, body: body, order: order), sections: stack,
                                  opensSection: opens, separator: separator,
                                  start: separator?.anchor ?? Anchor(order: order, offset: -1)))
            } else if body.isEmpty {
                append(LayoutUnit(content: .nothing, sections: stack + [id], opensSection: id, separator: separator,
                                  start: separator?.anchor ?? Anchor(order: block.order, offset: -1)))
            } else {
                sectionUnits[id] = units.count
                collect(body, stack: stack + [id], separated: false, inherited: separator, opening: id, folds: folds)
            }
        }
    }

    private mutating func append(_ unit: LayoutUnit) {
        units.append(unit)
    }

    /// Lead-word items are sections inside a list: their marker lines belong to the list's unit.
    private mutating func noteNestedSections(in block: Block, unit: Int) {
        switch block.kind {
        case .list(let list):
            for item in list.items {
                if let id = item.section { sectionUnits[id] = unit }
                item.blocks.forEach { noteNestedSections(in: $0, unit: unit) }
            }
        case .quote(let inner):
            inner.forEach { noteNestedSections(in: $0, unit: unit) }
        case .section(let id, let body):
            sectionUnits[id] = unit
            body.forEach { noteNestedSections(in: $0, unit: unit) }
        default:
            break
        }
    }
}
