import CNcurses
import CTerminalSupport
import Glibc

/// A scrolling region set once and kept while line scrolls follow one another, so each scroll
/// is a bare `ind` (a LF on xterm) instead of ncurses' set, scroll, reset and two cursor moves.
/// ncurses knows nothing of it, and it is undone before ncurses or anyone else writes more. A
/// relative move down would stop at its margin; ncurses was not seen to make one: it moves down with
/// vpa or cup (seen with ncurses 6.4/6.5, in nl and nonl modes; the public terminfo variables
/// are a copy ncurses does not read, so they cannot steer it).
final class KeptScrollRegion {
    private let outputDescriptor: Int32
    private(set) var rows: ClosedRange<Int>?

    init(outputDescriptor: Int32) {
        self.outputDescriptor = outputDescriptor
    }

    /// The terminal can keep a region and scroll it with `ind`, and writing its last column
    /// never wraps onto the next row at once (xenl, or no automatic margins).
    static var isUsable: Bool {
        CursesScreen.capability("csr") != nil && CursesScreen.capability("ind") != nil
            && (tigetflag("xenl") > 0 || tigetflag("am") <= 0)
    }

    /// Sets the region; DECSTBM homes the cursor, and the caller moves it from there.
    func keep(_ rows: ClosedRange<Int>) {
        guard self.rows != rows else { return }
        _ = putp(Self.regionBytes(rows))
        self.rows = rows
        pv_note_region_kept(outputDescriptor, Self.regionBytes(Self.wholeScreen))
    }

    /// Gives the whole screen back to scrolling (a suspend may have done it already).
    func release() {
        let lost = pv_take_region_lost() != 0
        guard rows != nil else { return }
        rows = nil
        pv_note_region_released()
        if !lost { _ = putp(Self.regionBytes(Self.wholeScreen)) }
        _ = mvcur(-1, -1, 0, 0)  // DECSTBM homed the cursor; ncurses' idea of it is set to match
        fflush(pv_stdout())  // before ncurses writes its next update straight to the descriptor
    }

    /// Forgets the region when a suspend undid it behind the reader's back.
    func noteSuspend() {
        guard pv_take_region_lost() != 0, rows != nil else { return }
        rows = nil
    }

    private static var wholeScreen: ClosedRange<Int> { 0...(Int(getmaxy(pv_stdscr())) - 1) }

    private static func regionBytes(_ rows: ClosedRange<Int>) -> String {
        guard let csr = tigetstr("csr"), Int(bitPattern: csr) != -1 else { return "" }
        return pv_tiparm2(csr, Int32(rows.lowerBound), Int32(rows.upperBound)).map { String(cString: $0) } ?? ""
    }
}
