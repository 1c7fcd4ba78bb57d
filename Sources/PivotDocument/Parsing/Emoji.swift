/// Emoji shortcodes (`:tada:`, `:+1:`) as GitHub and Jekyll's jemoji show them: the emoji.
/// The table is generated (EmojiTable.swift, from the `emoji` package); it is read on first use.
enum Emoji {
    static let table: [Substring: String] = {
        var table: [Substring: String] = [:]
        for line in tableText.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            table[line[..<tab]] = String(line[line.index(after: tab)...])
        }
        return table
    }()

    /// `text` with every known `:name:` replaced by its emoji; unknown ones stay as they are.
    static func replacingShortcodes(in text: String) -> String {
        guard mayHoldShortcode(text) else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: ":") {
            result.append(contentsOf: rest[..<open])
            let afterOpen = rest.index(after: open)
            let name = rest[afterOpen...].prefix { isNameCharacter($0) }
            let close = name.endIndex
            if !name.isEmpty, name.count <= 60, close < rest.endIndex, rest[close] == ":", let emoji = table[name] {
                result += emoji
                rest = rest[rest.index(after: close)...]
            } else {
                result += ":"
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// A byte scan for `:x…:` (a colon, name bytes, a colon): most text has none and pays only this.
    static func mayHoldShortcode(_ text: String) -> Bool {
        ByteScan.withBytes(of: text) { bytes in
            var inName = false
            var nameLength = 0
            for byte in bytes {
                if byte == UInt8(ascii: ":") {
                    if inName && nameLength > 0 { return true }
                    inName = true
                    nameLength = 0
                } else if inName, isNameByte(byte) {
                    nameLength += 1
                } else {
                    inName = false
                }
            }
            return false
        }
    }

    private static func isNameByte(_ ascii: UInt8) -> Bool {
        (0x61...0x7A).contains(ascii) || (0x30...0x39).contains(ascii) || ascii == 0x5F || ascii == 0x2B
            || ascii == 0x2D || (0x41...0x5A).contains(ascii)
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (0x61...0x7A).contains(ascii) || (0x30...0x39).contains(ascii) || ascii == 0x5F || ascii == 0x2B
            || ascii == 0x2D || (0x41...0x5A).contains(ascii)
    }
}
