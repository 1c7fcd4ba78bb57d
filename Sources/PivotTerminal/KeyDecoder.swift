import CNcurses
import PivotReader

/// Reads keys through ncurses (`wgetch` decodes the terminal's key sequences from terminfo)
/// and turns them into reader events. Characters and mouse reports are put together here.
enum KeyDecoder {
    /// One read of the keyboard.
    enum Input: Equatable {
        case event(ReaderEvent)
        /// Ctrl-L: repaint everything.
        case repaint
        /// Something that means nothing to the reader (an unknown key, a mouse release).
        case ignored
    }

    /// The next key waiting in `window`'s input, decoded; nil when none is waiting (the
    /// window is in no-delay mode). The run loop and the key fuzz tests both read through here.
    static func next(from window: UnsafeMutablePointer<WINDOW>?) -> Input? {
        let first = wgetch(window)
        if first == ERR { return nil }
        if first >= KEY_MIN { return functionKey(first).map(Input.event) ?? .ignored }
        if first == 0x0C { return .repaint }
        if first == 0x1B { return MouseReport.read(afterEscapeFrom: window) ?? .event(.key(.escape)) }
        guard let scalar = scalar(leadingWith: first, from: window) else { return .ignored }
        return character(scalar).map(Input.event) ?? .ignored
    }

    /// A character from its UTF-8 bytes, which wgetch hands over one at a time (8-bit input:
    /// ncurses reads all 8 bits from a CS8 terminal, as a pty is). Put together here rather
    /// than by wget_wch, which swallows the keys that follow an invalid byte in the same read,
    /// or holds them back until the next key. A byte that cannot continue the character is
    /// given back, to be read as the next key; nil for anything that is not a character.
    private static func scalar(leadingWith lead: Int32, from window: UnsafeMutablePointer<WINDOW>?) -> UInt32? {
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00...0x7F: return UInt32(lead)
        case 0xC2...0xDF: (length, value) = (2, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, value) = (3, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, value) = (4, UInt32(lead & 0x07))
        default: return nil  // a continuation byte, or a byte no character starts with
        }
        for _ in 1..<length {
            let next = wgetch(window)
            if next == ERR { return nil }  // cut short: the rest did not come with it
            guard (0x80...0xBF).contains(next) else {
                ungetch(next)
                return nil
            }
            value = value << 6 | UInt32(next & 0x3F)
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not characters.
        let shortest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= shortest, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
        return value
    }

    private static func character(_ code: UInt32) -> ReaderEvent? {
        switch code {
        case 0x0D, 0x0A: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x7F, 0x08: return .key(.backspace)
        case 0x01...0x1A:
            return .key(.control(Character(Unicode.Scalar(code + 0x60)!)))
        case 0x00..<0x20, 0x80..<0xA0:
            return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private static func functionKey(_ code: Int32) -> ReaderEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_HOME: return .key(.home)
        case KEY_END, KEY_LL: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE, KEY_DC: return .key(.backspace)
        default: return nil
        }
    }
}
