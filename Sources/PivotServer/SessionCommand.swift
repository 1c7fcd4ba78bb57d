/// What a session gets for the request that starts it. A remote reader chooses between
/// these and nothing else: no command of theirs is ever run. On a served site, the one word
/// of an `exec` request may name a page of it (a deep link), which the reader confines to the
/// site like any link.
enum SessionCommand: Equatable {
    /// The reader on a pseudo-terminal, on the site's page `page` when one is named.
    case reader(page: String?)
    /// The page as plain text.
    case plainText
    /// Nothing runs; the reader is told so.
    case refused

    /// The word that asks for plain text, as with OpenSSH's ForceCommand (`ssh HOST plain`).
    static let plainWord = "plain"
    /// Longest deep link taken.
    static let deepLinkLimit = 1_024

    /// A `shell` request: the reader when the client asked for a terminal, text otherwise.
    static func forShell(hasTerminal: Bool) -> SessionCommand {
        hasTerminal ? .reader(page: nil) : .plainText
    }

    /// An `exec` request: `plain` gets the text; on a served site with a terminal, one printable
    /// word opens that page (`ssh -t HOST about`); any other command is refused.
    static func forExec(_ command: String, servesSite: Bool = false, hasTerminal: Bool = false) -> SessionCommand {
        let words = command.split(separator: " ")
        if words == [Substring(plainWord)] { return .plainText }
        guard servesSite, hasTerminal, words.count == 1, command.utf8.count <= deepLinkLimit,
              !command.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        else { return .refused }
        return .reader(page: String(words[0]))
    }

    /// The reader's arguments for this session: the server's, then the page after `--` (so it
    /// is never read as an option).
    func readerArguments(_ base: [String], defaultPage: String? = nil) -> [String] {
        guard case .reader(let page) = self, let shown = page ?? defaultPage else { return base }
        return base + ["--", shown]
    }
}
