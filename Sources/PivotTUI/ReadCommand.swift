import ArgumentParser
import Glibc
import PivotDocument
import PivotReader
import PivotTerminal

extension ThemeName: ExpressibleByArgument {}

/// Opens a page: the embedded one, a file, or standard input.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read a page (the default command).")

    @Argument(help: "A Markdown or Jekyll page, or '-' for standard input. Default: the built-in Pivot page.")
    var file: String?

    @Flag(help: "Print the whole page as plain text, every section unfolded.")
    var plain = false

    @Option(help: "Reading width in columns: the wrap width of plain output, the widest column on screen.")
    var width = 80

    @Option(help: "Colour theme: dark or light.")
    var theme: ThemeName = .dark

    @Flag(name: .customLong("no-color"), help: "Draw without colours (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (keeps text selection).")
    var noMouse = false

    @Flag(name: .customLong("no-animation"),
          help: "Show animations' first frame, still (also when PIVOT_TUI_NO_ANIMATION=1).")
    var noAnimation = false

    @Option(name: .customLong("idle-stop"), help: "Seconds without a key after which animations stop on their last frame.")
    var idleStop = 120

    /// Under OpenSSH's ForceCommand, `ssh host plain` asks for the page as text. Nothing else a
    /// remote reader sends is read: no path, no option, no other command.
    static var remoteAskedForPlainText: Bool {
        guard let command = getenv("SSH_ORIGINAL_COMMAND") else { return false }
        return String(cString: command).split(separator: " ") == ["plain"]
    }

    func validate() throws {
        guard (20...1000).contains(width) else { throw ValidationError("--width must be between 20 and 1000") }
        guard (1...86_400).contains(idleStop) else { throw ValidationError("--idle-stop must be 1 to 86400 seconds") }
    }

    func run() throws {
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
        let restOfPage = rest.map { make in { @Sendable in let whole = make(); return PreparedPage(document: whole.document, standIns: whole.standIns) } }
        let file = self.file
        let endOfPage: (@Sendable () -> PagePiece?)? = rest == nil ? nil : { @Sendable in file.flatMap { PageLoader.end(of: $0) } }
        switch TerminalSession.run(page.document, standIns: page.standIns, options: options, localeNote: localeNote,
                                   rest: restOfPage, end: endOfPage) {
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
