/// Footnotes as GFM and kramdown write them (`[^name]`, `[^name]: text`): cmark-gfm numbers the
/// references and moves the notes to the end of the page, in that order. A reference becomes a
/// link to its note (`#fn-N`); each note starts with its number and carries that anchor.
enum Footnotes {
    static func anchor(_ number: String) -> String { "fn-\(number)" }

    /// `¹²`, superscript digits; anything else as `^x`.
    static func marker(_ number: String) -> String {
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return "^" + number }
        return String(number.map { superscripts[Int(String($0))!] })
    }
}
