/// Wraps styled text into lines by terminal cell width, breaking where the Unicode line breaking
/// algorithm allows (`LineBreaks`), inside a word only when a word is wider than the line.
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

    /// A character placed on the line being filled: where it is in its piece's text (lines are
    /// cut from the pieces' texts, not built a character at a time), its cells, and whether it
    /// is a space (asked at every break). The `Character` itself is made only when the breaking
    /// rules ask for it: most characters are placed and never asked about.
    private struct Placed {
        var piece: Int
        var start: String.Index
        var end: String.Index
        var cells: Int
        var isSpace: Bool

        func character(in pieces: [Piece]) -> Character { pieces[piece].text[start] }
    }

    /// `breakWindow`: how many characters of an overflowing line the breaking rules are first
    /// asked about (tests compare it with the whole line).
    static func wrap(_ pieces: [Piece], width: Int, breakWindow: Int = 24) -> [Line] {
        let width = max(1, width)
        var lines: [Line] = []
        var current: [Placed] = []
        var currentWidth = 0
        var lineOffset = 0
        var offset = 0
        // The last character of the line before (context for the breaking rules).
        var before: Character?

        func emit(_ characters: ArraySlice<Placed>, offset: Int) {
            var trimmed = characters
            while let last = trimmed.last, last.isSpace { trimmed = trimmed.dropLast() }
            var runs: [(text: String, style: CellStyle)] = []
            // Characters that follow each other in one piece are one slice of its text.
            var sliceStart = trimmed.startIndex
            while sliceStart < trimmed.endIndex {
                let first = trimmed[sliceStart]
                var sliceEnd = sliceStart + 1
                while sliceEnd < trimmed.endIndex, trimmed[sliceEnd].piece == first.piece,
                      trimmed[sliceEnd].start == trimmed[sliceEnd - 1].end { sliceEnd += 1 }
                let text = pieces[first.piece].text[first.start..<trimmed[sliceEnd - 1].end]
                let style = pieces[first.piece].style
                if let last = runs.last, last.style == style {
                    runs[runs.count - 1].text += text
                } else {
                    runs.append((String(text), style))
                }
                sliceStart = sliceEnd
            }
            lines.append(Line(offset: offset, runs: runs))
            before = characters.last?.character(in: pieces)
        }

        /// The last place in `current` (`current.count`: before `next`) where the line may break.
        /// The rules are asked only when a line overflows, and first only about its last words
        /// (`breakWindow` characters, from after a character that is not a space): most lines
        /// break there, and the rules look back no further than the character before a space run.
        func breakPlace(next: Character) -> Int? {
            if current.count > breakWindow * 2 {
                var start = current.count - breakWindow
                while start > 1, current[start - 1].isSpace { start -= 1 }
                if let cut = breakPlace(after: start, context: current[start - 1].character(in: pieces), next: next) {
                    return cut
                }
            }
            return breakPlace(after: 0, context: before, next: next)
        }

        /// A break place in `current[start...]` (never at `start` itself, whose rules may look
        /// further back than `context`; the whole line is asked when nothing else is found).
        func breakPlace(after start: Int, context: Character?, next: Character) -> Int? {
            var characters = LineBreaks.Scalars(capacity: current.count - start + 2)
            if let context { characters.append(context.unicodeScalars) }
            for placed in current[start...] {
                let text = pieces[placed.piece].text
                let byte = text.utf8[placed.start]
                if byte < 0x80, text.utf8.index(after: placed.start) == placed.end {
                    characters.append(ascii: byte)
                } else {
                    characters.append(text.unicodeScalars[placed.start..<placed.end])
                }
            }
            characters.append(next.unicodeScalars)
            let allowed = LineBreaks.opportunities(in: characters).dropFirst(context == nil ? 0 : 1)
            let first = allowed.startIndex - start  // allowed[first + i] is about current[i]
            if allowed[first + current.count] { return current.count }
            var cut = current.count - 1
            while cut > start, cut > 0 {
                // Never between spaces, so a line does not start with the tail of a space run.
                if allowed[first + cut], !current[cut].isSpace { return cut }
                cut -= 1
            }
            return nil
        }

        for (pieceIndex, piece) in pieces.enumerated() {
            let text = piece.text
            let utf8 = text.utf8
            var index = text.startIndex
            while index < text.endIndex {
                // An ASCII byte followed by another (or the end) is a character of its own, but
                // CR (CR LF is one): most text skips the grapheme breaking of the String's view.
                var byte: UInt8? = utf8[index]
                // Made only where it is needed: an ASCII character is placed by its byte alone.
                var other: Character?
                let next: String.Index
                let afterByte = utf8.index(after: index)
                if let ascii = byte, ascii < 0x80, ascii != 0x0D, afterByte == utf8.endIndex || utf8[afterByte] < 0x80 {
                    next = afterByte
                } else {
                    let character = text[index]
                    other = character
                    next = text.index(after: index)
                    byte = character.utf8.count == 1 ? character.utf8.first : nil
                }
                var character: Character { other ?? Character(Unicode.Scalar(byte ?? 0)) }
                defer { offset += 1; index = next }
                if byte == UInt8(ascii: "\n") {
                    emit(current[...], offset: lineOffset)
                    before = nil
                    current.removeAll(keepingCapacity: true)
                    currentWidth = 0
                    lineOffset = offset + 1
                    continue
                }
                if byte == UInt8(ascii: " ") {
                    if current.isEmpty { lineOffset = offset + 1; continue }
                    // Spaces may pass the width: they are trimmed from the end of the line.
                    current.append(Placed(piece: pieceIndex, start: index, end: next, cells: 1, isSpace: true))
                    currentWidth += 1
                    continue
                }
                let cells = byte.map { $0 >= 0x20 && $0 < 0x7F ? 1 : CellWidth.of(character) } ?? CellWidth.of(character)
                if cells == 0 {
                    continue
                }
                // Again while what was carried over and this character still pass the width.
                while currentWidth + cells > width, !current.isEmpty {
                    let cut = breakPlace(next: character) ?? numberStart(current, continuing: piece.style, in: pieces) ?? current.count
                    emit(current[..<cut], offset: lineOffset)
                    // What follows the cut, less its leading spaces, starts the next line (in the
                    // same buffer: a line's worth of room is kept, not grown again for each line).
                    var kept = cut
                    while kept < current.count, current[kept].isSpace { kept += 1 }
                    current.removeSubrange(..<kept)
                    lineOffset = offset - current.count
                    currentWidth = current.reduce(0) { $0 + $1.cells }
                }
                current.append(Placed(piece: pieceIndex, start: index, end: next, cells: cells, isSpace: false))
                currentWidth += cells
            }
        }
        if !current.isEmpty || lines.isEmpty { emit(current[...], offset: lineOffset) }
        return lines
    }

    /// Where the link number that `style` continues begins at the end of `current`; nil when the
    /// character to place is no part of a link number.
    private static func numberStart(_ current: [Placed], continuing style: CellStyle, in pieces: [Piece]) -> Int? {
        guard style.link != nil, style.role == .muted else { return nil }
        var cut = current.count
        while cut > 0, pieces[current[cut - 1].piece].style == style { cut -= 1 }
        return cut > 0 && cut < current.count ? cut : nil
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
