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

    func validate() throws {
        guard (20...1000).contains(width) else { throw ValidationError("--width must be between 20 and 1000") }
    }

    func run() throws {
        let document: Document
        do {
            document = try PageLoader.load(file)
        } catch {
            Diagnostics.fail("\(error)")
        }
        let settings = ReaderSettings(readingWidth: width)
        if plain || isatty(STDOUT_FILENO) == 0 {
            PlainOutput.write(PlainText.render(document, width: width))
            return
        }
        let localeNote = TerminalSession.prepareLocale()
        let options = TerminalSession.Options(
            settings: settings, theme: theme,
            useColor: !noColor && getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true,
            useMouse: !noMouse)
        switch TerminalSession.run(document, options: options, localeNote: localeNote) {
        case .finished:
            return
        case .unavailable(let reason):
            Diagnostics.warn(reason)
            PlainOutput.write(PlainText.render(document, width: width))
        case .signalled(let signal):
            Diagnostics.reraise(signal)
        }
    }
}
