/// Finds where the top of a large page can be cut off and parsed alone, so that the reader
/// shows it while the rest of the page is parsed. A cheap scan of lines, not a parse: it only
/// has to know where a block cannot be open.
public enum PageSplitter {
    /// The end of the first part of `text`, at least `minimum` bytes long, that parses alone as it
    /// does within the page: a cut at a blank line before a heading (or, failing that, before a
    /// paragraph), outside front matter, code fences, HTML comments, `<pre>`/`<script>`/`<style>`
    /// blocks and Liquid `raw`, `comment` and `highlight` blocks. Nil when the page is not much
    /// longer than `minimum` or has no such place.
    public static func headEnd(of text: String, minimum: Int) -> String.Index? {
        let bytes = text.utf8
        guard bytes.count > 2 * minimum else { return nil }
        var scanner = Scanner()
        var paragraphCut: String.Index?
        var lineStart = bytes.startIndex
        var offset = 0
        var lineNumber = 0
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = bytes[lineStart..<lineEnd]
            if offset >= minimum, scanner.isBetweenBlocks, let first = line.first {
                if first == UInt8(ascii: "#") { return lineStart }
                if paragraphCut == nil, startsParagraph(line) { paragraphCut = lineStart }
                // A heading is worth waiting for a while; then the paragraph will do.
                if let cut = paragraphCut, offset >= 2 * minimum { return cut }
            }
            scanner.read(line, number: lineNumber)
            let length = bytes.distance(from: lineStart, to: lineEnd) + 1
            offset += length
            lineNumber += 1
            if offset > bytes.count - minimum { break }  // too little left to be worth a second parse
            lineStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
        }
        return paragraphCut
    }

    /// Where the end of a page can be cut off and parsed alone, judged from the page's last part
    /// only (`chunk`, which starts at a line of the page): a cut the rules above allow, from which
    /// every block opened is closed by the end of the page (a scan that started inside a code
    /// block takes the code's closing fence for an opening one that never closes, and starts
    /// again after it). The tail is at least
    /// `minimum` bytes when the chunk allows it. Nil when no cut holds.
    public static func tailStart(of chunk: String, minimum: Int) -> String.Index? {
        let bytes = chunk.utf8
        var start = bytes.startIndex
        for _ in 0..<16 {
            var scanner = Scanner(previousBlank: false)
            var cuts: [(index: String.Index, remaining: Int)] = []
            var lineStart = start
            var remaining = bytes.distance(from: start, to: bytes.endIndex)
            var lastOpening = start  // where the line that opened the block still open ends
            while lineStart < bytes.endIndex {
                let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
                let line = bytes[lineStart..<lineEnd]
                if scanner.isBetweenBlocks, let first = line.first, first == UInt8(ascii: "#") || startsParagraph(line) {
                    cuts.append((lineStart, remaining))
                }
                let wasClosed = scanner.isClosed
                scanner.read(line, number: 1)
                let length = bytes.distance(from: lineStart, to: lineEnd) + 1
                remaining -= length
                lineStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
                if wasClosed && !scanner.isClosed { lastOpening = lineStart }
            }
            if scanner.isClosed {
                return (cuts.last { $0.remaining >= minimum } ?? cuts.first)?.index
            }
            guard lastOpening > start, lastOpening < bytes.endIndex else { return nil }
            start = lastOpening
        }
        return nil
    }

    /// A letter or digit at the margin that does not start an ordered list item.
    static func startsParagraph<Line: Collection>(_ line: Line) -> Bool where Line.Element == UInt8 {
        guard let first = line.first, isAlphanumeric(first) else { return false }
        let digits = line.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !digits.isEmpty, digits.count < line.count else { return true }
        let next = line[line.index(line.startIndex, offsetBy: digits.count)]
        return next != UInt8(ascii: ".") && next != UInt8(ascii: ")")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// What block the scan is in, line by line.
    struct Scanner {
        private var previousBlank: Bool
        private var inFrontMatter = false
        private var fence: (byte: UInt8, length: Int)?
        /// The text that closes the raw HTML or Liquid block the scan is in.
        private var closer: [UInt8]?

        init(previousBlank: Bool = true) {
            self.previousBlank = previousBlank
        }

        /// True at a line that follows a blank line with no block left open.
        var isBetweenBlocks: Bool { previousBlank && isClosed }
        var isClosed: Bool { !inFrontMatter && fence == nil && closer == nil }

        mutating func read<Line: Collection>(_ line: Line, number: Int) where Line.Element == UInt8 {
            defer { previousBlank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
            if inFrontMatter {
                if number > 0, line.starts(with: "---".utf8) || line.starts(with: "...".utf8) { inFrontMatter = false }
                return
            }
            if number == 0, line.starts(with: "---".utf8) {
                inFrontMatter = true
                return
            }
            if let open = fence {
                let marks = line.drop { $0 == 0x20 }.prefix { $0 == open.byte }
                if marks.count >= open.length, line.prefix(while: { $0 == 0x20 }).count < 4 { fence = nil }
                return
            }
            if let closing = closer {
                if contains(line, closing) { closer = nil }
                return
            }
            let indent = line.prefix { $0 == 0x20 }.count
            let rest = line.dropFirst(indent)
            if indent < 4, let mark = rest.first, mark == UInt8(ascii: "`") || mark == UInt8(ascii: "~") {
                let length = rest.prefix { $0 == mark }.count
                if length >= 3 {
                    fence = (mark, length)
                    return
                }
            }
            closer = Self.opener(of: rest)
            if let closing = closer, contains(rest.dropFirst(1), closing) { closer = nil }
        }

        /// Blocks that may hold blank lines, by how they start, with the text that ends them.
        private static func opener<Line: Collection>(of line: Line) -> [UInt8]? where Line.Element == UInt8 {
            let lower = line.prefix(12).map { $0 | ($0 >= 0x41 && $0 <= 0x5A ? 0x20 : 0) }
            let openers: [(String, String)] = [("<!--", "-->"), ("<pre", "</pre>"), ("<script", "</script>"),
                                                ("<style", "</style>"), ("<textarea", "</textarea>")]
            for (start, end) in openers where lower.starts(with: start.utf8) { return Array(end.utf8) }
            guard contains(line, Array("{%".utf8)) else { return nil }
            for (tag, end) in [("raw", "endraw"), ("comment", "endcomment"), ("highlight", "endhighlight")]
            where contains(line, Array("{% \(tag)".utf8)) || contains(line, Array("{%- \(tag)".utf8)) {
                return Array(end.utf8)
            }
            return nil
        }

        private static func contains<Line: Collection>(_ line: Line, _ needle: [UInt8]) -> Bool where Line.Element == UInt8 {
            guard let first = needle.first, line.count >= needle.count else { return false }
            var index = line.startIndex
            while let found = line[index...].firstIndex(of: first) {
                if line[found...].starts(with: needle) { return true }
                index = line.index(after: found)
            }
            return false
        }

        private func contains<Line: Collection>(_ line: Line, _ needle: [UInt8]) -> Bool where Line.Element == UInt8 {
            Self.contains(line, needle)
        }
    }
}
