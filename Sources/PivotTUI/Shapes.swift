import ArgumentParser

/// `pivot-tui` as people type it, with the reading options at the root, for the shell
/// completions and the manual. The parser (`PivotTUI`) takes those options through its default
/// subcommand, `read`, so its own tree shows none at the root (`pivot-tui --th<Tab>` completed
/// nothing). Declaring them at the parser's root instead would let it take a subcommand's
/// option of the same name (`frames --width`) before the subcommand sees it.
enum Shapes {
    /// Arguments that ask for a description of the command line rather than a run of it.
    static func main(describing arguments: [String]) -> Bool {
        if arguments.first == "--generate-completion-script" {
            CompletionShape.main()
        } else if arguments.contains("--experimental-dump-help") {
            ManualShape.main()
        } else {
            return false
        }
        return true
    }

    /// The root's configuration with these subcommands.
    static func configuration(subcommands: [ParsableCommand.Type]) -> CommandConfiguration {
        CommandConfiguration(
            commandName: PivotTUI.configuration.commandName,
            abstract: PivotTUI.configuration.abstract,
            discussion: PivotTUI.configuration.discussion,
            version: PivotTUI.version,
            subcommands: subcommands)
    }
}

/// The completions' root: the options without the page. The generated scripts count a root
/// positional before looking for a subcommand, so with FILE here `pivot-tui frames --cha<Tab>`
/// took `frames` for the page and offered the reader's options.
struct CompletionShape: ParsableCommand {
    static let configuration = Shapes.configuration(subcommands: PivotTUI.configuration.subcommands)
    @OptionGroup var options: ReadingOptions
}

/// The manual's root (generate-manual reads `--experimental-dump-help`): the page and the
/// options; `read`, which repeats them all, is left to a sentence (docs/man/pivot-tui.sections).
struct ManualShape: ParsableCommand {
    static let configuration = Shapes.configuration(
        subcommands: PivotTUI.configuration.subcommands.filter { $0 != ReadCommand.self })
    @OptionGroup var page: PageArgument
    @OptionGroup var options: ReadingOptions
}
