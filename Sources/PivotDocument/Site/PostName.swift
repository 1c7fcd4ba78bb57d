/// A post's file name as Jekyll reads it: `2020-01-02-my-title` is dated 2020-01-02, slug `my-title`.
struct PostName {
    var date: String?
    var slug: String

    init(_ name: String) {
        let bytes = Array(name.utf8)
        let shape = "dddd-dd-dd-"
        let dated = bytes.count > shape.utf8.count && zip(bytes, shape.utf8).allSatisfy { byte, pattern in
            pattern == UInt8(ascii: "d") ? (0x30...0x39).contains(byte) : byte == pattern
        }
        date = dated ? String(name.prefix(10)) : nil
        slug = dated ? String(name.dropFirst(11)) : name
    }

    var dateParts: (year: String, month: String, day: String) {
        guard let date else { return ("", "", "") }
        let parts = date.split(separator: "-").map(String.init)
        return (parts[0], parts[1], parts[2])
    }

    /// The day of the year, three digits (`:y_day` of the `ordinal` style).
    var dayOfYear: String {
        let parts = dateParts
        guard let year = Int(parts.year), let month = Int(parts.month), let day = Int(parts.day),
              (1...12).contains(month) else { return "" }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let value = lengths.prefix(month - 1).reduce(0, +) + day
        return String(repeating: "0", count: max(0, 3 - String(value).count)) + String(value)
    }
}
