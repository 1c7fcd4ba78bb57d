import CNcurses
import CTerminalSupport
import Glibc
import PivotAnimation
import PivotDocument
import PivotReader

/// The interactive reader: ncurses at the edge, the pure reader inside. Keys, resizes and
/// signals become events; each batch of events ends in one drawn frame.
public enum TerminalSession {
    public struct Options: Sendable {
        public var settings: ReaderSettings
        public var theme: ThemeName
        /// Foreground colours the user chose for some roles, by palette number.
        public var colors: [ColorRole: Int16]
        public var useColor: Bool
        public var useMouse: Bool
        /// External links as terminal hyperlinks, where the terminal is known to show them.
        public var hyperlinks: Bool
        /// The screen-reader mode: lines that follow each other, no full screen (`LinearScreen`).
        public var linear: Bool
        /// Pictures in real pixels where the terminal can.
        public var graphics: GraphicsMode

        public init(settings: ReaderSettings, theme: ThemeName, colors: [ColorRole: Int16] = [:], useColor: Bool,
                    useMouse: Bool, hyperlinks: Bool = true, linear: Bool = false, graphics: GraphicsMode = .off) {
            self.settings = settings
            self.theme = theme
            self.colors = colors
            self.useColor = useColor
            self.useMouse = useMouse
            self.hyperlinks = hyperlinks
            self.linear = linear
            self.graphics = graphics
        }
    }

    public enum Outcome: Sendable {
        case finished
        /// Full-screen mode was not possible; the caller prints plain text instead.
        case unavailable(reason: String)
        /// A terminating signal ended the session; the caller re-raises it.
        case signalled(Int32)
    }

    /// Prepares the locale: ncursesw needs a UTF-8 LC_CTYPE to draw anything beyond ASCII.
    /// Returns a note for the status line when the user's locale is not UTF-8. Only LC_CTYPE is
    /// taken from the environment: nothing here uses another category, and loading all of them
    /// read a dozen files at every start.
    public static func prepareLocale() -> String? {
        setlocale(LC_CTYPE, "")
        if String(cString: pv_codeset()) == "UTF-8" { return nil }
        if setlocale(LC_CTYPE, "C.UTF-8") != nil {
            return "the locale is not UTF-8 (LANG); drawing UTF-8 anyway"
        }
        return "the locale is not UTF-8 and C.UTF-8 is missing; non-ASCII text may show wrongly"
    }

    /// What a served reader is told when its server drains (SIGUSR1 from `pivot-tui serve`).
    static let drainNotice = "the server is restarting: read on; this session ends when you quit, or in a few minutes"

    /// Runs the browser until the reader quits. `start` makes it for the screen's size and the
    /// clock's time; `rest` and `end` are the first page's parts still to come (a large page).
    public static func run(start: (Size, Int) -> Browser, rest: Navigator.PageRest? = nil,
                           end: Navigator.PageEnd? = nil, pieces: PagePieces? = nil, navigator: Navigator, options: Options,
                           localeNote: String?, watchesFiles: Bool) -> Outcome {
        let overSSH = getenv("SSH_CONNECTION") != nil || getenv("SSH_TTY") != nil
        let screen: ReaderScreen
        do {
            if options.linear {
                screen = try LinearScreen(escapeDelay: overSSH ? 100 : 25)
            } else {
                let full = try CursesScreen(themeName: options.theme, colors: options.colors, useColor: options.useColor,
                                            useMouse: options.useMouse, escapeDelay: overSSH ? 100 : 25)
                if HyperlinkWriter.wanted(allowed: options.hyperlinks, environment: { getenv($0).map { String(cString: $0) } }) {
                    full.hyperlinks = HyperlinkWriter()
                }
                full.graphicsMode = options.graphics
                screen = full
            }
        } catch {
            return .unavailable(reason: "\(error)")
        }
        defer { screen.close() }
        let wakeDescriptor = pv_install_signal_handlers()

        var loop = SessionLoop(browser: start(screen.size, MonotonicClock.milliseconds()), navigator: navigator,
                               screen: screen, watchesFiles: watchesFiles)
        if let localeNote { loop.note(localeNote) }
        screen.show(loop.browser)
        // After the first paint, so the threads do not compete with it.
        loop.startParts(rest: rest, end: end, pieces: pieces)
        // A page that links to other pages reads its site now, so the first link does not wait.
        if loop.browser.wantsSiteEarly { loop.startReadingSite() }
        loop.watchOpenPage()
        // The first page's pictures, also after the first paint (any event asks for them).
        loop.send(.reader(.tick(MonotonicClock.milliseconds())))
        #if DEBUG
        // Test builds only: a crash on request, to prove the crash handler restores the terminal.
        if getenv("PIVOT_TUI_DEBUG_CRASH") != nil { fatalError("crash requested by PIVOT_TUI_DEBUG_CRASH") }
        #endif

        while true {
            // poll skips negative descriptors: work not running, no watcher.
            var descriptors = [
                pollfd(fd: screen.inputDescriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0),
            ] + loop.descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            // Sleep until input, a signal, work done, or the next animation frame; with nothing playing, forever.
            let timeout = loop.browser.reader?.nextTick.map { Int32(clamping: $0) } ?? -1
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
            if ready < 0 && errno != EINTR { return .finished }
            loop.send(.reader(.tick(MonotonicClock.milliseconds())))
            if wakeDescriptor >= 0 { pv_drain_wakeups(wakeDescriptor) }
            let signal = pv_pending_termination()
            if signal != 0 { return .signalled(signal) }

            var changed = ready == 0  // a frame is due
            if loop.takeFinishedWork(ready: descriptors.dropFirst(2).map { $0.revents != 0 }) { changed = true }
            if pv_take_drain_notice() != 0 {
                loop.note(Self.drainNotice)
                changed = true
            }
            if pv_take_resize() != 0 {
                screen.adoptWindowSize()
                loop.send(.reader(.resize(screen.size)))
                changed = true
            }
            // Read every key that has arrived, then draw once.
            while let input = KeyDecoder.next(from: pv_stdscr()) {
                switch input {
                case .repaint:
                    screen.invalidate()
                    changed = true
                case .ignored:
                    continue
                case .event(let event):
                    changed = true
                    if loop.send(.reader(event)) { return .finished }
                }
            }
            // The terminal went away (ssh dropped, window closed): nothing will ever arrive.
            if descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .finished }
            if changed { screen.show(loop.browser) }
            loop.dropRetired()
        }
    }
}
