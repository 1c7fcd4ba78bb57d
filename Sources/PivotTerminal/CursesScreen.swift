import CNcurses
import CTerminalSupport
import Glibc
import PivotReader

/// The ncurses screen: set up with `newterm` (so an unknown TERM is an answer, not an exit),
/// filled from the reader's cell grid, and restored on every way out.
final class CursesScreen {
    enum SetupError: Error, CustomStringConvertible {
        case unknownTerminal(String)
        case notFullScreen(String)

        var description: String {
            switch self {
            case .unknownTerminal(let name):
                return "unknown terminal type '\(name)'; printing plain text (try TERM=xterm-256color)"
            case .notFullScreen(let name):
                return "terminal type '\(name)' cannot move the cursor; printing plain text"
            }
        }
    }

    private let screen: OpaquePointer
    let theme: Theme
    /// Writes external links as terminal hyperlinks (OSC 8) after each frame; nil: off.
    var hyperlinks: HyperlinkWriter?
    private var shown: CellGrid?
    /// The terminal has a line-drawing charset (terminfo `smacs`, and `q` in `acsc`).
    private let drawsLinesInLineCharset: Bool
    let inputDescriptor: Int32
    private let outputDescriptor: Int32
    private(set) var isOpen = true
    /// Kept between consecutive line scrolls (nil: the terminal cannot).
    private let scrollRegion: KeptScrollRegion?
    /// The room for a row's run of cells (see `drawRow`), kept from row to row. The loop works
    /// on a local copy: a stored property's every use is an exclusivity check.
    private var runBuffer: [cchar_t] = []
    /// /dev/null, open for `updateDiscardingOutput` (-1: not yet).
    private var sinkDescriptor: Int32 = -1
    /// The row whose start holds the terminal's cursor, where the last line scroll left it (and
    /// ncurses believes it is): the kept region's bottom after `j`, its top after `k`.
    private var parkedRow: Int?

    /// The reader's screen: standard output, with keys from standard input (or the terminal).
    convenience init(themeName: ThemeName, colors: [ColorRole: Int16] = [:], useColor: Bool, useMouse: Bool,
                     escapeDelay: Int32) throws {
        // Keys come from the terminal even when standard input is a pipe.
        var input: UnsafeMutablePointer<FILE>? = pv_stdin()
        if isatty(STDIN_FILENO) == 0 { input = fopen("/dev/tty", "r") }
        pv_save_terminal_modes(STDOUT_FILENO)  // the shell's modes, before curses changes them
        try self.init(input: input, output: pv_stdout(), themeName: themeName, colors: colors, useColor: useColor,
                      useMouse: useMouse, escapeDelay: escapeDelay)
        pv_arm_crash_restore(CursesScreen.restoreSequence())
    }

    /// A screen on the given streams, set up as the reader's is; the key fuzz tests give it a
    /// pipe for input and /dev/null for output.
    /// `needsCursorAddressing` false: only the keys are wanted (`LinearScreen`), which any
    /// terminal type with a terminfo entry can give.
    init(input: UnsafeMutablePointer<FILE>?, output: UnsafeMutablePointer<FILE>?, themeName: ThemeName,
         colors: [ColorRole: Int16] = [:], useColor: Bool, useMouse: Bool, escapeDelay: Int32,
         needsCursorAddressing: Bool = true) throws {
        let termName = String(cString: getenv("TERM") ?? strdup("")!)
        // The size comes from the terminal (ioctl); LINES/COLUMNS only when it reports none.
        use_env(true)
        use_tioctl(true)
        guard let input, let created = newterm(nil, output, input) else {
            throw SetupError.unknownTerminal(termName.isEmpty ? "(unset)" : termName)
        }
        screen = created
        inputDescriptor = fileno(input)
        outputDescriptor = fileno(output)
        // dumb and hardcopy terminals have no cursor addressing: no full-screen mode there.
        if needsCursorAddressing, CursesScreen.capability("cup") == nil {
            endwin()
            delscreen(created)
            throw SetupError.notFullScreen(termName)
        }
        drawsLinesInLineCharset = CursesScreen.capability("smacs") != nil
            && CursesScreen.capability("acsc")?.contains("q") == true
        scrollRegion = KeptScrollRegion.isUsable ? KeptScrollRegion(outputDescriptor: fileno(output)) : nil
        // ncurses (6.4) leaves a new screen in its initial state until the first endwin, and
        // in that state flushes after every cursor move: a frame left as dozens of small writes.
        // One suspend and resume before anything is drawn (and before colours are on, or the
        // resume would reset the terminal's palette) makes every frame one write.
        endwin()
        doupdate()
        raw()
        noecho()
        nonl()
        _ = keypad(pv_stdscr(), true)
        _ = nodelay(pv_stdscr(), true)
        _ = idlok(pv_stdscr(), true)        // let ncurses scroll with insert/delete line
        _ = leaveok(pv_stdscr(), true)      // the cursor is hidden; never spend bytes moving it
        curs_set(0)
        set_escdelay(escapeDelay)
        if useMouse {
            mousemask(pv_mouse_mask(), nil)
            mouseinterval(0)
            // The terminal reports the mouse; MouseReport reads the reports, without blocking.
            keyok(KEY_MOUSE, false)
        }
        let depth: Theme.Depth
        if useColor && has_colors() {
            start_color()
            use_default_colors()
            depth = pv_colors() >= 256 && pv_color_pairs() > 2 * ColorRole.allCases.count ? .full : .eight
        } else {
            depth = .none
        }
        theme = Theme(name: themeName, depth: depth, colors: colors, paletteSize: Int(pv_colors()))
        theme.install()
    }

    /// Whether pictures may be drawn in pixels (set by the session, decided at the first picture).
    var graphicsMode = GraphicsMode.off
    private var graphicsDecided = false
    private(set) var graphicsWriter: GraphicsWriter?

    /// How pictures are drawn on this screen: in the 240 colours of a 256-colour terminal, the
    /// 16 or 8 of a smaller one, or none (symbols alone); over them real pixels, when the terminal
    /// speaks sixel or kitty graphics (asked the first time there are picture files to draw:
    /// see `GraphicsMode`).
    func pictureStyle(mayAskTerminal: Bool) -> PictureStyle? {
        let colors: Int
        switch theme.depth {
        case .full: colors = 240
        case .eight: colors = theme.paletteSize >= 16 ? 16 : 8
        case .none: colors = 0
        }
        if !graphicsDecided && mayAskTerminal {
            graphicsDecided = true
            parkedRow = nil  // the probe's bytes leave the cursor where ncurses alone knows
            let kind: TerminalGraphics.Kind?
            switch graphicsMode {
            case .off: kind = nil
            case .kitty: kind = .kitty
            case .sixel: kind = .sixel
            case .auto: kind = GraphicsProbe.ask(input: inputDescriptor)
            }
            graphicsWriter = kind.flatMap { kind in cellPixels(kind).map { GraphicsWriter(graphics: TerminalGraphics(kind: kind, cellWidth: $0.width, cellHeight: $0.height)) } }
        }
        guard var graphics = graphicsWriter?.graphics else { return PictureStyle(colors: colors, graphics: nil) }
        // A font size may change with the window: the cell's pixels are asked each time.
        if let size = cellPixels(graphics.kind) {
            graphics.cellWidth = size.width
            graphics.cellHeight = size.height
        }
        return PictureStyle(colors: colors, graphics: graphics)
    }

    /// A cell's size in pixels, from the terminal's window size. Unknown, kitty is told sizes in
    /// cells (10x20 pixels a cell are assumed for the picture's detail); sixels, drawn in pixels,
    /// could spill past their cells and are not used.
    private func cellPixels(_ kind: TerminalGraphics.Kind) -> (width: Int, height: Int)? {
        var size = winsize()
        if ioctl(inputDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_xpixel > 0, size.ws_ypixel > 0,
           size.ws_col > 0, size.ws_row > 0 {
            return (Int(size.ws_xpixel) / Int(size.ws_col), Int(size.ws_ypixel) / Int(size.ws_row))
        }
        return kind == .kitty ? (10, 20) : nil
    }

    static func capability(_ name: String) -> String? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return String(cString: value)
    }

    /// Bytes that leave full-screen mode, for the crash handler (which may not call ncurses).
    private static func restoreSequence() -> String {
        var bytes = ""
        for capability in ["rmcup", "cnorm", "rmkx", "sgr0"] {
            if let value = tigetstr(capability), Int(bitPattern: value) != -1 { bytes += String(cString: value) }
        }
        return bytes + "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\r\n"
    }

    var size: Size {
        Size(width: Int(getmaxx(pv_stdscr())), height: Int(getmaxy(pv_stdscr())))
    }

    /// Tells ncurses the window has a new size (read from the terminal, after SIGWINCH).
    func adoptWindowSize() {
        var rows: Int32 = 0
        var columns: Int32 = 0
        pv_window_size(inputDescriptor, &rows, &columns)
        if rows <= 0 || columns <= 0 { pv_window_size(STDOUT_FILENO, &rows, &columns) }
        if rows > 0 && columns > 0 { resize_term(rows, columns) }
        // The terminal reflowed or cropped what was on it: repaint everything, as Ctrl-L does.
        invalidate()
    }

    /// Copies the rows that changed into ncurses and sends one update; ncurses works out the
    /// fewest bytes (scrolling regions, insert/delete line) from there.
    func draw(_ grid: CellGrid) {
        let window = pv_stdscr()
        let placements = graphicsWriter?.placements(in: grid) ?? []
        // The pictures' pixels move or go: ncurses repaints the whole screen under them.
        if graphicsWriter?.needsRepaint(for: placements) == true { invalidate() }
        scrollRegion?.noteSuspend()
        if placements.isEmpty, hyperlinks == nil || grid.hyperlinks.isEmpty, let shown,
           let direction = lineScroll(from: shown, to: grid) {
            scrollOneLine(direction, from: shown, to: grid)
            return
        }
        releaseScrollRegion()
        if shown?.width != grid.width || shown?.height != grid.height { werase(window) }
        var drawn: [Int] = []
        for row in 0..<min(grid.height, Int(getmaxy(window))) {
            if let shown, shown.width == grid.width, row < shown.height, shown.row(row, isTheSameAs: row, of: grid) { continue }
            drawRow(grid, row, window)
            drawn.append(row)
        }
        shown = grid
        wnoutrefresh(window)
        doupdate()
        if let hyperlinks, !grid.hyperlinks.isEmpty { hyperlinks.write(grid, rows: drawn, theme: theme) }
        if let graphicsWriter { RawOutput.write(graphicsWriter.bytes(for: placements)) }
    }

    private func drawRow(_ grid: CellGrid, _ row: Int, _ window: UnsafeMutablePointer<WINDOW>?) {
        let columns = min(grid.width, Int(getmaxx(window)))
        var column = 0
        var cell = cchar_t()
        // Neighbouring cells mostly share a style: its attributes and pair are worked out once a run.
        var lastStyle: CellStyle?
        var lastLook: (attributes: attr_t, pair: Int32) = (0, 0)
        // Cells of one printable ASCII character go to ncurses a run at a time (`wadd_wchnstr`
        // copies them in; `wadd_wch` works each out again, a quarter of a frame's drawing). It
        // moves along a run by each character's `wcwidth`, which for anything else may differ
        // from the grid's (-1 for an unassigned scalar, or for all non-ASCII in a locale that is
        // not UTF-8): every other cell is placed on its own, at the column the grid gives it.
        var runStart = 0
        var run = takeRunBuffer()
        defer { runBuffer = run }
        while column < columns {
            let current = grid[row, column]
            if current.text.isEmpty { column += 1; continue }  // second half of a wide character
            var text = current.text
            var attributes: attr_t
            let pair: Int32
            if current.style.palette == nil, current.style == lastStyle {
                (attributes, pair) = lastLook
            } else {
                (text, attributes, pair) = theme.look(for: current)
                lastStyle = current.style
                lastLook = (attributes, pair)
            }
            var kind = CellTextKind(text)
            if drawsLinesInLineCharset, kind == .horizontalLine {
                // A run of line characters costs one byte a cell in the line-drawing charset, three in UTF-8.
                text = "q"
                kind = .printableASCII
                attributes |= pv_A_ALTCHARSET()
            }
            Self.set(&cell, to: text, attributes: attributes, pair: pair)
            if kind == .printableASCII, column + 1 == columns || !grid.isSecondHalf(row: row, column: column + 1) {
                if run.isEmpty { runStart = column }
                run.append(cell)
            } else {
                Self.add(&run, window, row: row, from: runStart)
                // The last cell of the last row is written without moving past it.
                if row == grid.height - 1 && column == columns - 1 {
                    mvwins_wch(window, Int32(row), Int32(column), &cell)
                } else {
                    mvwadd_wch(window, Int32(row), Int32(column), &cell)
                }
            }
            column += 1
        }
        Self.add(&run, window, row: row, from: runStart)
    }

    private func takeRunBuffer() -> [cchar_t] {
        var run = runBuffer
        runBuffer = []
        run.removeAll(keepingCapacity: true)
        return run
    }

    /// Copies the gathered run of one-column cells into the window from `column` (the cursor
    /// does not move past them: the last cell of the screen is safe), and empties it.
    private static func add(_ run: inout [cchar_t], _ window: UnsafeMutablePointer<WINDOW>?, row: Int, from column: Int) {
        guard !run.isEmpty else { return }
        run.withUnsafeBufferPointer { cells in
            _ = mvwadd_wchnstr(window, Int32(row), Int32(column), cells.baseAddress, Int32(cells.count))
        }
        run.removeAll(keepingCapacity: true)
    }

    /// Fills an ncurses cell with up to 5 scalars of `text` (its CCHARW_MAX), in a buffer on the
    /// stack: this runs for every cell of every changed row.
    private static func set(_ cell: inout cchar_t, to text: String, attributes: attr_t, pair: Int32) {
        var scalars: (wchar_t, wchar_t, wchar_t, wchar_t, wchar_t, wchar_t) = (0, 0, 0, 0, 0, 0)
        var pair = pair
        withUnsafeMutableBytes(of: &scalars) { bytes in
            let buffer = bytes.bindMemory(to: wchar_t.self)
            var count = 0
            for scalar in text.unicodeScalars {
                if count == 5 { break }
                buffer[count] = wchar_t(bitPattern: scalar.value)
                count += 1
            }
            setcchar(&cell, buffer.baseAddress, attributes, 0, &pair)  // the pair through `opts`: extended pairs go past 32767
        }
    }

    /// A page scrolled by one line: `new` is `old` with its page rows (all but the first and
    /// last) moved up one (`.forward`, `j`) or down one (`.back`, `k`); nil for anything else.
    private func lineScroll(from old: CellGrid, to new: CellGrid) -> LineScroll? {
        guard scrollRegion != nil, old.width == new.width, old.height == new.height, new.height >= 4,
              new.height == Int(getmaxy(pv_stdscr())), new.width == Int(getmaxx(pv_stdscr())) else { return nil }
        let pageRows = 1..<(new.height - 2)
        if pageRows.allSatisfy({ new.row($0, isTheSameAs: $0 + 1, of: old) }) { return .forward }
        if CursesScreen.capability("ri") != nil, pageRows.allSatisfy({ new.row($0 + 1, isTheSameAs: $0, of: old) }) { return .back }
        return nil
    }

    enum LineScroll {
        /// The text moves up: `ind` at the region's bottom, the new line written there.
        case forward
        /// The text moves down: `ri` at the region's top, the new line written there.
        case back
    }

    /// A line scroll with the region kept: ncurses first works the scroll out with its output
    /// thrown away (so its picture of the screen is the scrolled one), then the terminal is
    /// scrolled with one `ind` (or `ri`) and ncurses writes the new line and what else changed.
    private func scrollOneLine(_ direction: LineScroll, from old: CellGrid, to grid: CellGrid) {
        guard let scrollRegion, let scroll = tigetstr(direction == .forward ? "ind" : "ri"),
              Int(bitPattern: scroll) != -1 else { return redraw(grid) }
        let window = pv_stdscr()
        let bottom = grid.height - 2
        let newLineRow = direction == .forward ? bottom : 1
        wsetscrreg(window, 1, Int32(bottom))
        _ = scrollok(window, true)
        wscrl(window, direction == .forward ? 1 : -1)
        _ = scrollok(window, false)
        wsetscrreg(window, 0, Int32(grid.height - 1))
        // The cursor is left where it is, so ncurses' picture of it stays true for the move
        // below; when the update cannot be thrown away, ncurses repaints the screen itself.
        guard updateDiscardingOutput(cursorAt: parkedRow ?? newLineRow) else { return redraw(grid) }
        if scrollRegion.rows != 1...bottom {
            scrollRegion.keep(1...bottom)
            _ = mvcur(0, 0, Int32(newLineRow), 0)  // DECSTBM homed the cursor
        } else if let parkedRow {
            if parkedRow != newLineRow { _ = mvcur(Int32(parkedRow), 0, Int32(newLineRow), 0) }
        } else {
            _ = mvcur(-1, -1, Int32(newLineRow), 0)
        }
        _ = putp(scroll)
        // putp and mvcur write to the C stream, which a tty line-buffers (an `ind` LF flushed it,
        // an `ri` would wait); ncurses writes its update to the descriptor itself.
        fflush(pv_stdout())
        for row in [0, newLineRow, grid.height - 1] where row == newLineRow || !old.row(row, isTheSameAs: row, of: grid) {
            drawRow(grid, row, window)
        }
        shown = grid
        update(cursorAt: newLineRow)
        parkedRow = newLineRow
    }

    /// The whole screen repainted by ncurses, the region given back first.
    private func redraw(_ grid: CellGrid) {
        releaseScrollRegion()
        shown = nil
        clearok(pv_stdscr(), true)
        draw(grid)
    }

    /// One ncurses update that leaves the cursor at the start of `row` (where the next line
    /// scroll wants it), instead of wherever the last write ended.
    private func update(cursorAt row: Int) {
        let window = pv_stdscr()
        _ = leaveok(window, false)
        wmove(window, Int32(row), 0)
        wnoutrefresh(window)
        doupdate()
        _ = leaveok(window, true)
    }

    /// An ncurses update whose bytes go to /dev/null: ncurses' picture of the terminal (and of
    /// the cursor, left at the start of `row`) moves on as if they had been written. It runs to
    /// its end: with typeahead on, a key already waiting stopped ncurses halfway, and its picture
    /// would hold half of a scroll the terminal had whole. /dev/null stays open from line scroll
    /// to line scroll.
    private func updateDiscardingOutput(cursorAt row: Int) -> Bool {
        if sinkDescriptor < 0 { sinkDescriptor = open("/dev/null", O_WRONLY | O_CLOEXEC) }
        let saved = dup(outputDescriptor)
        defer { if saved >= 0 { Glibc.close(saved) } }
        guard sinkDescriptor >= 0, saved >= 0, dup2(sinkDescriptor, outputDescriptor) >= 0 else { return false }
        typeahead(-1)
        update(cursorAt: row)
        typeahead(inputDescriptor)
        dup2(saved, outputDescriptor)
        return true
    }

    private func releaseScrollRegion() {
        scrollRegion?.release()
        parkedRow = nil
    }

    /// Forgets what is on screen, so the next draw repaints everything (Ctrl-L).
    func invalidate() {
        releaseScrollRegion()
        shown = nil
        clearok(pv_stdscr(), true)
    }

    /// Leaves full-screen mode; safe to call more than once.
    func close() {
        guard isOpen else { return }
        isOpen = false
        releaseScrollRegion()
        if theme.depth != .none { attrset(0) }
        mousemask(0, nil)
        // Without an alternate screen (vt100, the Linux console) the page stays behind: clear
        // the status line so the shell's next line starts clean.
        if tigetstr("smcup") == nil || Int(bitPattern: tigetstr("smcup")) == -1 {
            let bottom = getmaxy(pv_stdscr()) - 1
            wmove(pv_stdscr(), bottom, 0)
            wclrtoeol(pv_stdscr())
            wrefresh(pv_stdscr())
        }
        curs_set(1)
        endwin()
        if sinkDescriptor >= 0 { Glibc.close(sinkDescriptor); sinkDescriptor = -1 }
        pv_disarm_crash_restore()
        fflush(pv_stdout())
    }
}
