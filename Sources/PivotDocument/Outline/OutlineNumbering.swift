/// Section ids and block order, given once the outline is built.
extension OutlineBuilder {
    /// Gives sections ids in reading order (sections are created out of order when headings
    /// close), and fills in each section's children.
    func renumbered(_ result: Result) -> Result {
        var order: [Int] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .section(let id, let body): order.append(id); visit(body)
                case .quote(let inner): visit(inner)
                case .list(let list):
                    for item in list.items {
                        if let id = item.section { order.append(id) }
                        visit(item.blocks)
                    }
                default: break
                }
            }
        }
        visit(result.blocks)
        var newID = [Int](repeating: 0, count: sections.count)
        for (position, old) in order.enumerated() { newID[old] = position }

        func rewrite(_ blocks: [Block]) -> [Block] {
            blocks.map { block in
                switch block.kind {
                case .section(let id, let body): return Block(.section(newID[id], rewrite(body)), line: block.line)
                case .quote(let inner):
                    var quote = block
                    quote.kind = .quote(rewrite(inner))
                    return quote
                case .list(var list):
                    for index in list.items.indices {
                        list.items[index].section = list.items[index].section.map { newID[$0] }
                        list.items[index].blocks = rewrite(list.items[index].blocks)
                    }
                    var copy = block
                    copy.kind = .list(list)
                    return copy
                default: return block
                }
            }
        }
        var renumberedSections = order.map { old -> Section in
            var section = sections[old]
            section.id = newID[old]
            section.parent = section.parent.map { newID[$0] }
            section.children = []
            return section
        }
        for section in renumberedSections {
            if let parent = section.parent { renumberedSections[parent].children.append(section.id) }
        }
        var counter = 0
        return Result(title: result.title, blocks: Self.numbered(rewrite(result.blocks), counter: &counter),
                      sections: renumberedSections, titleInBody: result.titleInBody)
    }

    /// Gives every block, at any depth, its place in reading order.
    private static func numbered(_ blocks: [Block], counter: inout Int) -> [Block] {
        var result = blocks
        for index in result.indices {
            result[index].order = counter
            counter += 1
            switch result[index].kind {
            case .section(let id, let body):
                result[index].kind = .section(id, numbered(body, counter: &counter))
            case .quote(let inner):
                result[index].kind = .quote(numbered(inner, counter: &counter))
            case .list(var list):
                for item in list.items.indices {
                    list.items[item].blocks = numbered(list.items[item].blocks, counter: &counter)
                }
                result[index].kind = .list(list)
            default:
                break
            }
        }
        return result
    }
}
