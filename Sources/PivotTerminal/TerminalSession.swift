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
        public var useColor: Bool
        public var useMouse: Bool

        public init(settings: ReaderSettings, theme: ThemeName, useColor: Bool, useMouse: Bool) {
            self.settings = settings
            self.theme = theme
            self.useColor = useColor
            self.useMouse = useMouse
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

    /// The rest of a large page: parsed on another thread while the reader shows its top.
    public typealias PageRest = @Sendable () -> PreparedPage

    public static func run(_ document: Document, standIns: [String: Animation], options: Options,
                           localeNote: String?, rest: PageRest? = nil,
                           end: (@Sendable () -> PagePiece?)? = nil) -> Outcome {
        let overSSH = getenv("SSH_CONNECTION") != nil || getenv("SSH_TTY") != nil
        let screen: CursesScreen
        do {
            screen = try CursesScreen(themeName: options.theme, useColor: options.useColor,
                                      useMouse: options.useMouse, escapeDelay: overSSH ? 100 : 25)
        } catch {
            return .unavailable(reason: "\(error)")
        }
        defer { screen.close() }
        let wakeDescriptor = pv_install_signal_handlers()

        var state = ReaderState(document: document, settings: options.settings, size: screen.size,
                                standIns: standIns, now: MonotonicClock.milliseconds())
        if let localeNote, state.message == nil { state = state.withMessage(localeNote) }
        if rest != nil { state = state.awaitingRestOfPage() }
        screen.draw(render(state))
        // After the first paint, so the threads do not compete with it. The end is parsed on a
        // thread of its own: it is ready long before the whole page.
        let restOfPage = rest.flatMap { BackgroundWork($0) }
        let endOfPage = restOfPage == nil ? nil : end.flatMap { BackgroundWork($0) }
        if rest != nil && restOfPage == nil, let rest {
            // No thread to be had: the whole page now, before the first key.
            let whole = rest()
            state = state.replacingPage(with: whole)
            screen.draw(render(state))
        }
        #if DEBUG
        // Test builds only: a crash on request, to prove the crash handler restores the terminal.
        if getenv("PIVOT_TUI_DEBUG_CRASH") != nil { fatalError("crash requested by PIVOT_TUI_DEBUG_CRASH") }
        #endif

        // poll skips negative descriptors: the wake pipe may be missing, the rest's is dropped once taken.
        var descriptors = [
            pollfd(fd: screen.inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: restOfPage?.readyDescriptor ?? -1, events: Int16(POLLIN), revents: 0),
            pollfd(fd: endOfPage?.readyDescriptor ?? -1, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            for index in descriptors.indices { descriptors[index].revents = 0 }
            // Sleep until input, a signal, or the next animation frame; with nothing playing, forever.
            let timeout = state.nextTick.map { Int32(clamping: $0) } ?? -1
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
            if ready < 0 && errno != EINTR { return .finished }
            state = update(state, .tick(MonotonicClock.milliseconds())).0
            if wakeDescriptor >= 0 { pv_drain_wakeups(wakeDescriptor) }
            let signal = pv_pending_termination()
            if signal != 0 { return .signalled(signal) }

            var changed = ready == 0  // a frame is due
            if descriptors[3].revents != 0, let piece = endOfPage?.take() {
                descriptors[3].fd = -1
                if let piece { state = state.knowingEndOfPage(piece) }
                changed = true
            }
            if descriptors[2].revents != 0, let page = restOfPage?.take() {
                descriptors[2].fd = -1
                descriptors[3].fd = -1  // the whole page makes its end part moot
                state = state.replacingPage(with: page)
                changed = true
            }
            if pv_take_resize() != 0 {
                screen.adoptWindowSize()
                state = update(state, .resize(screen.size)).0
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
                    let (next, effects) = update(state, event)
                    state = next
                    changed = true
                    if effects.contains(.quit) { return .finished }
                }
            }
            // The terminal went away (ssh dropped, window closed): nothing will ever arrive.
            if descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .finished }
            if changed { screen.draw(render(state)) }
        }
    }
}
