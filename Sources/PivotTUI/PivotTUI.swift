import ArgumentParser

/// `pivot-tui`: a terminal reader for Markdown and Jekyll pages, with foldable sections.
/// `EntryPoint` starts it.
struct PivotTUI: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "pivot-tui",
        abstract: "Read a Markdown or Jekyll page in the terminal, as foldable sections.",
        discussion: """
            With no FILE, opens the Pivot page built into the program; a folder opens its site \
            index. When standard output is not a terminal (or with --plain) the whole page (or \
            the list of the site's pages) is printed as text.
            Keys: j/k scroll, space/b page, Tab/Shift-Tab move between sections, Enter folds, \
            -/+ fold or unfold all, t outline, / search, f N Enter follow link N, L links, \
            B/F back and forward, s site index, ? help, q quit.
            """,
        version: version,
        subcommands: [ReadCommand.self, FramesCommand.self, ServeCommand.self],
        defaultSubcommand: ReadCommand.self)

    /// Words that name a subcommand, not a page (the parser adds `help` to every command tree).
    static var subcommandNames: Set<String> {
        Set(configuration.subcommands.map { $0._commandName } + ["help"])
    }
}
