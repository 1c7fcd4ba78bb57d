/// A forgiving tokenizer for the HTML a Markdown page carries inline. It is not a browser:
/// it finds tags, comments and text, so the reader can keep the meaning of a few tags
/// (headings, rules, images, emphasis, links) and the text of all others.
public enum HTMLToken: Equatable, Sendable {
    case text(String)
    case start(name: String, attributes: HTMLAttributes, selfClosing: Bool)
    case end(name: String)
    case comment
}

public enum HTMLTokenizer {
    public static func tokens(_ html: String) -> [HTMLToken] {
        var tokens: [HTMLToken] = []
        let bytes = Array(html.utf8)
        var index = 0
        var textStart = 0

        func flushText(upTo end: Int) {
            if end > textStart {
                tokens.append(.text(HTMLEntities.decode(String(decoding: bytes[textStart..<end], as: UTF8.self))))
            }
        }

        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if let commentEnd = comment(bytes, at: index) {
                flushText(upTo: index)
                tokens.append(.comment)
                index = commentEnd
                textStart = index
            } else if let (token, end) = tag(bytes, at: index) {
                flushText(upTo: index)
                tokens.append(token)
                index = end
                textStart = index
            } else {
                index += 1
            }
        }
        flushText(upTo: bytes.count)
        return tokens
    }

    /// `<!-- ... -->` (or an unclosed one, to the end), and `<!DOCTYPE>`/`<?...?>` declarations.
    private static func comment(_ bytes: [UInt8], at start: Int) -> Int? {
        guard start + 1 < bytes.count else { return nil }
        if bytes[start + 1] == UInt8(ascii: "!") || bytes[start + 1] == UInt8(ascii: "?") {
            let isComment = start + 3 < bytes.count && bytes[start + 2] == UInt8(ascii: "-") && bytes[start + 3] == UInt8(ascii: "-")
            let terminator: [UInt8] = isComment ? Array("-->".utf8) : [UInt8(ascii: ">")]
            var index = start + (isComment ? 4 : 2)
            while index + terminator.count <= bytes.count {
                if bytes[index..<(index + terminator.count)].elementsEqual(terminator) { return index + terminator.count }
                index += 1
            }
            return bytes.count
        }
        return nil
    }

    /// A start or end tag at `start`, with its attributes; nil when `<` does not open a tag.
    private static func tag(_ bytes: [UInt8], at start: Int) -> (HTMLToken, Int)? {
        var index = start + 1
        let isEnd = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if isEnd { index += 1 }
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart, isLetter(bytes[nameStart]) else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        var attributes = HTMLAttributes()
        var selfClosing = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                let token: HTMLToken = isEnd ? .end(name: name)
                    : .start(name: name, attributes: attributes, selfClosing: selfClosing)
                return (token, index + 1)
            }
            if byte == UInt8(ascii: "/") { selfClosing = true; index += 1; continue }
            if isSpace(byte) { index += 1; continue }
            // attribute name
            let keyStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                  bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
                index += 1
            }
            let key = String(decoding: bytes[keyStart..<index], as: UTF8.self).lowercased()
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    index += 1
                    let valueStart = index
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    value = String(decoding: bytes[valueStart..<min(index, bytes.count)], as: UTF8.self)
                    index += 1
                } else {
                    let valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            if !key.isEmpty { attributes[key] = HTMLEntities.decode(value) }
        }
        return nil  // never closed: not a tag
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
    }
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
