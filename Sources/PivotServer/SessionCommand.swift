/// What a session gets for the request that starts it. A remote reader chooses between
/// these three and nothing else: no command, path or argument of theirs is ever run.
enum SessionCommand: Equatable {
    /// The reader on a pseudo-terminal.
    case reader
    /// The page as plain text.
    case plainText
    /// Nothing runs; the reader is told so.
    case refused

    /// The word that asks for plain text, as with OpenSSH's ForceCommand (`ssh HOST plain`).
    static let plainWord = "plain"

    /// A `shell` request: the reader when the client asked for a terminal, text otherwise.
    static func forShell(hasTerminal: Bool) -> SessionCommand {
        hasTerminal ? .reader : .plainText
    }

    /// An `exec` request: `plain` gets the text, any other command is refused.
    static func forExec(_ command: String) -> SessionCommand {
        command.split(separator: " ") == [Substring(plainWord)] ? .plainText : .refused
    }
}
