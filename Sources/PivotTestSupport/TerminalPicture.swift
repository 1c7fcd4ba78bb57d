import Foundation

/// A terminal's screen as a picture: the styled lines of a tmux capture (`captureWithStyles`)
/// drawn cell by cell with GNU Unifont's glyphs (Debian's `unifont`, 8x16 and 16x16 bitmaps
/// in its .hex form) and written with `PNGWriter`. Colours are xterm's palette on a dark
/// background; bold, dim and reverse video are drawn as terminals draw them.
public struct TerminalPicture {
    public static let cellWidth = 8
    public static let cellHeight = 16
    public static let fontPath = "/usr/share/unifont/unifont.hex"

    /// Glyph rows by code point: 16 rows of 8 or 16 bits.
    private let glyphs: [UInt32: [UInt16]]
    private let wideGlyphs: Set<UInt32>
    /// Characters on the screen the font has no glyph for (drawn as a box).
    public private(set) var missing: Set<Character> = []

    public init(fontPath: String = TerminalPicture.fontPath) throws {
        var glyphs: [UInt32: [UInt16]] = [:]
        var wide = Set<UInt32>()
        for line in try String(contentsOfFile: fontPath, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: ":")
            guard parts.count == 2, let code = UInt32(parts[0], radix: 16) else { continue }
            let hex = Array(parts[1].utf8)
            let digits = hex.count / 16  // 2 for an 8-pixel row, 4 for a 16-pixel one
            guard digits == 2 || digits == 4 else { continue }
            glyphs[code] = (0..<16).map { row in
                UInt16(String(decoding: hex[(row * digits)..<((row + 1) * digits)], as: UTF8.self), radix: 16) ?? 0
            }
            if digits == 4 { wide.insert(code) }
        }
        self.glyphs = glyphs
        wideGlyphs = wide
    }

    /// The PNG of `lines` (tmux's `capture-pane -e` rows), `columns` cells wide.
    public mutating func png(lines: [String], columns: Int) -> [UInt8] {
        let rows = lines.count
        let width = columns * Self.cellWidth
        let height = rows * Self.cellHeight
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for (row, line) in lines.enumerated() {
            var column = 0
            for cell in StyledLine.cells(of: line) where column < columns {
                let code = cell.character.unicodeScalars.first?.value ?? 32
                let wide = wideGlyphs.contains(code)
                let span = wide ? 2 : 1
                if glyphs[code] == nil, cell.character != " " { missing.insert(cell.character) }
                let rowsBits = glyphs[code] ?? Self.box
                var (ink, paper) = (Palette.color(cell.style.foreground, default: Palette.ink),
                                    Palette.color(cell.style.background, default: Palette.paper))
                if cell.style.bold, let foreground = cell.style.foreground, foreground < 8 {
                    ink = Palette.color(foreground + 8, default: Palette.ink)  // bold as bright, as xterm does
                }
                if cell.style.dim { ink = zip(ink, paper).map { UInt8((Int($0) + Int($1)) / 2) } }
                if cell.style.reverse { swap(&ink, &paper) }
                for y in 0..<Self.cellHeight {
                    let bits = rowsBits[y]
                    for x in 0..<(Self.cellWidth * span) where column * Self.cellWidth + x < width {
                        let on = wide ? bits & (0x8000 >> x) != 0 : bits & (0x80 >> x) != 0
                        let offset = ((row * Self.cellHeight + y) * width + column * Self.cellWidth + x) * 4
                        let color = on ? ink : paper
                        pixels[offset] = color[0]
                        pixels[offset + 1] = color[1]
                        pixels[offset + 2] = color[2]
                        pixels[offset + 3] = 255
                    }
                }
                column += span
            }
            // The rest of the row is the background.
            for y in 0..<Self.cellHeight {
                for x in (column * Self.cellWidth)..<width {
                    let offset = ((row * Self.cellHeight + y) * width + x) * 4
                    pixels[offset] = Palette.paper[0]
                    pixels[offset + 1] = Palette.paper[1]
                    pixels[offset + 2] = Palette.paper[2]
                    pixels[offset + 3] = 255
                }
            }
        }
        return PNGWriter.png(width: width, height: height, pixels: pixels)
    }

    /// An empty box, for a character the font lacks.
    private static let box: [UInt16] = [0, 0, 0x7E, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x7E, 0, 0, 0]
}

/// One row of a tmux capture with its SGR sequences, as styled characters.
enum StyledLine {
    struct Style {
        var foreground: Int?
        var background: Int?
        var bold = false
        var dim = false
        var reverse = false
    }

    struct Cell {
        var character: Character
        var style: Style
    }

    static func cells(of line: String) -> [Cell] {
        var cells: [Cell] = []
        var style = Style()
        var scalars = line.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\u{1B}", scalars.first == "[" {
                scalars.removeFirst()
                var parameters = ""
                while let next = scalars.popFirst(), next != "m" { parameters.unicodeScalars.append(next) }
                apply(parameters, to: &style)
            } else {
                cells.append(Cell(character: Character(scalar), style: style))
            }
        }
        return cells
    }

    private static func apply(_ parameters: String, to style: inout Style) {
        var codes = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }[...]
        if codes.isEmpty { codes = [0] }
        while let code = codes.popFirst() {
            switch code {
            case 0: style = Style()
            case 1: style.bold = true
            case 2: style.dim = true
            case 7: style.reverse = true
            case 22: style.bold = false; style.dim = false
            case 27: style.reverse = false
            case 30...37: style.foreground = code - 30
            case 90...97: style.foreground = code - 90 + 8
            case 39: style.foreground = nil
            case 40...47: style.background = code - 40
            case 100...107: style.background = code - 100 + 8
            case 49: style.background = nil
            case 38, 48:
                // 38;5;N and 48;5;N: a palette colour.
                guard codes.popFirst() == 5, let index = codes.popFirst() else { break }
                if code == 38 { style.foreground = index } else { style.background = index }
            default: break
            }
        }
    }
}

/// xterm's 256 colours, with the default ink and paper of a dark terminal.
enum Palette {
    static let ink: [UInt8] = [0xD8, 0xD8, 0xD8]
    static let paper: [UInt8] = [0x1C, 0x1C, 0x1C]
    private static let sixteen: [[UInt8]] = [
        [0, 0, 0], [205, 49, 49], [13, 188, 121], [229, 229, 16], [36, 114, 200], [188, 63, 188], [17, 168, 205], [229, 229, 229],
        [102, 102, 102], [241, 76, 76], [35, 209, 139], [245, 245, 67], [59, 142, 234], [214, 112, 214], [41, 184, 219], [255, 255, 255],
    ]

    static func color(_ index: Int?, default fallback: [UInt8]) -> [UInt8] {
        guard let index, (0...255).contains(index) else { return fallback }
        if index < 16 { return sixteen[index] }
        if index >= 232 {
            let level = UInt8(8 + (index - 232) * 10)
            return [level, level, level]
        }
        let cube = index - 16
        let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
        return [steps[cube / 36], steps[cube / 6 % 6], steps[cube % 6]]
    }
}
