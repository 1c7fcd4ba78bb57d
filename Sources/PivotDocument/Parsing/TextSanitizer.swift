/// Makes page text safe to put on a terminal. This is the one place where text from a page
/// is cleaned: every string that enters a `Document` has passed through it, after Markdown
/// and HTML entities were decoded, so no decoding step can bring an escape sequence back.
///
/// Controls are never dropped silently: each becomes a visible placeholder, so a page that
/// tries to smuggle a sequence in shows it instead of hiding it.
public enum TextSanitizer {
    /// Shown for C1 controls, bidirectional overrides and other invisible formatting.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Cleans one string. Line feeds are kept only when `keepNewlines` (code blocks);
    /// tabs become spaces to the next multiple of 4 in that case, a space otherwise.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        if isAlreadyClean(text) { return text }
        var result = String.UnicodeScalarView()
        var column = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                if keepNewlines { result.append(scalar); column = 0 } else { result.append(" "); column += 1 }
            case 0x09:
                let spaces = keepNewlines ? 4 - column % 4 : 1
                for _ in 0..<spaces { result.append(" ") }
                column += spaces
            case 0x0D:
                // A carriage return could rewrite the line on a terminal; CRLF is just a line end.
                continue
            case 0x00..<0x20:
                result.append(Unicode.Scalar(0x2400 + scalar.value)!)  // control pictures: ␀ ␁ … ␛ …
                column += 1
            case 0x7F:
                result.append("\u{2421}")  // ␡
                column += 1
            case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                result.append(replacement)
                column += 1
            case 0xFEFF, 0x200B:
                continue  // byte-order mark, zero-width space: no meaning on a terminal
            default:
                result.append(scalar)
                column += 1
            }
        }
        return String(result)
    }

    private static func isAlreadyClean(_ text: String) -> Bool {
        ByteScan.withBytes(of: text) { bytes in
            for byte in bytes where byte < 0x20 || byte == 0x7F || byte >= 0xC2 { return false }
            return true
        }
    }
}
