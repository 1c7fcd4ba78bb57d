/// An animation made of text frames: the stand-in for a page's image.
public struct Animation: Sendable, Equatable {
    public enum Color: String, Sendable, CaseIterable {
        case `default`, red, green, yellow, blue, magenta, cyan, white
    }

    public struct Frame: Sendable, Equatable {
        /// Exactly `height` lines of exactly `width` printable ASCII characters.
        public var lines: [String]
        /// Milliseconds this frame stays on screen.
        public var delay: Int
        public var color: Color

        public init(lines: [String], delay: Int, color: Color = .default) {
            self.lines = lines
            self.delay = delay
            self.color = color
        }
    }

    /// How frame lines are read: as the characters to show, or as colour cells.
    public enum Charset: String, Sendable {
        case text
        /// Each cell is four hex digits: the 256-colour index of its top half, then of its bottom half.
        case blocks
        /// Each cell is its symbol (drawn by chafa: blocks, braille, ASCII...) then four hex digits,
        /// the 256-colour index of its foreground, then of its background. Made in memory only.
        case symbols
    }

    public var width: Int
    public var height: Int
    public var frames: [Frame]
    /// Times the animation plays; 0 repeats forever.
    public var loopCount: Int
    public var charset: Charset

    public init(width: Int, height: Int, frames: [Frame], loopCount: Int = 0, charset: Charset = .text) {
        self.width = width
        self.height = height
        self.frames = frames
        self.loopCount = loopCount
        self.charset = charset
    }

    /// The colours of one row of a `.blocks` frame: (top, bottom) palette indices per cell.
    public func blockColors(frame: Int, row: Int) -> [(top: UInt8, bottom: UInt8)] {
        let digits = Array(frames[frame].lines[row].utf8)
        return stride(from: 0, to: digits.count - 3, by: 4).map { index in
            (Self.byte(digits[index], digits[index + 1]), Self.byte(digits[index + 2], digits[index + 3]))
        }
    }

    /// The cells of one row of a `.symbols` frame: symbol, foreground and background indices.
    public func symbolCells(frame: Int, row: Int) -> [(symbol: Character, foreground: UInt8, background: UInt8)] {
        var cells: [(symbol: Character, foreground: UInt8, background: UInt8)] = []
        let line = frames[frame].lines[row]
        var index = line.startIndex
        while index < line.endIndex {
            let symbol = line[index]
            let digits = Array(line[line.index(after: index)...].utf8.prefix(4))
            guard digits.count == 4 else { break }
            cells.append((symbol, Self.byte(digits[0], digits[1]), Self.byte(digits[2], digits[3])))
            index = line.utf8.index(line.index(after: index), offsetBy: 4)
        }
        return cells
    }

    private static func byte(_ high: UInt8, _ low: UInt8) -> UInt8 {
        func value(_ digit: UInt8) -> UInt8 {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
            default: return 0
            }
        }
        return value(high) << 4 | value(low)
    }

    /// One pass through every frame, in milliseconds.
    public var cycleDuration: Int { frames.reduce(0) { $0 + $1.delay } }

    /// The frame shown `elapsed` milliseconds after the start; a finished animation rests on its last frame.
    public func frameIndex(atElapsed elapsed: Int) -> Int {
        guard frames.count > 1, cycleDuration > 0 else { return 0 }
        if loopCount > 0 && elapsed >= loopCount * cycleDuration { return frames.count - 1 }
        var remaining = max(0, elapsed) % cycleDuration
        for (index, frame) in frames.enumerated() {
            if remaining < frame.delay { return index }
            remaining -= frame.delay
        }
        return frames.count - 1
    }

    /// Milliseconds from `elapsed` until the frame changes; nil once nothing will change.
    public func timeToNextFrame(afterElapsed elapsed: Int) -> Int? {
        guard frames.count > 1, cycleDuration > 0 else { return nil }
        let elapsed = max(0, elapsed)
        if loopCount > 0 && elapsed >= loopCount * cycleDuration { return nil }
        var boundary = elapsed - elapsed % cycleDuration
        for frame in frames {
            boundary += frame.delay
            if boundary > elapsed { return boundary - elapsed }
        }
        return nil
    }
}
