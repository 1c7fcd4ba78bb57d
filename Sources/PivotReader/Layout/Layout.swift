import PivotAnimation
import PivotDocument

/// The page laid out into lines for one width and one set of folded sections.
public struct Layout: Sendable {
    public let options: LayoutOptions
    public let folds: Set<Int>
    public let lines: [LayoutLine]
    /// The line carrying each visible section's fold marker.
    public let markerLines: [Int: Int]

    /// The units laid out: all of them, or on a large page a window around the reading place.
    public let window: Range<Int>
    /// How many units the page has for these folds.
    public let unitCount: Int

    /// The whole page.
    public init(document: Document, options: LayoutOptions, folds: Set<Int>, standIns: [String: Animation] = [:]) {
        let units = LayoutUnits(document: document, folds: folds)
        self.init(document: document, options: options, folds: folds, standIns: standIns, units: units,
                  window: 0..<units.count)
    }

    /// The units in `window` only (`units` made for the same folds).
    init(document: Document, options: LayoutOptions, folds: Set<Int>, standIns: [String: Animation],
         units: LayoutUnits, window: Range<Int>) {
        var builder = LayoutBuilder(document: document, options: options, folds: folds, standIns: standIns)
        builder.layOut(units, window: window)
        self.options = options
        self.folds = folds
        self.window = window
        unitCount = units.count
        lines = builder.lines
        var markers: [Int: Int] = [:]
        for (index, line) in builder.lines.enumerated() {
            if let section = line.marker, markers[section] == nil { markers[section] = index }
        }
        markerLines = markers
    }

    /// True when every unit of the page is laid out.
    public var isComplete: Bool { window.count == unitCount }
    public var reachesStart: Bool { window.lowerBound == 0 }
    public var reachesEnd: Bool { window.upperBound == unitCount }

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
