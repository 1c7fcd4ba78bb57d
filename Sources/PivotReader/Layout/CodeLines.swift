import PivotDocument

/// The lines of a code block as styled runs: highlighted stretches in their kind's role, the
/// rest in the page's text colour (or all in the code colour when nothing was highlighted),
/// chopped to the width, with an optional line-number gutter.
struct CodeLines {
    /// One screen line of the block: its runs from column 0 of the code's area.
    typealias Piece = [(text: String, style: CellStyle)]

    let text: String
    let tokens: [CodeToken]
    let showsLineNumbers: Bool

    static func role(of kind: CodeTokenKind) -> ColorRole {
        switch kind {
        case .keyword: return .codeKeyword
        case .type: return .codeType
        case .string: return .codeString
        case .comment: return .codeComment
        case .number: return .codeNumber
        case .preprocessor: return .codePreprocessor
        case .function: return .codeFunction
        case .variable: return .codeVariable
        }
    }

    /// Every screen line of the block, at most `width` cells each (the gutter included).
    func pieces(width: Int) -> [Piece] {
        let sourceLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let gutterWidth = showsLineNumbers ? String(sourceLines.count).count + 1 : 0
        let plain = CellStyle(tokens.isEmpty ? .code : .text)
        var tokensByLine: [Int32: [CodeToken]] = [:]
        for token in tokens { tokensByLine[token.line, default: []].append(token) }
        var pieces: [Piece] = []
        for (number, line) in sourceLines.enumerated() {
            let segments = Self.segments(of: line, tokens: tokensByLine[Int32(number)] ?? [], plain: plain)
            let chopped = Self.chop(segments, width: max(1, width - gutterWidth))
            for (index, var piece) in chopped.enumerated() where showsLineNumbers {
                // The number on a line's first screen line only; its wrapped rest keeps the indent.
                let label = index == 0 ? String(number + 1) : ""
                let gutter = String(repeating: " ", count: gutterWidth - 1 - label.count) + label + " "
                piece.insert((gutter, CellStyle(.muted)), at: 0)
                pieces.append(piece)
            }
            if !showsLineNumbers { pieces += chopped }
        }
        return pieces
    }

    /// A line cut at its tokens' byte offsets; offsets that fall outside the line or inside a
    /// character (a highlighter's mistake) are moved to the nearest character boundary.
    static func segments(of line: Substring, tokens: [CodeToken], plain: CellStyle) -> Piece {
        guard !tokens.isEmpty else { return line.isEmpty ? [] : [(String(line), plain)] }
        let bytes = line.utf8
        func index(at offset: Int) -> Substring.Index {
            var index = bytes.index(bytes.startIndex, offsetBy: min(max(0, offset), bytes.count))
            while index < bytes.endIndex, bytes[index] & 0xC0 == 0x80 { index = bytes.index(after: index) }
            return index
        }
        var segments: Piece = []
        var position = line.startIndex
        for token in tokens.sorted(by: { $0.start < $1.start }) {
            let start = max(index(at: Int(token.start)), position)
            let end = index(at: Int(token.start) + Int(token.length))
            guard start < end else { continue }
            if position < start { segments.append((String(line[position..<start]), plain)) }
            let style = CellStyle(role(of: token.kind), token.kind == .keyword ? .bold : token.kind == .comment ? .dim : [])
            if let last = segments.last, last.style == style {
                segments[segments.count - 1].text.append(contentsOf: line[start..<end])
            } else {
                segments.append((String(line[start..<end]), style))
            }
            position = end
        }
        if position < line.endIndex { segments.append((String(line[position...]), plain)) }
        return segments
    }

    /// Segments cut into screen lines of `width` cells, characters never split.
    static func chop(_ segments: Piece, width: Int) -> [Piece] {
        var lines: [Piece] = []
        var current: Piece = []
        var used = 0
        for segment in segments {
            var text = ""
            for character in segment.text {
                let cells = CellWidth.of(character)
                if used + cells > width, used > 0 {
                    if !text.isEmpty { current.append((text, segment.style)) }
                    lines.append(current)
                    current = []
                    text = ""
                    used = 0
                }
                text.append(character)
                used += cells
            }
            if !text.isEmpty { current.append((text, segment.style)) }
        }
        lines.append(current)
        return lines
    }
}
