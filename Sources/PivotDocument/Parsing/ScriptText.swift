/// `<sup>` and `<sub>` in a terminal: digits and signs in Unicode's superscript and subscript
/// forms (`x²`, `H₂O`); other text marked `^(…)` or `_(…)`, since a terminal has no raised text.
enum ScriptText {
    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ",
    ]
    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "=": "₌", "(": "₍", ")": "₎",
    ]

    /// `text` as it reads inside `tag` (`sup` or `sub`).
    static func text(_ text: String, in tag: String) -> String {
        let table = tag == "sup" ? superscripts : subscripts
        if !text.isEmpty, text.allSatisfy({ table[$0] != nil }) { return String(text.map { table[$0]! }) }
        return text.isEmpty ? text : (tag == "sup" ? "^(" : "_(") + text + ")"
    }
}
