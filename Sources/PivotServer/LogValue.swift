/// Text from a client made safe for a log line: printable ASCII only, cut short. A user name
/// or a command can then neither forge a line nor flood the log.
enum LogValue {
    /// A single word: no spaces, at most 64 characters.
    static func sanitized(_ text: String) -> String {
        cleaned(text, longest: 64, keepingSpaces: false)
    }

    /// An error's description: spaces kept, at most 160 characters.
    static func sentence(_ text: String) -> String {
        cleaned(text, longest: 160, keepingSpaces: true)
    }

    private static func cleaned(_ text: String, longest: Int, keepingSpaces: Bool) -> String {
        let lowest: UInt8 = keepingSpaces ? 0x20 : 0x21
        var result = ""
        for byte in text.utf8.prefix(longest) {
            result.unicodeScalars.append((lowest...0x7e).contains(byte) ? Unicode.Scalar(byte) : "?")
        }
        if text.utf8.count > longest { result += "..." }
        return result.isEmpty ? "\"\"" : result
    }
}
