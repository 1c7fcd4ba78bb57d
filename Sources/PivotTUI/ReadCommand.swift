import ArgumentParser

/// Opens a page: the embedded one, a file, or standard input.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read a page (the default command: `pivot-tui read X` is `pivot-tui X`).")

    @OptionGroup var page: PageArgument
    @OptionGroup var options: ReadingOptions

    func run() {
        options.request(file: page.file).run()
    }
}
