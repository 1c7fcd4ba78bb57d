import PivotAnimation
import PivotDocument
import XCTest
@testable import PivotReader

/// The animation pane in the core: which frame shows for a clock value, pause, idle stop,
/// and that nothing changes on screen (so nothing is sent) when the pane is out of view.
final class AnimationPaneTests: XCTestCase {
    /// Three frames, each a different letter filling the pane, 100/200/300 ms.
    private let clip = Animation(width: 6, height: 3, frames: ["A", "B", "C"].enumerated().map { index, letter in
        Animation.Frame(lines: Array(repeating: String(repeating: letter, count: 6), count: 3), delay: 100 * (index + 1))
    })

    private var page: Document {
        PageParser.document(from: """
            ---
            title: Pane
            ---

            <img src="https://img.example/a.gif" alt="moving">

            \((1...40).map { "Paragraph \($0) of filler text." }.joined(separator: "\n\n"))
            """)
    }

    private func state(width: Int = 40, height: Int = 12, settings: ReaderSettings = ReaderSettings()) -> ReaderState {
        ReaderState(document: page, settings: settings, size: Size(width: width, height: height),
                    standIns: ["https://img.example/a.gif": clip], now: 1000)
    }

    private func shownLetters(_ state: ReaderState) -> Set<Character> {
        Set(render(state).textLines.joined().filter { "ABC".contains($0) })
    }

    private func at(_ state: ReaderState, _ time: Int) -> ReaderState {
        update(state, .tick(time)).0
    }

    func testTheFrameFollowsTheClock() {
        let start = state()
        XCTAssertEqual(shownLetters(start), ["A"])
        XCTAssertEqual(shownLetters(at(start, 1099)), ["A"])
        XCTAssertEqual(shownLetters(at(start, 1100)), ["B"])
        XCTAssertEqual(shownLetters(at(start, 1300)), ["C"])
        XCTAssertEqual(shownLetters(at(start, 1600)), ["A"], "it loops")
        XCTAssertEqual(start.nextTick, 100)
        XCTAssertEqual(at(start, 1150).nextTick, 150)
    }

    func testPauseHoldsTheFrameAndResumesWhereItWas() {
        var paused = press(at(state(), 1150), .character("p"))
        XCTAssertNil(paused.nextTick)
        paused = at(paused, 5000)
        XCTAssertEqual(shownLetters(paused), ["B"])
        let resumed = press(paused, .character("p"))
        XCTAssertEqual(shownLetters(resumed), ["B"])
        XCTAssertEqual(resumed.nextTick, 150)
    }

    func testIdleStopRestsOnTheLastFrameUntilAKey() {
        let settings = ReaderSettings(idleStop: 2000)
        let start = state(settings: settings)
        let idle = at(start, 3000)
        XCTAssertEqual(shownLetters(idle), ["C"])
        XCTAssertNil(idle.nextTick, "an idle reader costs nothing")
        XCTAssertEqual(at(start, 2950).nextTick, 50, "it wakes once more to show the last frame")
        let back = press(idle, .character("p"), .character("p"))
        XCTAssertEqual(shownLetters(back), ["A"], "a key starts it again")
        XCTAssertNotNil(back.nextTick)
    }

    func testNoAnimationShowsTheFirstFrameStill() {
        let still = at(state(settings: ReaderSettings(animates: false)), 1250)
        XCTAssertEqual(shownLetters(still), ["A"])
        XCTAssertNil(still.nextTick)
    }

    func testOutOfViewOrFoldedAwayNothingChangesAndNoTickIsAsked() {
        let scrolled = press(state(), .pageDown, .pageDown)
        XCTAssertTrue(shownLetters(scrolled).isEmpty)
        XCTAssertNil(scrolled.nextTick)
        // The cells the front would send: identical at any later time.
        XCTAssertEqual(render(scrolled), render(at(scrolled, 1100)))
        XCTAssertEqual(render(scrolled), render(at(scrolled, 99_000)))
        // A panel over the page stops it too.
        XCTAssertNil(press(state(), .character("?")).nextTick)
    }

    func testOnlyThePaneChangesBetweenFrames() {
        let start = state()
        let before = render(start)
        let after = render(at(start, 1100))
        let changedRows = (0..<before.height).filter { before.row($0) != after.row($0) }
        XCTAssertEqual(changedRows.count, clip.height)
        let pane = start.layout.lines.firstIndex { $0.pane != nil }!
        XCTAssertEqual(changedRows, Array((pane + 1)...(pane + clip.height)))
    }

    func testPaneIsFramedCentredWithACaptionAndShrinksWhenItCannotFit() {
        for width in [30, 40, 80] {
            assertSnapshot(render(state(width: width, height: 12)), named: "pane")
        }
        let wide = Animation(width: 30, height: 3, frames: [.init(lines: Array(repeating: String(repeating: "W", count: 30), count: 3), delay: 100)])
        let narrowState = ReaderState(document: page, size: Size(width: 24, height: 12),
                                      standIns: ["https://img.example/a.gif": wide])
        let narrow = render(narrowState).textLines.joined(separator: "\n")
        XCTAssertTrue(narrow.contains("[animation: moving"), narrow)
        XCTAssertFalse(narrow.contains("WWW"))
        let short = render(state(width: 40, height: 6)).textLines.joined(separator: "\n")
        XCTAssertTrue(short.contains("[animation: moving"), short)
    }

    func testPlainOutputPrintsTheFirstFrameAndTheCaption() {
        let plain = PlainText.render(page, width: 40, standIns: ["https://img.example/a.gif": clip])
        XCTAssertTrue(plain.contains("AAAAAA"))
        XCTAssertFalse(plain.contains("BBBBBB"))
        XCTAssertTrue(plain.contains("moving · img.example"))
    }
}
