/// Scalars that are characters of their own without grapheme breaking: most of a page that is
/// not ASCII (dashes, quotes, bullets, rules, box drawing, accented Latin, Greek, Cyrillic, CJK
/// ideographs, Hangul syllables), which `Character` would otherwise segment a scalar at a time.
enum LoneScalar {
    /// Whether `scalar` is a whole character when `next` follows it (nil: nothing follows).
    /// True only for scalars of blocks that hold no joining marks, prefixes, joiners, Hangul
    /// jamo, regional indicators or line ends, before ASCII or another such scalar (Unicode's
    /// grapheme rules join none of these pairs); false means "ask `Character`", not "it joins".
    static func isCharacter(_ scalar: Unicode.Scalar, before next: Unicode.Scalar?) -> Bool {
        guard isPlain(scalar) else { return false }
        guard let next else { return true }
        return (next.value >= 0x20 && next.value < 0x7F) || isPlain(next)
    }

    /// Printable ASCII, and blocks where no scalar takes part in any grapheme rule but the
    /// break-everywhere default (some are pictographs: they join only through a joiner or a
    /// mark after them, which is never plain).
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E,       // ASCII, without controls (CR LF is one character)
             0xA0...0xAC,       // Latin-1 punctuation and signs, before the soft hyphen (a control)
             0xAE...0x2FF,      // Latin-1 letters, Latin Extended-A and -B, IPA, modifier letters
             0x370...0x377, 0x37A...0x37F, 0x384...0x38A, 0x38C, 0x38E...0x3A1, 0x3A3...0x3FF,  // Greek
             0x400...0x482,     // Cyrillic, before its combining marks
             0x2010...0x2027,   // dashes, quotes, bullets, ellipsis
             0x2030...0x205E,   // per mille to the last punctuation before the invisible operators
             0x2070...0x20CF,   // super- and subscripts, currency signs (combining marks follow)
             0x2100...0x2BFF,   // letterlike to miscellaneous symbols and arrows: rules, boxes, braille
             0x4E00...0x9FFF,   // CJK unified ideographs
             0xAC00...0xD7A3:   // Hangul syllables (they join only jamo, which are not plain)
            return true
        default:
            return false
        }
    }
}
