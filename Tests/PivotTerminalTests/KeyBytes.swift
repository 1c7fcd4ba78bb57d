@testable import PivotTerminal
import PivotReader
import PivotTestSupport

/// One key as a terminal sends it, and what the reader must make of it.
struct KnownKey {
    var bytes: [UInt8]
    var input: KeyDecoder.Input
}

/// What terminals send: keys with a known meaning, and every kind of garbage around them.
enum KeyBytes {
    /// The keys of `xterm-256color` (read from terminfo, so they match what ncurses decodes),
    /// characters, control chords and SGR mouse reports. ESC alone is not here: followed by
    /// other bytes it starts a sequence, so a batch may only end with it.
    static func knownKeys() -> [KnownKey] {
        var keys: [KnownKey] = []
        let capabilities: [(String, Key)] = [
            ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right), ("knp", .pageDown),
            ("kpp", .pageUp), ("khome", .home), ("kend", .end), ("kcbt", .backTab), ("kdch1", .backspace),
            ("kbs", .backspace), ("kent", .enter),
        ]
        for (capability, key) in capabilities {
            if let bytes = PseudoTerminalKeyboard.sequence(capability) { keys.append(KnownKey(bytes: bytes, input: .event(.key(key)))) }
        }
        for byte in UInt8(0x20)...0x7E {
            keys.append(KnownKey(bytes: [byte], input: .event(.key(.character(Character(Unicode.Scalar(byte)))))))
        }
        for text in ["é", "ß", "€", "漢", "한", "🌿", "\u{00A0}", "\u{FFFD}", "\u{10FFFD}"] {
            keys.append(KnownKey(bytes: Array(text.utf8), input: .event(.key(.character(Character(text))))))
        }
        keys.append(KnownKey(bytes: [0x0D], input: .event(.key(.enter))))
        keys.append(KnownKey(bytes: [0x0A], input: .event(.key(.enter))))
        keys.append(KnownKey(bytes: [0x09], input: .event(.key(.tab))))
        keys.append(KnownKey(bytes: [0x08], input: .event(.key(.backspace))))
        keys.append(KnownKey(bytes: [0x0C], input: .repaint))
        for byte in UInt8(0x01)...0x1A where ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(byte) {
            keys.append(KnownKey(bytes: [byte], input: .event(.key(.control(Character(Unicode.Scalar(byte + 0x60)))))))
        }
        // SGR reports count from 1; the reader's rows and columns from 0.
        for (column, row) in [(1, 1), (10, 5), (80, 24), (223, 100), (1000, 1000)] {
            keys.append(KnownKey(bytes: Array("\u{1B}[<64;\(column);\(row)M".utf8),
                                 input: .event(.mouse(.wheelUp, row: row - 1, column: column - 1))))
            keys.append(KnownKey(bytes: Array("\u{1B}[<65;\(column);\(row)M".utf8),
                                 input: .event(.mouse(.wheelDown, row: row - 1, column: column - 1))))
            keys.append(KnownKey(bytes: Array("\u{1B}[<0;\(column);\(row)M".utf8),
                                 input: .event(.mouse(.click, row: row - 1, column: column - 1))))
            keys.append(KnownKey(bytes: Array("\u{1B}[<0;\(column);\(row)m".utf8), input: .ignored))
        }
        // X10 reports (screen, tmux): the button and the coordinates as bytes, plus 32.
        for (column, row) in [(1, 1), (10, 5), (80, 24), (223, 223)] {
            let position = [UInt8(column + 32), UInt8(row + 32)]
            keys.append(KnownKey(bytes: [0x1B, 0x5B, 0x4D, 32] + position, input: .event(.mouse(.click, row: row - 1, column: column - 1))))
            keys.append(KnownKey(bytes: [0x1B, 0x5B, 0x4D, 96] + position, input: .event(.mouse(.wheelUp, row: row - 1, column: column - 1))))
            keys.append(KnownKey(bytes: [0x1B, 0x5B, 0x4D, 97] + position, input: .event(.mouse(.wheelDown, row: row - 1, column: column - 1))))
            keys.append(KnownKey(bytes: [0x1B, 0x5B, 0x4D, 35] + position, input: .ignored))
        }
        return keys
    }

    static let escape = KnownKey(bytes: [0x1B], input: .event(.key(.escape)))

    /// Byte strings that are not UTF-8 and carry no ASCII: each must cost nothing but itself.
    static let invalidUTF8: [[UInt8]] = [
        [0x80], [0xBF], [0x9B], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF],
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF], [0xFF, 0xFE], [0xC3], [0xE6, 0xBC], [0xF0, 0x9F, 0x8C],
        [0xE6], [0xC3, 0xC3], [UInt8](repeating: 0xFF, count: 40),
    ]

    /// A batch of garbage: pieces of every kind a terminal, a line or an attacker sends.
    static func garbage(using random: inout SeededGenerator, known: [KnownKey]) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 1...12, using: &random) {
            bytes += piece(using: &random, known: known)
        }
        return bytes
    }

    private static func piece(using random: inout SeededGenerator, known: [KnownKey]) -> [UInt8] {
        switch Int.random(in: 0..<13, using: &random) {
        case 0:
            return (0..<Int.random(in: 1...16, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        case 1:  // a key, sometimes cut short
            let bytes = known.randomElement(using: &random)!.bytes
            return Bool.random(using: &random) ? bytes : Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        case 2:  // CSI with random parameters, sometimes without its final byte
            var bytes: [UInt8] = [0x1B, 0x5B]
            for _ in 0..<Int.random(in: 0...(Bool.random(using: &random) ? 8 : 80), using: &random) { bytes.append(Array("0123456789;?<>=".utf8).randomElement(using: &random)!) }
            if Int.random(in: 0..<4, using: &random) > 0 { bytes.append(UInt8.random(in: 0x40...0x7E, using: &random)) }
            return bytes
        case 3:  // SS3
            return [0x1B, 0x4F] + (Bool.random(using: &random) ? [UInt8.random(in: 0...255, using: &random)] : [])
        case 4:  // an X10 mouse report: three raw bytes after ESC [ M
            return [0x1B, 0x5B, 0x4D] + (0..<Int.random(in: 0...3, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        case 5:  // an SGR mouse report with numbers from 0 to far past 2^32, sometimes cut short
            let numbers = ["0", "1", "64", "65", "223", "255", "65535", "99999", "2147483648", "4294967301", "100000000000000000000"]
            let report = "\u{1B}[<\(numbers.randomElement(using: &random)!);\(numbers.randomElement(using: &random)!);"
                + "\(numbers.randomElement(using: &random)!)\(["M", "m", "", "x"].randomElement(using: &random)!)"
            let bytes = Array(report.utf8)
            return Bool.random(using: &random) ? bytes : Array(bytes.prefix(Int.random(in: 2...bytes.count, using: &random)))
        case 6:  // a valid UTF-8 character anywhere in Unicode
            var scalar: Unicode.Scalar?
            while scalar == nil { scalar = Unicode.Scalar(UInt32.random(in: 0x80...0x10FFFF, using: &random)) }
            return Array(String(Character(scalar!)).utf8)
        case 7:
            return invalidUTF8.randomElement(using: &random)!
        case 8:
            return [0x00]
        case 9:  // lone ESC, or several
            return [UInt8](repeating: 0x1B, count: Int.random(in: 1...3, using: &random))
        case 10:  // C0 controls and DEL
            return [[UInt8.random(in: 0x00...0x1F, using: &random)], [0x7F]].randomElement(using: &random)!
        case 11:  // C1 controls, as raw bytes and as UTF-8
            let code = UInt8.random(in: 0x80...0x9F, using: &random)
            return Bool.random(using: &random) ? [code] : [0xC2, code]
        default:  // typing
            return (0..<Int.random(in: 1...8, using: &random)).map { _ in UInt8.random(in: 0x20...0x7E, using: &random) }
        }
    }
}
