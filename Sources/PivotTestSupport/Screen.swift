import Foundation

/// A captured tmux pane: its lines, top to bottom (tmux drops trailing blanks of each line).
public struct Screen: RandomAccessCollection, CustomStringConvertible, Sendable {
    public let lines: [String]

    public init(text: String) {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    public var startIndex: Int { lines.startIndex }
    public var endIndex: Int { lines.endIndex }
    public subscript(position: Int) -> String { lines[position] }

    /// Row 0: the page title at the left, the program name at the right.
    public var header: String { lines.first ?? "" }
    /// The last row: position ("Top", "NN%", "Bot", "All") and "?: help".
    public var statusLine: String { lines.last ?? "" }
    /// The rows between header and status line.
    public var pageLines: ArraySlice<String> { lines.count > 2 ? lines[1..<(lines.count - 1)] : [] }

    /// True when any line holds `text`.
    public func contains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }
    public func containsText(_ text: String) -> Bool { contains(text) }

    public var description: String {
        lines.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }.joined(separator: "\n")
    }
}
