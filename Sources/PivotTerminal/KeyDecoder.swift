import CNcurses
import PivotReader

/// Turns what ncurses' `wget_wch` reports (it decodes the terminal's escape sequences from
/// terminfo) into reader events.
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
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == ERR { return nil }
        if status == OK && code == 0x0C { return .repaint }
        return event(status: status, code: UInt32(code)).map(Input.event) ?? .ignored
    }

    static func event(status: Int32, code: UInt32) -> ReaderEvent? {
        if status == KEY_CODE_YES {
            return functionKey(Int32(bitPattern: code))
        }
        guard status == OK else { return nil }
        switch code {
        case 0x0D, 0x0A: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x1B: return .key(.escape)
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
        case KEY_MOUSE: return mouse()
        default: return nil
        }
    }

    private static func mouse() -> ReaderEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let row = Int(event.y)
        let column = Int(event.x)
        if pv_is_wheel_up(event.bstate) != 0 { return .mouse(.wheelUp, row: row, column: column) }
        if pv_is_wheel_down(event.bstate) != 0 { return .mouse(.wheelDown, row: row, column: column) }
        if pv_is_click(event.bstate) != 0 { return .mouse(.click, row: row, column: column) }
        return nil
    }
}
