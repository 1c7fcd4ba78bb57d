/// Why a page cannot be opened. The message is one line, for the user.
public enum PageError: Error, Equatable, CustomStringConvertible {
    case binary
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .binary: return "this looks like a binary file, not a Markdown page"
        case .tooLarge(let bytes, let limit):
            return "the file is too large (\(bytes / 1_048_576) MiB; the limit is \(limit / 1_048_576) MiB)"
        }
    }
}

/// Turns the bytes of a file into page text: refuses binary data and oversized input,
/// and repairs invalid UTF-8 with U+FFFD rather than failing.
public enum PageSource {
    /// Pages above this size are refused rather than read into memory.
    public static let byteLimit = 64 * 1_048_576
    /// How much of a page's start tells whether it is binary.
    public static let headBytes = 8_192

    /// Refuses a page whose start (`headBytes` of `bytes`) looks binary, as `text(from:)` does,
    /// without decoding it: for a page read in parts.
    public static func checkHead(_ bytes: some Collection<UInt8>) throws {
        let head = Array(bytes.prefix(headBytes))
        if head.withUnsafeBufferPointer(looksBinary) { throw PageError.binary }
    }

    public static func text<Bytes: Collection>(from bytes: Bytes) throws -> String where Bytes.Element == UInt8 {
        // The work is done on a buffer: generic code over any collection of bytes, not
        // specialised across modules, cost hundreds of instructions a byte.
        if let text = try bytes.withContiguousStorageIfAvailable({ try text(fromBuffer: $0) }) { return text }
        return try Array(bytes).withUnsafeBufferPointer { try text(fromBuffer: $0) }
    }

    private static func text(fromBuffer bytes: UnsafeBufferPointer<UInt8>) throws -> String {
        guard bytes.count <= byteLimit else { throw PageError.tooLarge(bytes: bytes.count, limit: byteLimit) }
        if looksBinary(UnsafeBufferPointer(rebasing: bytes.prefix(headBytes))) { throw PageError.binary }
        let text = String(decoding: bytes, as: UTF8.self)
        // Windows line ends: Swift keeps "\r\n" as one Character, which would hide line breaks from the parsers.
        return text.utf8.contains(0x0D) ? text.replacingAll("\r\n", with: "\n") : text
    }

    /// A NUL byte, or many control bytes, in the first few kilobytes: what `less` and `grep` also use.
    static func looksBinary(_ head: UnsafeBufferPointer<UInt8>) -> Bool {
        var controls = 0
        for byte in head {
            if byte == 0 { return true }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
                controls += 1
            }
        }
        return head.count > 0 && controls * 10 > head.count
    }
}
