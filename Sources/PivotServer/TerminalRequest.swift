/// The terminal a client asked for (`pty-req`), made safe to hand to a reader.
struct TerminalRequest: Equatable {
    static let fallbackType = "xterm-256color"
    static let longestType = 64

    /// A terminfo name: only letters, digits and `. _ + -`, so never a path.
    var type: String
    var size: WindowSize

    init(type: String, columns: Int, rows: Int) {
        self.type = Self.sanitizedType(type)
        self.size = WindowSize(clampingColumns: columns, rows: rows)
    }

    /// The name as given when it is a plain terminfo name, `xterm-256color` otherwise.
    static func sanitizedType(_ requested: String) -> String {
        let allowed = requested.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                return true
            default:
                return false
            }
        }
        guard allowed, !requested.isEmpty, requested.utf8.count <= longestType else { return fallbackType }
        return requested
    }
}

/// A terminal size in cells, as the client claims it, clamped to something a reader can live with.
struct WindowSize: Equatable, CustomStringConvertible {
    static let largest = 1000
    static let defaultColumns = 80
    static let defaultRows = 24

    var columns: UInt16
    var rows: UInt16

    /// Zero means "unknown" (ssh sends 0x0 when its input is not a terminal) and becomes
    /// 80x24; anything above 1000 becomes 1000, so 65535x65535 costs nothing.
    init(clampingColumns columns: Int, rows: Int) {
        self.columns = UInt16(Self.clamp(columns, unknown: Self.defaultColumns))
        self.rows = UInt16(Self.clamp(rows, unknown: Self.defaultRows))
    }

    private static func clamp(_ value: Int, unknown: Int) -> Int {
        value <= 0 ? unknown : min(value, largest)
    }

    var description: String { "\(columns)x\(rows)" }
}
