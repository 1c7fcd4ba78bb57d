/// A page's external link as a terminal hyperlink (OSC 8): only `http`, `https` and `mailto`,
/// and only printable ASCII. Every other byte (controls, ESC, BEL, C1, non-ASCII, spaces) and
/// the characters terminfo or a terminal could read specially (`$`, `\`, `;`) are
/// percent-encoded, so nothing from a page can end the sequence or start another.
public enum Hyperlink {
    public static let schemes: Set<String> = ["http", "https", "mailto"]
    /// Longer addresses are not made into hyperlinks (terminals cap them too).
    public static let lengthLimit = 2_048

    public static func encoded(_ url: String) -> String? {
        guard let colon = url.firstIndex(of: ":"), schemes.contains(url[..<colon].lowercased()) else { return nil }
        var result = ""
        for byte in url.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "$") && byte != UInt8(ascii: "\\")
                && byte != UInt8(ascii: ";") {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result.utf8.count <= lengthLimit ? result : nil
    }

    /// The bytes that start a hyperlink to `encoded` (from `encoded(_:)`), and the ones that end it.
    public static func opening(_ encoded: String) -> String { "\u{1B}]8;;" + encoded + "\u{1B}\\" }
    public static let closing = "\u{1B}]8;;\u{1B}\\"
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
