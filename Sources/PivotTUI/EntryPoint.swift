import Glibc

/// Where `pivot-tui` starts. The usual command lines, `pivot-tui` and `pivot-tui PAGE`, mean
/// "read with the defaults" and go straight to the reader: swift-argument-parser's parse looks
/// its commands up through runtime reflection, which took about a quarter of the reader's
/// start-up (docs/BENCHMARKS.md). Every other command line goes through the parser.
@main
enum EntryPoint {
    static func main() {
        // SIGUSR1 is a served reader's drain notice (the terminal session takes it); until then,
        // and in plain output, it must not end the program.
        signal(SIGUSR1, SIG_IGN)
        if let request = defaultReadRequest(for: Array(CommandLine.arguments.dropFirst())) {
            request.run()
        } else if !Shapes.main(describing: Array(CommandLine.arguments.dropFirst())) {
            PivotTUI.main()
        }
    }

    /// The request the parser would make of `arguments` when they hold no option and no
    /// subcommand: no argument, or one that is a page's path; nil for anything else.
    static func defaultReadRequest(for arguments: [String]) -> ReadRequest? {
        switch arguments.count {
        case 0:
            return ReadRequest()
        case 1:
            let argument = arguments[0]
            guard !argument.isEmpty, !argument.hasPrefix("-"), !PivotTUI.subcommandNames.contains(argument) else { return nil }
            return ReadRequest(file: argument)
        default:
            return nil
        }
    }
}
