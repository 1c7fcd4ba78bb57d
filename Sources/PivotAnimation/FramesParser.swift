/// Reads the frames format (docs/frames.md). Errors name the line.
public enum FramesParser {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public static let maximumFrames = 1000
    public static let widthRange = 1...200
    public static let heightRange = 1...100
    public static let delayRange = 20...10_000

    public static func parse(_ text: String) throws -> Animation {
        // Split on the line-feed byte, over the bytes: splitting by Character would run grapheme
        // breaking over every cell of every frame, a third of the reader's start-up on the
        // embedded page, and the generic split costs a closure call a byte.
        var lines = Self.lines(of: text)
        if text.hasSuffix("\n") { lines.removeLast() }  // the final line end ends a line, it opens none
        guard lines.first.map({ $0.trimmingSpaces() == "pivot-frames 1" }) == true else {
            throw Failure(line: 1, message: "the first line must be 'pivot-frames 1'")
        }
        var width: Int?
        var height: Int?
        var delay = 100
        var loopCount = 0
        var charset = Animation.Charset.text
        var frames: [Animation.Frame] = []
        var index = 1
        while index < lines.count {
            let number = index + 1
            let line = lines[index].trimmingSpaces()
            index += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            // Split over the bytes: the generic split compares Characters, 8,000 instructions a line.
            let words = line.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
            switch words[0] {
            case "size":
                guard frames.isEmpty, words.count == 2 else { throw Failure(line: number, message: "'size WxH' comes before the frames") }
                let parts = words[1].split(separator: "x")
                guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
                      widthRange.contains(w), heightRange.contains(h) else {
                    throw Failure(line: number, message: "size must be WxH within \(widthRange)x\(heightRange)")
                }
                width = w
                height = h
            case "delay":
                guard frames.isEmpty, words.count == 2, let value = Int(words[1]), delayRange.contains(value) else {
                    throw Failure(line: number, message: "delay must be milliseconds in \(delayRange), before the frames")
                }
                delay = value
            case "loop":
                guard frames.isEmpty, words.count == 2, let value = Int(words[1]), value >= 0 else {
                    throw Failure(line: number, message: "loop must be a count (0 = forever), before the frames")
                }
                loopCount = value
            case "charset":
                guard frames.isEmpty, words.count == 2, let value = Animation.Charset(rawValue: String(words[1])) else {
                    throw Failure(line: number, message: "charset must be 'text', 'blocks' or 'symbols', before the frames")
                }
                charset = value
            case "frame":
                guard let width, let height else { throw Failure(line: number, message: "'size WxH' must come before the first frame") }
                guard frames.count < maximumFrames else { throw Failure(line: number, message: "more than \(maximumFrames) frames") }
                var frame = try frameHeader(words.dropFirst(), line: number, defaultDelay: delay)
                guard index + height <= lines.count else {
                    throw Failure(line: number, message: "the frame needs \(height) lines; the file ends first")
                }
                for offset in 0..<height {
                    let art = lines[index + offset]
                    if charset == .blocks {
                        try checkBlocks(art, line: index + offset + 1, width: width)
                        frame.lines.append(String(art))
                    } else if charset == .symbols {
                        try checkSymbols(art, line: index + offset + 1, width: width)
                        frame.lines.append(String(art))
                    } else {
                        frame.lines.append(try paddedText(art, line: index + offset + 1, width: width))
                    }
                }
                index += height
                frames.append(frame)
            default:
                throw Failure(line: number, message: "unknown setting '\(words[0])'")
            }
        }
        guard let width, let height else { throw Failure(line: lines.count, message: "no 'size WxH'") }
        guard !frames.isEmpty else { throw Failure(line: lines.count, message: "no frames") }
        return Animation(width: width, height: height, frames: frames, loopCount: loopCount, charset: charset)
    }

    private static func frameHeader(_ words: ArraySlice<Substring>, line: Int, defaultDelay: Int) throws -> Animation.Frame {
        var frame = Animation.Frame(lines: [], delay: defaultDelay)
        var rest = words[...]
        if let first = rest.first, let value = Int(first) {
            guard delayRange.contains(value) else { throw Failure(line: line, message: "frame delay must be in \(delayRange) ms") }
            frame.delay = value
            rest = rest.dropFirst()
        }
        if !rest.isEmpty {
            guard rest.count == 2, rest.first == "color", let color = Animation.Color(rawValue: String(rest.last!)) else {
                throw Failure(line: line, message: "expected 'frame [MS] [color NAME]'")
            }
            frame.color = color
        }
        return frame
    }

    private static func checkBlocks(_ art: Substring, line: Int, width: Int) throws {
        guard art.utf8.count == 4 * width, art.utf8.allSatisfy({ isHexDigit($0) }) else {
            throw Failure(line: line, message: "a blocks line is \(4 * width) hex digits (4 a cell)")
        }
    }

    /// A symbols line: `width` cells, each a symbol of chafa's sets then four hex digits.
    private static func checkSymbols(_ art: Substring, line: Int, width: Int) throws {
        var scalars = art.unicodeScalars[...]
        for _ in 0..<width {
            guard let symbol = scalars.popFirst(), isCellSymbol(symbol) else {
                throw Failure(line: line, message: "a symbols cell starts with a symbol of ASCII, blocks, sextants or braille")
            }
            let digits = scalars.prefix(4)
            guard digits.count == 4, digits.allSatisfy({ $0.isASCII && isHexDigit(UInt8($0.value)) }) else {
                throw Failure(line: line, message: "a symbols cell is a symbol then 4 hex digits")
            }
            scalars = scalars.dropFirst(4)
        }
        guard scalars.isEmpty else { throw Failure(line: line, message: "a symbols line holds exactly \(width) cells") }
    }

    /// One-column symbols chafa draws with: printable ASCII, block elements, sextants, braille.
    /// Nothing that could move the cursor or take two columns.
    static func isCellSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0x2580...0x259F, 0x2800...0x28FF, 0x1FB00...0x1FB3B: return true
        default: return false
        }
    }

    /// The text's lines, without their LF (or CRLF); a text ending in LF ends with an empty line.
    static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        let offsets: [Int] = utf8.withContiguousStorageIfAvailable { bytes in
            var offsets: [Int] = []
            for offset in 0..<bytes.count where bytes[offset] == UInt8(ascii: "\n") { offsets.append(offset) }
            return offsets
        } ?? utf8.indices.enumerated().compactMap { utf8[$0.element] == UInt8(ascii: "\n") ? $0.offset : nil }
        var lines: [Substring] = []
        lines.reserveCapacity(offsets.count + 1)
        var start = utf8.startIndex
        for offset in offsets + [utf8.count] {
            var end = utf8.index(utf8.startIndex, offsetBy: offset)
            let next = end == utf8.endIndex ? end : utf8.index(after: end)
            if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
            lines.append(text[start..<end])
            start = next
        }
        return lines
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }

    /// A text line of a frame, padded with spaces to the frame's width: checked over its bytes
    /// and made in one step (a frame file is read at every start; appending the padding to a
    /// copy of the line cost four times as much).
    private static func paddedText(_ art: Substring, line: Int, width: Int) throws -> String {
        let isPrintable = art.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count <= width && !bytes.contains { $0 < 0x20 || $0 > 0x7E }
        }
        guard isPrintable == true else {
            try check(art, line: line, width: width)
            return String(art) + String(repeating: " ", count: width - art.utf8.count)
        }
        let padding = width - art.utf8.count
        return padding == 0 ? String(art) : String(decoding: Array(art.utf8) + repeatElement(UInt8(ascii: " "), count: padding), as: UTF8.self)
    }

    private static func check(_ art: Substring, line: Int, width: Int) throws {
        let bad = art.utf8.withContiguousStorageIfAvailable { $0.first { $0 < 0x20 || $0 > 0x7E } }
            ?? art.utf8.first { $0 < 0x20 || $0 > 0x7E }
        if let byte = bad {
            throw Failure(line: line, message: "only printable ASCII is allowed in frames (found byte 0x\(String(byte, radix: 16)))")
        }
        if art.utf8.count > width {
            throw Failure(line: line, message: "line is \(art.utf8.count) columns, wider than the frame (\(width))")
        }
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
