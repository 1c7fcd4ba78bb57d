import PivotDocument

/// Code highlighted by GNU Source-highlight: the tokens of a code block by language, for
/// `Document.highlightCode`. Nil where the language is unknown or the library is missing.
public struct CodeHighlighter: Sendable {
    private let library: SourceHighlightLibrary

    /// The highlighter, when its library can be loaded (the first call loads it).
    public static var available: CodeHighlighter? {
        loaded.map { CodeHighlighter(library: $0) }
    }

    private static let loaded = SourceHighlightLibrary.load()

    /// Fence names source-highlight's lang.map does not know, to the definition that reads them.
    static let aliases: [String: String] = [
        "rust": "rs", "golang": "go", "c++": "cpp", "typescript": "javascript", "ts": "javascript",
        "jsx": "javascript", "tsx": "javascript", "console": "sh", "shell-session": "sh", "shellsession": "sh",
        "terminal": "sh", "yml": "properties", "yaml": "properties", "toml": "conf", "dockerfile": "sh",
    ]

    /// Longer lines stay plain: Source-highlight's time grows with the square of a line's
    /// length (16,000 letters of one name: 0.6 s), and minified code is all long lines.
    public static let maxLineBytes = 500

    /// The tokens of `code` as `language` reads it; nil when the language is unknown or when
    /// highlighting takes longer than `timeLimit` seconds.
    public func tokens(language: String, code: String, timeLimit: Double = 0.1) -> [CodeToken]? {
        let name = Self.aliases[language] ?? language
        // lang.map's names are letters, digits and a few signs; anything else is no language.
        guard !name.isEmpty, name.count <= 32, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-_".contains($0)) })
        else { return nil }
        let sink = TokenSink()
        let status = code.utf8.withContiguousStorageIfAvailable { bytes -> Int32 in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                call(name, chars.baseAddress, chars.count, timeLimit, sink)
            }
        } ?? {
            let copy = Array(code.utf8)
            return copy.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { call(name, $0.baseAddress, $0.count, timeLimit, sink) }
            }
        }()
        return status == 0 ? sink.tokens : nil
    }

    private func call(_ language: String, _ code: UnsafePointer<CChar>?, _ count: Int, _ timeLimit: Double,
                      _ sink: TokenSink) -> Int32 {
        let milliseconds = max(0, timeLimit) * 1000
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let callback: SourceHighlightLibrary.TokenCallback = { context, line, start, length, element in
            guard let context, let element else { return }
            let sink = Unmanaged<TokenSink>.fromOpaque(context).takeUnretainedValue()
            guard let kind = SourceHighlightElements.kind(of: element) else { return }
            sink.add(CodeToken(line: Int(line), start: Int(start), length: Int(length), kind: kind))
        }
        // No data folder (nil): the definitions Source-highlight was built with, the system's.
        return withExtendedLifetime(sink) {
            library.highlight(nil, language, code, count, Self.maxLineBytes, milliseconds, callback, context)
        }
    }
}

/// Collects a block's tokens from the library's callbacks, joining neighbours of one kind.
private final class TokenSink {
    var tokens: [CodeToken] = []

    func add(_ token: CodeToken) {
        if let last = tokens.last, last.line == token.line, last.kind == token.kind,
           last.start + last.length == token.start {
            tokens[tokens.count - 1].length += token.length
        } else {
            tokens.append(token)
        }
    }
}
