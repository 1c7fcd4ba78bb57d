/// The one-line notes a remote reader may see on standard error, and how they end.
enum ReaderNotice {
    static let serverFull = "pivot-tui: the server is full, try again later"
    static let addressFull = "pivot-tui: too many sessions from your address, try again later"
    static let commandRefused = "pivot-tui: commands are not run here; connect without one to read the page, or ask for 'plain'"
    static let readerFailed = "pivot-tui: the reader could not start, try again later"
    static let shuttingDown = "pivot-tui: the server is shutting down, try again later"

    static func idle(after seconds: Int64) -> String {
        "pivot-tui: no key pressed for \(seconds) seconds; the session has ended"
    }

    /// The note as a line: a terminal in raw mode needs a carriage return too.
    static func line(_ note: String, onTerminal: Bool) -> String {
        onTerminal ? "\r\n\(note)\r\n" : "\(note)\n"
    }
}
