/// What the terminal front must know of a cell's text before drawing it, read from its bytes
/// once: each test of a `String` cost as much as the rest of the cell's drawing.
enum CellTextKind: Equatable {
    /// One byte from space to tilde: one column wide in any locale, so it may go to ncurses in
    /// a run of cells.
    case printableASCII
    /// "─" alone: a rule's cell, drawn in the terminal's line-drawing charset where it has one.
    case horizontalLine
    case other

    init(_ text: String) {
        var bytes = text.utf8.makeIterator()
        switch bytes.next() {
        case let byte? where byte < 0x80:
            self = byte >= 0x20 && byte < 0x7F && bytes.next() == nil ? .printableASCII : .other
        case 0xE2?:
            self = bytes.next() == 0x94 && bytes.next() == 0x80 && bytes.next() == nil ? .horizontalLine : .other
        default:
            self = .other
        }
    }
}
