/// The whole environment of a reader process. Built here from fixed values and the sanitised
/// terminal type; nothing else from the client (`env` requests are refused, but for
/// PIVOT_TUI_GRAPHICS with one of its four values), and nothing of the server's own environment
/// (no HOME, so no ~/.terminfo either). PIVOT_TUI_NO_CONFIG keeps the reader from reading a
/// config file: the server's user's settings are not its visitors'.
enum ReaderEnvironment {
    static let path = "/usr/local/bin:/usr/bin:/bin"
    static let noConfig = "PIVOT_TUI_NO_CONFIG=1"

    /// `connection` is OpenSSH's SSH_CONNECTION ("client port server port"): the reader uses
    /// the longer escape delay of a remote terminal when it is set.
    static func variables(terminalType: String, connection: String, graphics: String? = nil) -> [String] {
        (graphics.map { ["PIVOT_TUI_GRAPHICS=\($0)"] } ?? []) + [
            "TERM=\(TerminalRequest.sanitizedType(terminalType))",
            "LANG=C.UTF-8",
            "PATH=\(path)",
            "SWIFT_BACKTRACE=enable=no",
            noConfig,
            "SSH_CONNECTION=\(connection.isEmpty ? "unknown" : connection)",
        ]
    }

    static let graphicsValues: Set<String> = ["auto", "kitty", "sixel", "off"]

    static func acceptsGraphics(name: String, value: String) -> Bool {
        name == "PIVOT_TUI_GRAPHICS" && graphicsValues.contains(value)
    }
}
