/// Searches in a line's UTF-8 bytes, for the passes that run over every line of a page before
/// Markdown is parsed: the standard library's `contains`/`firstRange` on strings cost a hundred
/// times more (they work on characters), and most lines hold nothing to find.
enum ByteScan {
    /// Runs `body` on the text's UTF-8 bytes in place. A loop over a buffer costs a few
    /// instructions a byte; one over `String.utf8` cost thirty (callgrind, the Pivot page's
    /// whole-page passes).
    static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return try copy.withUTF8(body)
    }

    /// How many times `byte` occurs in `text`.
    static func count(of byte: UInt8, in text: String) -> Int {
        withBytes(of: text) { bytes in
            var count = 0
            for candidate in bytes where candidate == byte { count += 1 }
            return count
        }
    }

    /// The lines of `text` (without their `\n`), cut at the newline bytes: `split` on the
    /// string itself finds characters first, which costs more than the passes that read the lines.
    static func lines(_ text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            text[$0.startIndex..<$0.endIndex]
        }
    }

    /// Whether `line` holds `needle` (ASCII).
    static func contains(_ line: Substring, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        return line.utf8.withContiguousStorageIfAvailable { bytes in
            find(pattern, in: bytes, from: 0) != nil
        } ?? String(line).contains(String(describing: needle))
    }

    /// How often `<name` (or `</name` when `closing`) starts a tag in `line`, letters compared
    /// without case: the name must end there (a space, `>`, `/`, a tab or the line's end).
    static func tagCount(_ name: String, closing: Bool, in line: Substring) -> Int {
        let pattern = Array(((closing ? "</" : "<") + name).utf8)
        return line.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            var count = 0
            var start = 0
            while let found = findIgnoringCase(pattern, in: bytes, from: start) {
                let end = found + pattern.count
                let next = end < bytes.count ? bytes[end] : nil
                if next == nil || next == 0x20 || next == UInt8(ascii: ">") || next == 0x09 || next == UInt8(ascii: "/") {
                    count += 1
                }
                start = end
            }
            return count
        } ?? 0
    }

    private static func find(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == first {
                var offset = 1
                while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    private static func findIgnoringCase(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == first {
                var offset = 1
                // Letters compared lower-cased (the pattern is lower case); `<` and `/` as they are.
                while offset < pattern.count, lowered(bytes[index + offset]) == pattern[offset] { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
