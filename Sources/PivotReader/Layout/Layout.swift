import PivotAnimation
import PivotDocument

/// The page laid out into lines for one width and one set of folded sections.
public struct Layout: Sendable {
    public let options: LayoutOptions
    public let folds: Set<Int>
    public let lines: [LayoutLine]
    /// The line carrying each visible section's fold marker.
    public let markerLines: [Int: Int]

    public init(document: Document, options: LayoutOptions, folds: Set<Int>, standIns: [String: Animation] = [:]) {
        var builder = LayoutBuilder(document: document, options: options, folds: folds, standIns: standIns)
        builder.layOut()
        self.options = options
        self.folds = folds
        lines = builder.lines
        var markers: [Int: Int] = [:]
        for (index, line) in builder.lines.enumerated() {
            if let section = line.marker, markers[section] == nil { markers[section] = index }
        }
        markerLines = markers
    }

    /// The line showing `anchor`: the last line that starts at or before it.
    public func lineIndex(for anchor: Anchor) -> Int {
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].anchor <= anchor { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
    }
}
