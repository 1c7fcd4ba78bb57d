import CNcurses
import Glibc
import PivotReader

/// Makes the external links on screen clickable (OSC 8) where the terminal supports it.
/// ncurses knows nothing of hyperlinks, so after each frame the link cells of the rows it drew
/// are written again inside the hyperlink sequence, with their own attributes; then the
/// attributes are reset and ncurses is told where the cursor is, so its picture of the
/// terminal stays true.
final class HyperlinkWriter {
    private let reset: String

    /// Whether to write hyperlinks: `--no-hyperlinks` turns them off; `FORCE_HYPERLINK=1` or `=0`
    /// decides; otherwise only terminals known to show them (the rest could print the
    /// sequence's text, or nothing happens).
    static func wanted(allowed: Bool, environment: (String) -> String?) -> Bool {
        guard allowed else { return false }
        if let forced = environment("FORCE_HYPERLINK") { return forced != "0" && !forced.isEmpty }
        let term = environment("TERM") ?? ""
        if ["xterm-kitty", "alacritty", "foot", "wezterm", "contour", "xterm-ghostty"].contains(term)
            || term.hasPrefix("foot") { return true }
        if let program = environment("TERM_PROGRAM"), ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper"].contains(program) {
            return true
        }
        if let vte = environment("VTE_VERSION").flatMap(Int.init), vte >= 5000 { return true }
        return environment("WT_SESSION") != nil || environment("KONSOLE_VERSION") != nil
    }

    init?() {
        guard Self.capability("cup") != nil else { return nil }
        reset = Self.capability("sgr0") ?? "\u{1B}[m"
    }

    private static func capability(_ name: String) -> String? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return String(cString: value)
    }

    func write(_ grid: CellGrid, rows: [Int], theme: Theme) {
        var output = ""
        for row in rows {
            var column = 0
            while column < grid.width {
                guard let link = grid[row, column].style.link, let address = grid.hyperlinks[link] else {
                    column += 1
                    continue
                }
                output += RawOutput.position(row: row, column: column) + Hyperlink.opening(address)
                while column < grid.width, grid[row, column].style.link == link {
                    let cell = grid[row, column]
                    if !cell.text.isEmpty { output += look(of: cell, theme: theme) + cell.text }
                    column += 1
                }
                output += Hyperlink.closing
            }
        }
        guard !output.isEmpty else { return }
        RawOutput.write(Array((output + reset).utf8))
    }

    /// The cell's attributes and colours from a clean state, as ncurses would draw it.
    private func look(of cell: Cell, theme: Theme) -> String {
        let (_, attributes, pair) = theme.look(for: cell)
        var sequence = reset
        let names: [(attr_t, String)] = [(pv_A_BOLD(), "bold"), (pv_A_DIM(), "dim"), (pv_A_ITALIC(), "sitm"),
                                         (pv_A_UNDERLINE(), "smul"), (pv_A_REVERSE(), "rev")]
        for (flag, name) in names where attributes & flag != 0 {
            sequence += Self.capability(name) ?? ""
        }
        if pair > 0 {
            var foreground: Int32 = -1
            var background: Int32 = -1
            extended_pair_content(pair, &foreground, &background)
            if foreground >= 0, let set = Self.capability("setaf") {
                sequence += pv_tiparm1(set, foreground).map { String(cString: $0) } ?? ""
            }
            if background >= 0, let set = Self.capability("setab") {
                sequence += pv_tiparm1(set, background).map { String(cString: $0) } ?? ""
            }
        }
        return sequence
    }
}
