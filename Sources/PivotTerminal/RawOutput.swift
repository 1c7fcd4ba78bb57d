import CNcurses
import Glibc

/// Bytes ncurses knows nothing of (hyperlinks, pictures' pixels), written after its update:
/// then ncurses is told the attributes are normal and the cursor is somewhere it must look up,
/// so its picture of the terminal stays true.
enum RawOutput {
    static func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        fflush(pv_stdout())
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fileno(pv_stdout()), $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
        vidattr(pv_A_NORMAL())
        _ = mvcur(-1, -1, 0, 0)
        fflush(pv_stdout())
        doupdate()
    }

    /// The terminal's sequence that moves the cursor to a cell (terminfo's cup).
    static func position(row: Int, column: Int) -> String {
        guard let cup = tigetstr("cup"), Int(bitPattern: cup) != -1 else { return "" }
        return pv_tiparm2(cup, Int32(row), Int32(column)).map { String(cString: $0) } ?? ""
    }
}
