import PivotDocument
import XCTest
@testable import PivotReader
import PivotTestSupport

/// A large page is laid out a window at a time. Reading it windowed must show exactly what
/// reading it laid out whole shows; only the position label may differ (it is estimated).
final class WindowedLayoutTests: XCTestCase {
    /// Headings at two depths, lead-word lists, code, quotes, tables and plain paragraphs.
    static func largePage(chapters: Int) -> String {
        var text = "---\ntitle: Window Page\n---\n\n# Window Page\n\nAn opening paragraph.\n\n"
        for chapter in 1...chapters {
            text += "## Chapter \(chapter)\n\nChapter \(chapter) starts here and leads into a list:\n\n"
            for item in 1...3 {
                text += "- **lead\(chapter)x\(item)**: item \(item) of chapter \(chapter) has words enough to "
                    + "wrap in a narrow window\(chapter % 7 == 0 ? " and a needle" : "").\n"
            }
            text += "\nA paragraph between the list and the part, long enough to take two or three lines when "
                + "the reading column is narrow, so that windows end inside wrapped text.\n\n"
            text += "### Part \(chapter).1\n\n> quoted text \(chapter)\n\n```\ncode \(chapter)\nline two\n```\n\n"
            if chapter % 5 == 0 { text += "| a | b |\n|---|---|\n| \(chapter) | 漢字 |\n\n" }
            text += "Closing words of chapter \(chapter).\n\n"
        }
        return text
    }

    static let document = PageParser.document(from: largePage(chapters: 60))

    private func states(width: Int, height: Int) -> (whole: ReaderState, windowed: ReaderState) {
        let size = Size(width: width, height: height)
        return (ReaderState(document: Self.document, settings: ReaderSettings(wholeLayoutLimit: .max), size: size),
                ReaderState(document: Self.document, settings: ReaderSettings(wholeLayoutLimit: 0), size: size))
    }

    /// The screen but its status line, whose position label a window can only estimate (and
    /// whose section title is cut to fit beside it); the status line's other parts are compared apart.
    private func screen(_ state: ReaderState) -> [String] {
        Array(render(state).textLines.dropLast()) + ["\(String(describing: state.currentSection)) \(state.message ?? "")"]
    }

    func testAWindowIsPartOfTheWholeLayout() {
        let units = LayoutUnits(document: Self.document, folds: [])
        XCTAssertGreaterThan(units.count, 400)
        var random = SeededGenerator(state: 7)
        for width in [20, 57, 80] {
            let options = LayoutOptions(width: width)
            let whole = Layout(document: Self.document, options: options, folds: [])
            for _ in 0..<40 {
                let start = Int.random(in: 0..<units.count, using: &random)
                let end = Int.random(in: start...min(units.count, start + 30), using: &random)
                let window = Layout(document: Self.document, options: options, folds: [], standIns: [:],
                                    units: units, window: start..<end)
                guard let first = window.lines.first else { continue }
                let offset = whole.lineIndex(for: first.anchor)
                for (index, line) in window.lines.enumerated() {
                    XCTAssertEqual(line.text, whole.lines[offset + index].text, "width \(width) window \(start)..<\(end)")
                    XCTAssertEqual(line.anchor, whole.lines[offset + index].anchor)
                    XCTAssertEqual(line.marker, whole.lines[offset + index].marker)
                }
            }
        }
    }

    func testReadingWindowedShowsWhatReadingWholeShows() {
        var (whole, windowed) = states(width: 80, height: 24)
        XCTAssertTrue(whole.layout.isComplete)
        XCTAssertFalse(windowed.layout.isComplete)
        let keys: [Key] = [.down, .up, .pageDown, .pageUp, .character("d"), .character("u"), .character("g"),
                           .character("G"), .tab, .backTab, .enter, .character("h"), .character("l"),
                           .character("-"), .character("+"), .character("3"), .character("n"), .character("N"),
                           .character("t"), .escape]
        var random = SeededGenerator(state: 20261125)
        whole = type(press(whole, .character("/")), "needle")
        windowed = type(press(windowed, .character("/")), "needle")
        for step in 0..<2000 {
            let event: ReaderEvent
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<3:
                event = .resize(Size(width: Int.random(in: 20...140, using: &random),
                                     height: Int.random(in: 4...60, using: &random)))
            case 3..<25:
                event = .key(.down)
            case 25..<30:
                event = .key(.enter)  // the search prompt, or a fold
            default:
                event = .key(keys.randomElement(using: &random)!)
            }
            whole = update(whole, event).0
            windowed = update(windowed, event).0
            XCTAssertEqual(screen(windowed), screen(whole), "step \(step) after \(event)")
            XCTAssertTrue((0...windowed.maxTop).contains(windowed.top))
            if screen(windowed) != screen(whole) { return }
        }
    }

    /// A resize or a fold lays out the window, not the page: its lines stay a few pages long.
    func testALargePageIsLaidOutAWindowAtATime() {
        let document = PageParser.document(from: Self.largePage(chapters: 2000))
        var state = ReaderState(document: document, size: Size(width: 80, height: 24))
        XCTAssertGreaterThan(state.units.count, 10_000)
        let bound = 8 * state.pageHeight + 40
        XCTAssertLessThan(state.layout.lines.count, bound)
        for event in [ReaderEvent.key(.end), .resize(Size(width: 50, height: 30)), .key(.character("k")),
                      .key(.character("-")), .key(.character("+")), .key(.home), .key(.pageDown)] {
            state = update(state, event).0
            XCTAssertLessThan(state.layout.lines.count, 8 * state.pageHeight + 40, "after \(event)")
        }
        state = update(state, .key(.end)).0
        XCTAssertEqual(state.positionLabel, "Bot")
        XCTAssertTrue(render(state).textLines.joined().contains("Closing words of chapter 2000."))
    }
}
