/// Blocks by the line of the page they start on: how a place in one part of a page is found
/// again in the whole page, whose orders differ.
extension Document {
    /// The source line of the block with `order`, or of the last block before it.
    public func line(ofOrder order: Int) -> Int? {
        var found: Int?
        visitBlocks { block in
            guard block.order <= order else { return false }
            found = block.line
            return true
        }
        return found
    }

    /// The order of the last block that starts on or before `line`.
    public func order(atLine line: Int) -> Int? {
        var found: Int?
        visitBlocks { block in
            guard block.line <= line else { return false }
            found = block.order
            return true
        }
        return found
    }

    /// The source line each section starts on (its heading's, or its first block's).
    public func sectionLines() -> [Int: Int] {
        var lines: [Int: Int] = [:]
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .section(let id, let inner):
                    lines[id] = inner.first?.line ?? block.line
                    visit(inner)
                case .quote(let inner):
                    visit(inner)
                case .list(let list):
                    for item in list.items {
                        if let id = item.section { lines[id] = item.blocks.first?.line ?? block.line }
                        visit(item.blocks)
                    }
                default:
                    break
                }
            }
        }
        visit(blocks)
        return lines
    }

    /// Every block in reading order, until `body` returns false.
    private func visitBlocks(_ body: (Block) -> Bool) {
        func visit(_ blocks: [Block]) -> Bool {
            for block in blocks {
                guard body(block) else { return false }
                switch block.kind {
                case .section(_, let inner), .quote(let inner):
                    guard visit(inner) else { return false }
                case .list(let list):
                    for item in list.items { guard visit(item.blocks) else { return false } }
                default:
                    break
                }
            }
            return true
        }
        _ = visit(blocks)
    }
}
