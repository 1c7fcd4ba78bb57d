import Glibc
import PivotDocument
import PivotReader
import PivotTerminal

/// What `pivot-tui [read]` is asked to do, as plain values: the parsed command line, or the
/// defaults when `EntryPoint` needs no parser. The defaults here are the command line's.
struct ReadRequest {
    var file: String?
    var plain = false
    var width = 80
    var theme: ThemeName = .dark
    var noColor = false
    var noMouse = false
    var noAnimation = false
    var idleStop = 120

    /// Under OpenSSH's ForceCommand, `ssh host plain` asks for the page as text. Nothing else a
    /// remote reader sends is read: no path, no option, no other command.
    static var remoteAskedForPlainText: Bool {
        guard let command = getenv("SSH_ORIGINAL_COMMAND") else { return false }
        return String(cString: command).split(separator: " ") == ["plain"]
    }

    /// Opens the page: full screen on a terminal, else as plain text.
    func run() {
        let wantsPlainText = plain || isatty(STDOUT_FILENO) == 0 || Self.remoteAskedForPlainText
        let page: LoadedPage
        var rest: (@Sendable () -> LoadedPage)?
        do {
            // On screen a large page opens on its top while the rest is parsed; plain text needs it all.
            if wantsPlainText { page = try PageLoader.load(file) } else { (page, rest) = try PageLoader.open(file) }
        } catch {
            Diagnostics.fail("\(error)")
        }
        let animationOff = noAnimation || getenv("PIVOT_TUI_NO_ANIMATION").map { String(cString: $0) == "1" } ?? false
        let settings = ReaderSettings(readingWidth: width, animates: !animationOff, idleStop: idleStop * 1000)
        if wantsPlainText {
            PlainOutput.write(PlainText.render(page.document, width: width, standIns: page.standIns))
            return
        }
        let localeNote = TerminalSession.prepareLocale()
        let options = TerminalSession.Options(
            settings: settings, theme: theme,
            useColor: !noColor && getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true,
            useMouse: !noMouse)
        // The whole page and its end, each made on a thread of its own (see TerminalSession).
        let wholePage = rest.map { make in
            { @Sendable in let whole = make(); return PreparedPage(document: whole.document, standIns: whole.standIns) }
        }
        let file = self.file
        let endOfPage: (@Sendable () -> PagePiece?)? = rest == nil ? nil : { @Sendable in file.flatMap { PageLoader.end(of: $0) } }
        switch TerminalSession.run(page.document, standIns: page.standIns, options: options, localeNote: localeNote,
                                   rest: wholePage, end: endOfPage) {
        case .finished:
            return
        case .unavailable(let reason):
            Diagnostics.warn(reason)
            let whole = rest.map { $0() } ?? page
            PlainOutput.write(PlainText.render(whole.document, width: width, standIns: whole.standIns))
        case .signalled(let signal):
            Diagnostics.reraise(signal)
        }
    }
}
