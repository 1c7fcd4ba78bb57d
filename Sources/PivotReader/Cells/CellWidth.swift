import CCellWidth

/// Terminal cells a character takes: 2 for wide (CJK, emoji), 1 for most, 0 for
/// characters that draw nothing. One table for layout and drawing alike.
public enum CellWidth {
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F, first.value >= 0x20 { return 1 }
        let width = Int(pv_cell_width(first.value))
        // A cluster that starts with a zero-width scalar (stray joiners, marks) draws nothing.
        if width == 0 { return 0 }
        if scalars.count > 1 {
            // Emoji presentation (VS16), joined emoji and flag pairs are drawn two cells wide.
            if scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) { return 2 }
            if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
        }
        return width < 0 ? 1 : width
    }

    /// Cells taken by a character that is one scalar (as `of(Character(scalar))`).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x7F, scalar.value >= 0x20 { return 1 }
        let width = Int(pv_cell_width(scalar.value))
        return width < 0 ? 1 : width
    }

    /// Cells taken by a string.
    public static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The longest prefix of `text` that fits in `width` cells.
    public static func prefix(of text: String, fitting width: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let cells = of(text[index])
            if used + cells > width { break }
            used += cells
            end = text.index(after: index)
        }
        return String(text[..<end])
    }
}
