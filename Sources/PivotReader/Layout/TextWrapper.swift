/// Wraps styled text into lines by terminal cell width: at spaces where it can, inside a
/// word only when a word is wider than the line.
enum TextWrapper {
    struct Piece {
        var text: String
        var style: CellStyle
    }

    struct Line {
        /// Characters of the text before this line, for anchors.
        var offset: Int
        var runs: [(text: String, style: CellStyle)]
    }

    static func wrap(_ pieces: [Piece], width: Int) -> [Line] {
        let width = max(1, width)
        var lines: [Line] = []
        var current: [(Character, CellStyle, Int)] = []
        var currentWidth = 0
        var lineOffset = 0
        var offset = 0
        var breakAt: Int?  // index in `current` just after the last space

        func emit(_ characters: ArraySlice<(Character, CellStyle, Int)>, offset: Int) {
            var trimmed = characters
            while let last = trimmed.last, last.0 == " " { trimmed = trimmed.dropLast() }
            var runs: [(text: String, style: CellStyle)] = []
            for (character, style, _) in trimmed {
                if let last = runs.last, last.style == style {
                    runs[runs.count - 1].text.append(character)
                } else {
                    runs.append((String(character), style))
                }
            }
            lines.append(Line(offset: offset, runs: runs))
        }

        for piece in pieces {
            for character in piece.text {
                defer { offset += 1 }
                if character == "\n" {
                    emit(current[...], offset: lineOffset)
                    current = []
                    currentWidth = 0
                    breakAt = nil
                    lineOffset = offset + 1
                    continue
                }
                if character == " " {
                    if current.isEmpty { lineOffset = offset + 1; continue }
                    current.append((character, piece.style, 1))
                    currentWidth += 1
                    breakAt = current.count
                    continue
                }
                let cells = CellWidth.of(character)
                if cells == 0 {
                    continue
                }
                if currentWidth + cells > width, !current.isEmpty {
                    if let cut = breakAt, cut < current.count {
                        emit(current[..<cut], offset: lineOffset)
                        let carried = Array(current[cut...])
                        lineOffset = offset - carried.count
                        current = carried
                    } else if let cut = breakAt, cut == current.count {
                        emit(current[...], offset: lineOffset)
                        lineOffset = offset
                        current = []
                    } else if let cut = numberStart(current, continuing: piece.style), cut > 0 {
                        // A link's number (`[12]`) is never split: it goes to the next line whole.
                        emit(current[..<cut], offset: lineOffset)
                        let carried = Array(current[cut...])
                        lineOffset = offset - carried.count
                        current = carried
                    } else {
                        emit(current[...], offset: lineOffset)
                        lineOffset = offset
                        current = []
                    }
                    currentWidth = current.reduce(0) { $0 + $1.2 }
                    breakAt = nil
                }
                current.append((character, piece.style, cells))
                currentWidth += cells
                // Wide (CJK) text may break between any two characters.
                if cells == 2 { breakAt = current.count }
            }
        }
        if !current.isEmpty || lines.isEmpty { emit(current[...], offset: lineOffset) }
        return lines
    }

    /// Where the link number that `style` continues begins at the end of `current`; nil when the
    /// character to place is no part of a link number.
    private static func numberStart(_ current: [(Character, CellStyle, Int)], continuing style: CellStyle) -> Int? {
        guard style.link != nil, style.role == .muted else { return nil }
        var cut = current.count
        while cut > 0, current[cut - 1].1 == style { cut -= 1 }
        return cut < current.count ? cut : nil
    }

    /// Hard-wraps one line of preformatted text at `width` cells.
    static func chop(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var current = ""
        var used = 0
        for character in text {
            let cells = CellWidth.of(character)
            if used + cells > width, !current.isEmpty {
                lines.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += cells
        }
        lines.append(current)
        return lines
    }
}
