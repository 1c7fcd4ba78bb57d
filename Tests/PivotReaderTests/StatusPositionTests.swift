import PivotDocument
import XCTest
@testable import PivotReader
import PivotTestSupport

/// The status line holds still while the page scrolls: Top, Bot or All at the ends and nothing
/// between them, unless the settings ask for a running percentage; Ctrl-G tells the place.
final class StatusPositionTests: XCTestCase {
    /// Forty numbered paragraphs: far taller than a 12-row window.
    private var tallPage: Document {
        PageParser.document(from: "# Tall\n\n" + (1...40).map { "Paragraph \($0).\n\n" }.joined())
    }

    private func statusLine(_ state: ReaderState) -> String {
        render(state).textLines.last ?? ""
    }

    private func state(percent: Bool) -> ReaderState {
        ReaderState(document: tallPage, settings: ReaderSettings(showsPercent: percent), size: Size(width: 60, height: 12))
    }

    func testTheStatusLineIsTheSameAtEveryLineBetweenTheEnds() {
        var state = press(state(percent: false), .down)
        let middle = statusLine(state)
        XCTAssertEqual(state.positionLabel, "")
        for _ in 0..<20 {
            state = press(state, .down)
            guard state.top < state.maxTop else { break }
            XCTAssertEqual(statusLine(state), middle, "top line \(state.top)")
        }
        XCTAssertFalse(middle.contains("%"), middle)
        XCTAssertEqual(press(state, .home).positionLabel, "Top")
        XCTAssertEqual(press(state, .end).positionLabel, "Bot")
    }

    func testThePercentSettingShowsHowFarThroughThePageTheScreenReaches() {
        var state = press(state(percent: true), .down)
        XCTAssertEqual(state.positionLabel, "\((1 + state.pageHeight) * 100 / state.layout.lines.count)%")
        let first = statusLine(state)
        state = press(state, .pageDown)
        XCTAssertNotEqual(statusLine(state), first, "the percentage moves with the page")
        XCTAssertTrue(statusLine(state).contains("\(state.percentThrough)%"), statusLine(state))
        XCTAssertEqual(press(state, .end).positionLabel, "Bot")
    }

    func testControlGTellsTheLinesOnScreenUntilTheNextKey() {
        let start = state(percent: false)
        let total = start.layout.lines.count
        var state = press(start, .down, .down, .control("g"))
        XCTAssertTrue(state.showsPosition)
        let expected = "lines 3–\(2 + state.pageHeight) of \(total) · \((2 + state.pageHeight) * 100 / total)%"
        XCTAssertEqual(state.positionReport, expected)
        XCTAssertTrue(statusLine(state).contains(expected), statusLine(state))
        state = press(state, .down)
        XCTAssertFalse(state.showsPosition)
        XCTAssertFalse(statusLine(state).contains("lines "), statusLine(state))
        XCTAssertTrue(press(state, .end, .control("g")).positionReport.hasSuffix(" · 100%"))
    }

    func testControlGOnAPageThatFitsCountsEveryLine() {
        let small = ReaderState(document: PageParser.document(from: "# Small\n\nOne paragraph.\n"), size: Size(width: 60, height: 12))
        let state = press(small, .control("g"))
        XCTAssertEqual(state.positionLabel, "All")
        XCTAssertEqual(state.positionReport, "lines 1–\(state.layout.lines.count) of \(state.layout.lines.count) · 100%")
    }
}
