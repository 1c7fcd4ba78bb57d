/// What a highlighter says a stretch of code is; the theme gives each kind its look.
public enum CodeTokenKind: UInt8, Sendable, CaseIterable {
    case keyword, type, string, comment, number, preprocessor, function, variable
}

/// A highlighted stretch of one line of a code block, in UTF-8 bytes of that line. Three small
/// integers and a kind: a page of code holds tens of thousands of them.
public struct CodeToken: Sendable, Hashable {
    public var line: Int32
    public var start: Int32
    public var length: Int32
    public var kind: CodeTokenKind

    public init(line: Int, start: Int, length: Int, kind: CodeTokenKind) {
        self.line = Int32(clamping: line)
        self.start = Int32(clamping: start)
        self.length = Int32(clamping: length)
        self.kind = kind
    }
}

/// Limits that keep highlighting off the cost of huge pages: a block or a page past them stays
/// in the code colour, as an unknown language does.
public struct CodeHighlightLimits: Sendable {
    public var bytesPerBlock: Int
    public var bytesPerPage: Int

    public init(bytesPerBlock: Int = 65_536, bytesPerPage: Int = 524_288) {
        self.bytesPerBlock = bytesPerBlock
        self.bytesPerPage = bytesPerPage
    }
}

extension Document {
    /// Gives every code block with a language the tokens `highlight` finds (the edge's
    /// highlighter; nil: an unknown language). Blocks past `limits` are left plain.
    public mutating func highlightCode(limits: CodeHighlightLimits = CodeHighlightLimits(),
                                       using highlight: (_ language: String, _ code: String) -> [CodeToken]?) {
        var budget = limits.bytesPerPage
        func visit(_ blocks: inout [Block]) {
            for index in blocks.indices {
                switch blocks[index].kind {
                case .code(let language, let text):
                    let size = text.utf8.count
                    guard !language.isEmpty, size <= limits.bytesPerBlock, size <= budget else { continue }
                    budget -= size
                    if let tokens = highlight(language, text) { blocks[index].codeTokens = tokens }
                case .section(let id, var body):
                    visit(&body)
                    blocks[index].kind = .section(id, body)
                case .quote(var body):
                    visit(&body)
                    blocks[index].kind = .quote(body)
                case .list(var list):
                    for item in list.items.indices { visit(&list.items[item].blocks) }
                    blocks[index].kind = .list(list)
                default:
                    break
                }
            }
        }
        visit(&blocks)
    }

    /// True when some code block names a language: only then is a highlighter worth loading.
    public var hasCodeWithLanguage: Bool {
        func search(_ blocks: [Block]) -> Bool {
            blocks.contains { block in
                switch block.kind {
                case .code(let language, _): return !language.isEmpty
                case .section(_, let body), .quote(let body): return search(body)
                case .list(let list): return list.items.contains { search($0.blocks) }
                default: return false
                }
            }
        }
        return search(blocks)
    }
}
