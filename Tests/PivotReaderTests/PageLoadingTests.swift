import PivotDocument
import XCTest
@testable import PivotReader

/// A large page opens on its top part; the whole page then takes its place without moving
/// what the reader sees.
final class PageLoadingTests: XCTestCase {
    static let page = WindowedLayoutTests.largePage(chapters: 300)
    static let whole = PageParser.document(from: page)
    static let head = PageParser.head(of: page, minimum: 8192)!

    private func opened() -> ReaderState {
        ReaderState(document: Self.head, size: Size(width: 80, height: 24)).awaitingRestOfPage()
    }

    private func pageRows(_ state: ReaderState) -> [String] {
        Array(render(state).textLines.dropLast())
    }

    func testTheWholePageKeepsTheTextOnScreen() {
        var state = opened()
        XCTAssertTrue(state.isPartial)
        state = press(state, .pageDown, .pageDown, .down, .down, .down)
        let before = pageRows(state)
        let after = state.replacingPage(with: Self.whole, standIns: [:])
        XCTAssertFalse(after.isPartial)
        XCTAssertEqual(pageRows(after), before)
        XCTAssertGreaterThan(after.layout.unitCount, state.layout.unitCount)
    }

    func testTheEndOfThePartPromisesMoreAndTheEndKeyWaitsForTheWholePage() {
        var state = press(opened(), .end)
        XCTAssertEqual(state.positionLabel, "loading")
        state = state.replacingPage(with: Self.whole, standIns: [:])
        XCTAssertEqual(state.positionLabel, "Bot")
        XCTAssertTrue(render(state).textLines.joined().contains("Closing words of chapter 300."))
    }

    func testAnotherKeyAfterTheEndKeyKeepsThePlace() {
        var state = press(opened(), .end, .up)
        let before = pageRows(state)
        state = state.replacingPage(with: Self.whole, standIns: [:])
        XCTAssertEqual(pageRows(state), before)
    }

    func testFoldsFocusAndSearchCarryOver() {
        var state = press(opened(), .tab, .tab, .enter)
        let folded = state.folds
        XCTAssertFalse(folded.isEmpty)
        state = type(press(state, .character("/")), "needle")
        state = press(state, .enter)
        let focus = state.focus
        let matchesInHead = state.searchMatches.count
        state = state.replacingPage(with: Self.whole, standIns: [:])
        XCTAssertEqual(state.folds, folded.filter { state.document.sections[$0].title == Self.head.sections[$0].title })
        XCTAssertEqual(state.focus, focus)
        XCTAssertGreaterThan(state.searchMatches.count, matchesInHead)
    }
}

/// `G` on the top part shows the end part (parsed alone) until the whole page arrives.
final class PageEndPartTests: XCTestCase {
    static let page = PageLoadingTests.page
    static let whole = PageLoadingTests.whole

    static var end: PagePiece {
        let cut = PageSplitter.tailStart(of: page, minimum: 8192)!
        let linesBefore = page[..<cut].filter { $0 == "\n" }.count
        return PagePiece(document: PageParser.document(from: String(page[cut...])), standIns: [:], lineOffset: linesBefore)
    }

    private func opened() -> ReaderState {
        ReaderState(document: PageLoadingTests.head, size: Size(width: 80, height: 24)).awaitingRestOfPage()
    }

    private func pageRows(_ state: ReaderState) -> [String] { Array(render(state).textLines.dropLast()) }

    func testTheEndKeyShowsTheEndPartWhenItIsKnown() {
        var state = press(opened().knowingEndOfPage(Self.end), .end)
        XCTAssertEqual(state.part, .end(lineOffset: Self.end.lineOffset))
        XCTAssertEqual(state.positionLabel, "Bot")
        let before = pageRows(state)
        XCTAssertTrue(before.joined().contains("Closing words of chapter 300."))
        state = state.replacingPage(with: Self.whole, standIns: [:])
        XCTAssertEqual(state.part, .whole)
        XCTAssertEqual(pageRows(state), before)
    }

    func testTheEndPartArrivingAfterTheEndKeyIsShownAtOnce() {
        var state = press(opened(), .end)
        XCTAssertEqual(state.part, .top)
        state = state.knowingEndOfPage(Self.end)
        XCTAssertEqual(state.part, .end(lineOffset: Self.end.lineOffset))
        XCTAssertTrue(pageRows(state).joined().contains("Closing words of chapter 300."))
    }

    /// Scrolled up in the end part, the whole page keeps the same text at the top (found by line).
    func testAPlaceInTheEndPartIsFoundAgainInTheWholePage() {
        var state = press(opened().knowingEndOfPage(Self.end), .end, .pageUp, .pageUp, .up)
        XCTAssertEqual(state.positionLabel, "loading")
        let topLine = pageRows(state)[1]
        state = state.replacingPage(with: Self.whole, standIns: [:])
        XCTAssertEqual(pageRows(state)[1], topLine)
    }

    func testTheStartKeyGoesBackToTheTopPart() {
        let state = press(opened().knowingEndOfPage(Self.end), .end, .home)
        XCTAssertEqual(state.part, .top)
        XCTAssertEqual(state.top, 0)
        XCTAssertEqual(pageRows(state), pageRows(opened()))
    }
}
