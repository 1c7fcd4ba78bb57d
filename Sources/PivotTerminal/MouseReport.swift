import CNcurses
import PivotReader

/// Mouse reports, read here rather than by ncurses (`CursesScreen` turns its KEY_MOUSE off).
/// ncurses reads the rest of a report with blocking reads, so a report cut short froze the
/// reader until the next byte came. Here each byte after a report's start waits at most the
/// escape delay. Both formats: SGR (`ESC [ < b ; x ; y M`, which xterm-256color asks for) and
/// X10 (`ESC [ M b x y`, which screen and tmux ask for).
enum MouseReport {
    /// A longer SGR sequence is no report (three numbers of ten digits take 33 bytes); what
    /// follows it is read as keys.
    static let longestReport = 64

    /// What follows an ESC: a mouse report becomes its input (a release, a drag or another
    /// button is `.ignored`); nil when the bytes are no report, once they have been given back.
    static func read(afterEscapeFrom window: UnsafeMutablePointer<WINDOW>?) -> KeyDecoder.Input? {
        // No wait here: ncurses has given a lone ESC its delay already.
        let bracket = wgetch(window)
        guard bracket == 0x5B else { return giveBack([bracket]) }
        let format = wgetch(window)
        guard format == 0x3C || format == 0x4D else { return giveBack([bracket, format]) }
        // A report has begun: its other bytes may come a moment later, but not much later.
        wtimeout(window, get_escdelay())
        defer { nodelay(window, true) }
        return format == 0x3C ? readSGR(from: window) : readX10(from: window)
    }

    /// Bytes read after an ESC that start no report, back to the input, last first.
    private static func giveBack(_ codes: [Int32]) -> KeyDecoder.Input? {
        for code in codes.reversed() where code != ERR { ungetch(code) }
        return nil
    }

    /// A control sequence's parameters up to its final byte, read whole (so a sequence that is
    /// no report is not typed as keys); a report is three numbers and `M` (press) or `m`.
    private static func readSGR(from window: UnsafeMutablePointer<WINDOW>?) -> KeyDecoder.Input {
        var parameters: [UInt8] = []
        for _ in 0..<longestReport {
            let code = wgetch(window)
            if code == ERR { return .ignored }  // cut short
            guard (0x20...0x7E).contains(code) else {
                ungetch(code)  // not part of a control sequence: the next key
                return .ignored
            }
            guard !(0x40...0x7E).contains(code) else {
                let numbers = parameters.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
                    .map { digits in digits.count <= 10 && digits.allSatisfy { (0x30...0x39).contains($0) } ? Int(String(decoding: digits, as: UTF8.self)) : nil }
                guard code == 0x4D || code == 0x6D, numbers.count == 3,
                      let button = numbers[0], let column = numbers[1], let row = numbers[2] else { return .ignored }
                return input(button: button, column: max(0, column - 1), row: max(0, row - 1), released: code == 0x6D)
            }
            parameters.append(UInt8(code))
        }
        return .ignored
    }

    /// Three raw bytes: the button and the coordinates, each plus 32 (coordinates count from 1).
    private static func readX10(from window: UnsafeMutablePointer<WINDOW>?) -> KeyDecoder.Input {
        var values: [Int] = []
        for _ in 0..<3 {
            let code = wgetch(window)
            if code == ERR { return .ignored }
            guard code < KEY_MIN else {
                ungetch(code)
                return .ignored
            }
            values.append(Int(code) - 32)
        }
        return input(button: values[0], column: values[1] - 1, row: values[2] - 1, released: false)
    }

    /// Button codes as xterm sends them: 0 is the left button, 64 and 65 the wheel; 32 marks
    /// a drag, 128 the extra buttons, 4, 8 and 16 the modifiers; 3 is an X10 release.
    private static func input(button: Int, column: Int, row: Int, released: Bool) -> KeyDecoder.Input {
        guard !released, button >= 0, button & 32 == 0, button & 128 == 0 else { return .ignored }
        switch (button & 64 != 0, button & 3) {
        case (true, 0): return .event(.mouse(.wheelUp, row: row, column: column))
        case (true, 1): return .event(.mouse(.wheelDown, row: row, column: column))
        case (false, 0): return .event(.mouse(.click, row: row, column: column))
        default: return .ignored
        }
    }
}
