import PivotDocument
import XCTest
@testable import PivotReader
import PivotTestSupport

final class ReaderStateTests: XCTestCase {
    private var fixture: Document { PageParser.document(from: Fixtures.groupsPage) }

    private func visibleText(_ state: ReaderState) -> String {
        render(state).textLines.joined(separator: "\n")
    }

    func testScrollingStaysInBounds() {
        var state = Fixtures.state(Fixtures.pivot, height: 10)
        state = press(state, .up, .pageUp)
        XCTAssertEqual(state.top, 0)
        state = press(state, .end)
        XCTAssertEqual(state.top, state.maxTop)
        state = press(state, .down, .pageDown, .character("d"))
        XCTAssertEqual(state.top, state.maxTop)
        state = press(state, .character("g"))
        XCTAssertEqual(state.top, 0)
        XCTAssertEqual(state.positionLabel, "Top")
    }

    func testTabFocusesSectionsInOrderAndEnterFolds() {
        let document = fixture
        var state = press(Fixtures.state(document), .tab)
        XCTAssertEqual(state.focus, 0)
        state = press(state, .tab)
        XCTAssertEqual(state.focus.map { document.sections[$0].title }, "alpha")
        state = press(state, .enter)
        XCTAssertTrue(state.folds.contains(state.focus!))
        XCTAssertFalse(visibleText(state).contains("narrow enough for it"))
        XCTAssertTrue(visibleText(state).contains("▸"))
        state = press(state, .enter)
        XCTAssertTrue(visibleText(state).contains("narrow enough for it"))
        state = press(state, .backTab)
        XCTAssertEqual(state.focus, 0)
    }

    func testFoldAllShowsOnlyTopLevelSummariesAndUnfoldAllRestores() {
        let before = Fixtures.state(fixture)
        let folded = press(before, .character("-"))
        let text = visibleText(folded)
        XCTAssertEqual(folded.folds.count, fixture.sections.count)
        XCTAssertFalse(text.contains("alpha"), text)
        XCTAssertFalse(text.contains("▾"), text)
        let unfolded = press(folded, .character("+"))
        XCTAssertEqual(visibleText(unfolded), visibleText(before))
    }

    func testUnfoldingRestoresTheReadingPosition() {
        var state = Fixtures.state(fixture, height: 8)
        state = press(state, .tab, .tab, .tab)  // focus on "beta"
        let beforeTop = state.top
        let beforeScreen = visibleText(state)
        state = press(state, .enter, .enter)
        XCTAssertEqual(state.top, beforeTop)
        XCTAssertEqual(visibleText(state), beforeScreen)
    }

    func testHAndLMoveBetweenParentAndChild() {
        let document = fixture
        var state = press(Fixtures.state(document), .tab, .character("l"))
        XCTAssertEqual(state.focus.map { document.sections[$0].title }, "alpha")
        state = press(state, .character("h"))  // folds alpha
        XCTAssertTrue(state.folds.contains(state.focus!))
        state = press(state, .character("h"))  // already folded: to the parent
        XCTAssertEqual(state.focus, 0)
    }

    func testSearchUnfoldsTheSectionHoldingTheMatch() {
        var state = press(Fixtures.state(fixture), .character("-"))
        XCTAssertFalse(visibleText(state).contains("needle"))
        state = press(state, .character("/"))
        state = type(state, "needle")
        XCTAssertEqual(state.prompt, "needle")
        state = press(state, .enter)
        XCTAssertNil(state.prompt)
        let text = visibleText(state)
        XCTAssertTrue(text.contains("needle"), text)
        XCTAssertTrue(state.message?.contains("1 of 1") == true, state.message ?? "")
        // The match is highlighted on screen.
        let grid = render(state)
        XCTAssertTrue(grid.cells.contains { $0.style.role == .match })
    }

    func testSearchNextWrapsAndMissReportsNotFound() {
        var state = press(Fixtures.state(Fixtures.pivot, height: 12), .character("/"))
        state = press(type(state, "hype"), .enter)
        let first = state.top
        state = press(state, .character("n"), .character("n"), .character("n"), .character("n"), .character("n"))
        XCTAssertTrue(state.message?.contains("wrapped") == true || state.top != first, state.message ?? "")
        state = press(state, .character("/"))
        state = press(type(state, "zzzznotthere"), .enter)
        XCTAssertEqual(state.message, "not found: zzzznotthere")
    }

    func testResizeKeepsTheTopLine() {
        var state = Fixtures.state(Fixtures.pivot, width: 80, height: 12)
        state = press(state, .pageDown)
        let topText = state.layout.lines[state.top].text.trimmingCharacters(in: .whitespaces)
        state = update(state, .resize(Size(width: 40, height: 12))).0
        let narrowTop = state.layout.lines[state.top].text.trimmingCharacters(in: .whitespaces)
        let firstWords = topText.split(separator: " ").prefix(2).joined(separator: " ")
        XCTAssertTrue(narrowTop.contains(firstWords), "\(topText) / \(narrowTop)")
        state = update(state, .resize(Size(width: 80, height: 12))).0
        XCTAssertEqual(state.layout.lines[state.top].text.trimmingCharacters(in: .whitespaces), topText)
    }

    func testNumbersJumpToTopLevelSections() {
        let document = Fixtures.pivot
        var state = press(Fixtures.state(document, height: 10), .character("3"))
        let third = document.topLevelSections[2]
        XCTAssertEqual(state.focus, third)
        XCTAssertEqual(min(state.layout.markerLines[third]!, state.maxTop), state.top)
        state = press(state, .character("9"))
        XCTAssertNotNil(state.message)
    }

    func testOutlinePanelJumpsToTheChosenSection() {
        let document = fixture
        var state = press(Fixtures.state(document, height: 14), .character("-"), .character("t"))
        guard case .outline = state.overlay else { return XCTFail("no outline") }
        XCTAssertTrue(visibleText(state).contains("epsilon"))
        state = press(state, .character("G"), .enter)
        XCTAssertNil(state.overlay)
        let last = document.sections.count - 1
        XCTAssertEqual(state.focus, last)
        XCTAssertNotNil(state.layout.markerLines[last], "its ancestors were unfolded")
    }

    func testQuitKeysAndPanels() {
        let state = Fixtures.state(fixture)
        XCTAssertEqual(update(state, .key(.character("q"))).1, [.quit])
        XCTAssertEqual(update(state, .key(.control("c"))).1, [.quit])
        let help = press(state, .character("?"))
        XCTAssertTrue(visibleText(help).contains("Keys"))
        let closed = update(help, .key(.character("q")))
        XCTAssertEqual(closed.1, [])
        XCTAssertNil(closed.0.overlay)
        let info = press(state, .character("i"))
        XCTAssertTrue(visibleText(info).contains("https://example.org/x"))
    }

    func testClickOnAMarkerToggles() {
        let state = Fixtures.state(fixture)
        let line = state.layout.markerLines[1]!
        let row = line - state.top + 1
        let column = state.leftMargin + state.layout.lines[line].markerColumn
        let clicked = update(state, .mouse(.click, row: row, column: column)).0
        XCTAssertTrue(clicked.folds.contains(1))
        let scrolled = update(state, .mouse(.wheelDown, row: 3, column: 3)).0
        XCTAssertEqual(scrolled.top, min(3, state.maxTop))
    }

    func testPropertyRandomEventsKeepTheInvariants() {
        var random = SeededGenerator(state: 7)
        let keys: [Key] = [.up, .down, .pageUp, .pageDown, .home, .end, .tab, .backTab, .enter, .left, .right,
                           .character("-"), .character("+"), .character("t"), .character("q"), .character("?"),
                           .character("n"), .character("1"), .character("2"), .escape, .character("/"),
                           .character("e"), .backspace, .character("d"), .character("u"), .character("i")]
        for document in [Fixtures.pivot, fixture] {
            var state = Fixtures.state(document)
            for step in 0..<3000 {
                let event: ReaderEvent
                switch Int.random(in: 0..<10, using: &random) {
                case 0:
                    event = .resize(Size(width: Int.random(in: 0...300, using: &random),
                                         height: Int.random(in: 0...120, using: &random)))
                case 1:
                    event = .mouse([.wheelUp, .wheelDown, .click].randomElement(using: &random)!,
                                   row: Int.random(in: 0...30, using: &random), column: Int.random(in: 0...90, using: &random))
                default:
                    event = .key(keys.randomElement(using: &random)!)
                }
                state = update(state, event).0
                XCTAssertTrue((0...state.maxTop).contains(state.top), "step \(step): top \(state.top)")
                if let focus = state.focus {
                    XCTAssertNotNil(state.layout.markerLines[focus], "step \(step): focus \(focus) is hidden")
                }
                let grid = render(state)
                XCTAssertEqual(grid.width, state.windowSize.width)
                XCTAssertEqual(grid.height, state.windowSize.height)
            }
        }
    }
}
