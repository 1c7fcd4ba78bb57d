import PivotTestSupport

/// Reading the animation pane off a captured screen: the box drawn with ┌ ─ ┐ │ └ ┘.
extension Screen {
    /// The rows of the pane's box, top border to bottom border; nil when no whole box is shown.
    var paneRows: ClosedRange<Int>? {
        guard let top = lines.firstIndex(where: { $0.contains("┌") }),
              let bottom = lines[top...].firstIndex(where: { $0.contains("└") }) else { return nil }
        return top...bottom
    }

    /// The frame's art as shown: each row between the box's side borders.
    var paneArt: [String] {
        guard let rows = paneRows, rows.count > 2 else { return [] }
        return lines[(rows.lowerBound + 1)..<rows.upperBound].map { line in
            guard let left = line.firstIndex(of: "│"), let right = line.lastIndex(of: "│"), left < right else { return "" }
            return String(line[line.index(after: left)..<right])
        }
    }

    /// For the letter fixtures (`AnimationFixtures.frames`): the letter that fills the pane,
    /// or nil when the pane is absent or shows anything else.
    var paneLetter: Character? {
        let art = paneArt
        guard let letter = art.first?.first,
              art.count == AnimationFixtures.frameHeight,
              art.allSatisfy({ $0 == AnimationFixtures.row(letter) }) else { return nil }
        return letter
    }

    /// Indices of the rows that differ from `other`'s (a missing row counts as different).
    func rowsDiffering(from other: Screen) -> [Int] {
        (0..<Swift.max(lines.count, other.lines.count)).filter { row in
            (row < lines.count ? lines[row] : nil) != (row < other.lines.count ? other.lines[row] : nil)
        }
    }
}
