import ArgumentParser
import PivotConfig
import PivotTerminal

extension ThemeName: ExpressibleByArgument {}
extension GraphicsMode: ExpressibleByArgument {}

/// The page to read, apart from the options: the shell completions leave it out (`Shapes`).
struct PageArgument: ParsableArguments {
    @Argument(help: "A Markdown or Jekyll page, a site folder, or '-' for standard input. Default: the built-in Pivot page. With --site: a page of the site, as a link names it (about, _pages/about.md#team).",
              completion: .file())
    var file: String?
}

/// The reader's options, shared by `read` (the default subcommand, where the parser takes
/// them) and the shapes of the root that the completions and the manual describe (`Shapes`).
struct ReadingOptions: ParsableArguments {
    private static let defaults = ReadRequest()

    @Option(help: "Read the site in this folder: its index, or the page given as FILE. Links never leave it.",
            completion: .directory)
    var site: String?

    @Flag(name: .customLong("no-watch"), help: "Do not reload the page when its file changes.")
    var noWatch = false

    @Flag(name: .customLong("no-hyperlinks"),
          help: "Never send external links as terminal hyperlinks (OSC 8; sent where the terminal is known to show them, or FORCE_HYPERLINK=1).")
    var noHyperlinks = false

    @Flag(help: "Print the whole page as plain text, every section unfolded.")
    var plain = ReadingOptions.defaults.plain

    @Option(help: "Reading width in columns: the wrap width of plain output, the widest column on screen (default 80).")
    var width: Int?

    @Option(help: "Colour theme: dark (the default) or light.")
    var theme: ThemeName?

    @Flag(name: .customLong("no-color"), help: "Draw without colours (also when NO_COLOR is set).")
    var noColor = ReadingOptions.defaults.noColor

    @Flag(name: .customLong("no-highlight"), help: "Show code in one colour, without syntax highlighting.")
    var noHighlight = !ReadingOptions.defaults.highlight

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (keeps text selection).")
    var noMouse = ReadingOptions.defaults.noMouse

    @Flag(name: .customLong("no-animation"),
          help: "Show animations' first frame, still (also when PIVOT_TUI_NO_ANIMATION=1).")
    var noAnimation = ReadingOptions.defaults.noAnimation

    @Option(help: "Pictures in real pixels: auto (ask the terminal; off over SSH), kitty, sixel or off (text cells). Also PIVOT_TUI_GRAPHICS.")
    var graphics: GraphicsMode?

    @Option(name: .customLong("idle-stop"), help: "Seconds without a key after which animations stop on their last frame (default 120).")
    var idleStop: Int?

    @Flag(help: "Keep a percentage in the status line, rewritten on every scroll. Without it the line stays still while scrolling (Top, Bot or All at the ends, as less shows) and Ctrl-G tells where you are.")
    var percent = false

    @Flag(help: "Screen-reader mode: the page as lines that follow each other, no fixed header or status line, no animation (also when PIVOT_TUI_LINEAR=1).")
    var linear = false

    @Flag(name: .customLong("print-config"),
          help: "Print the settings in force (the config file's, then the command line's) as a config file would hold them.")
    var printConfig = false

    func validate() throws {
        if let width, !Settings.widthRange.contains(width) { throw ValidationError("--width must be between 20 and 1000") }
        if let idleStop, !Settings.idleStopRange.contains(idleStop) {
            throw ValidationError("--idle-stop must be 1 to 86400 seconds")
        }
    }

    func request(file: String?) -> ReadRequest {
        ReadRequest(file: file, site: site, plain: plain, width: width, theme: theme, noColor: noColor,
                    noMouse: noMouse, noAnimation: noAnimation, idleStop: idleStop, percent: percent, watch: !noWatch,
                    hyperlinks: !noHyperlinks, highlight: !noHighlight, linear: linear, printsConfig: printConfig,
                    graphics: graphics)
    }
}
