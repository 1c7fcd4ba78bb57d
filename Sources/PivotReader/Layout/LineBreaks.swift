import CUnibreak

/// Where a line may break, by the Unicode line breaking algorithm (UAX #14, from libunibreak):
/// after spaces and hyphens, between ideographs but never before a closing mark such as `。`,
/// `」` or `!`, never inside a number like `1,000.50`.
enum LineBreaks {
    /// libunibreak reads its language tables once per process.
    private static let ready: Bool = {
        init_linebreak()
        return true
    }()

    /// Characters given by their scalars, as libunibreak reads them.
    struct Scalars {
        fileprivate var values: [UInt32] = []
        fileprivate var ends: [Int] = []  // the index of each character's last scalar

        init(capacity: Int) {
            values.reserveCapacity(capacity)
            ends.reserveCapacity(capacity)
        }

        /// Adds one character, by its scalars.
        mutating func append<S: Sequence>(_ character: S) where S.Element == Unicode.Scalar {
            for scalar in character { values.append(safeScalar(scalar.value)) }
            ends.append(values.count - 1)
        }

        /// Adds one character that is an ASCII byte.
        mutating func append(ascii byte: UInt8) {
            values.append(UInt32(byte))
            ends.append(values.count - 1)
        }

        var count: Int { ends.count }
    }

    /// For each character, whether a line may break just before it (never before the first).
    /// The characters come by their scalars: the line wrapper reads them from the text, without
    /// making a `Character` of each.
    static func opportunities(in characters: Scalars) -> [Bool] {
        guard characters.count > 1, ready else { return Array(repeating: false, count: characters.count) }
        var breaks = [CChar](repeating: CChar(LINEBREAK_NOBREAK), count: characters.values.count)
        characters.values.withUnsafeBufferPointer { text in
            breaks.withUnsafeMutableBufferPointer { result in
                set_linebreaks_utf32(text.baseAddress, text.count, nil, result.baseAddress)
            }
        }
        var allowed = [false]
        allowed.reserveCapacity(characters.count)
        for index in 1..<characters.count {
            let status = Int32(breaks[characters.ends[index - 1]])
            allowed.append(status == LINEBREAK_ALLOWBREAK || status == LINEBREAK_MUSTBREAK)
        }
        return allowed
    }

    /// Debian's libunibreak (1.1) fails an assertion, and aborts, on regional indicators (the
    /// letters of flags) and on U+FFFF. A flag breaks as an ideograph does; U+FFFF is no character.
    static func safeScalar(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x1F1E6...0x1F1FF: return 0x4E00
        case 0xFFFF: return 0xFFFD
        default: return value
        }
    }
}
