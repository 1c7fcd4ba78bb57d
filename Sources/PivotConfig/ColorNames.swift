import PivotReader

/// The names the config file gives roles and colours.
enum ColorNames {
    /// The terminal's eight colours, numbered as the palette numbers them.
    static let colors = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Roles by their config name (`code-keyword` for `codeKeyword`). The animation palette's
    /// own colours (`red`, …) are frames' colours, not roles of the page, and are left out.
    static let roles: [(name: String, role: ColorRole)] = ColorRole.allCases
        .filter { ![.red, .green, .yellow, .blue, .magenta, .cyan, .white].contains($0) }
        .map { (kebabCased(String(describing: $0)), $0) }

    /// A colour's palette number from its name or its number (0-255).
    static func color(_ text: String) -> Int16? {
        if let index = colors.firstIndex(of: text.lowercased()) { return Int16(index) }
        guard let number = Int16(text), (0...255).contains(number) else { return nil }
        return number
    }

    /// A palette number as the config file would write it: a name for the first eight.
    static func name(of color: Int16) -> String {
        (0..<8).contains(color) ? colors[Int(color)] : String(color)
    }

    private static func kebabCased(_ name: String) -> String {
        name.reduce(into: "") { result, character in
            if character.isUppercase { result += "-" + character.lowercased() } else { result.append(character) }
        }
    }
}
