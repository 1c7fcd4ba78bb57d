import PivotDocument
import XCTest
@testable import PivotReader
import PivotTestSupport

/// 130,000 random events (30,000 of them laid out a window at a time), replayable (fixed seeds): every key the reader knows, characters
/// (typed into searches too), control chords, mouse events anywhere (negative and huge
/// coordinates included), resizes from 0x0 and 1x1 to 500x200, and clock ticks. After each
/// event: `top` within 0...maxTop, the focus (if any) has a marker line, the rendered grid is
/// exactly the window's size; every 50th grid gets the full cell check (no split wide
/// character, no control). A crash fails the whole run, so the seed and step are printed
/// first when `PIVOT_FUZZ_TRACE=1`.
final class ReaderFuzzTests: XCTestCase {
    static let namedKeys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab, .escape, .backspace,
    ]
    /// The characters the reader binds, and others it must ignore or type into a search.
    static let characters: [Character] = Array("jkhlgGdubfnNqQpit?/-+=<>[] 0123456789aAzZ.,;:'\"`~!@#$%^&*()_{}|\\")
        + ["é", "ß", "漢", "한", "👍🏽", "🇫🇷", "e\u{301}", "\u{00A0}", "\u{FFFD}", "␛"]
    static let controls: [Character] = Array("abcdefghijklmnopqrstuvwxyz")

    /// A page with headings and lead-word lists: sections at three depths, groups and items.
    static var generatedPage: String {
        var text = "---\ntitle: Fuzz Page\n---\n\n# Fuzz Page\n\n"
        for chapter in 1...6 {
            text += "## Chapter \(chapter)\n\nChapter \(chapter) opens with a paragraph that leads into a list:\n\n"
            for item in 1...5 {
                text += "- **lead\(chapter)x\(item)**: item \(item) of chapter \(chapter) has words enough to wrap "
                    + "in a narrow window, and a needle word.\n"
            }
            text += "\n### Part \(chapter).1\n\nA part with a quote:\n\n> quoted text \(chapter)\n\n"
            text += "| a | b |\n|---|---|\n| \(chapter) | 漢字 \(chapter) |\n\n```\ncode \(chapter)\n```\n\n"
        }
        return text
    }

    private struct Run {
        var random: SeededGenerator
        var now = 0
        var events = 0
        var fullChecks = 0

        mutating func nextEvent() -> ReaderEvent {
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<2:
                return .resize(randomSize())
            case 2..<12:
                now += Int.random(in: 0...500, using: &random)
                return .tick(now)
            case 12..<20:
                let action = [MouseAction.wheelUp, .wheelDown, .click].randomElement(using: &random)!
                return .mouse(action, row: coordinate(), column: coordinate())
            case 20..<30:
                return .key(.control(ReaderFuzzTests.controls.randomElement(using: &random)!))
            case 30..<55:
                return .key(ReaderFuzzTests.namedKeys.randomElement(using: &random)!)
            default:
                return .key(.character(ReaderFuzzTests.characters.randomElement(using: &random)!))
            }
        }

        /// Mostly sizes people have, sometimes anything from 0x0 to 500x200, rarely nonsense.
        mutating func randomSize() -> Size {
            switch Int.random(in: 0..<10, using: &random) {
            case 0: return Size(width: 0, height: 0)
            case 1: return Size(width: Int.random(in: 1...3, using: &random), height: Int.random(in: 1...3, using: &random))
            case 2: return Size(width: Int.random(in: 1...500, using: &random), height: Int.random(in: 1...200, using: &random))
            case 3: return Size(width: Int.random(in: -5...25, using: &random), height: Int.random(in: -5...5, using: &random))
            default: return Size(width: Int.random(in: 20...130, using: &random), height: Int.random(in: 3...50, using: &random))
            }
        }

        /// Mostly inside a window, sometimes far outside it (the edge reports C ints).
        mutating func coordinate() -> Int {
            switch Int.random(in: 0..<10, using: &random) {
            case 0: return [Int(Int32.min), -1_000_000, -1, Int(Int32.max), 1_000_000].randomElement(using: &random)!
            case 1: return Int.random(in: -50 ... -1, using: &random)
            default: return Int.random(in: 0...130, using: &random)
            }
        }
    }

    private func fuzz(_ document: Document, seed: UInt64, events: Int, settings: ReaderSettings = ReaderSettings(),
                      file: StaticString = #filePath, line: UInt = #line) {
        let trace = ProcessInfo.processInfo.environment["PIVOT_FUZZ_TRACE"] == "1"
        var run = Run(random: SeededGenerator(state: seed))
        var state = ReaderState(document: document, settings: settings, size: Size(width: 80, height: 24), now: 0)
        var failures = 0
        for step in 0..<events {
            let event = run.nextEvent()
            if trace { print("fuzz seed \(seed) step \(step): \(event)") }
            state = update(state, event).0
            run.events += 1
            var problems: [String] = []
            if !(0...state.maxTop).contains(state.top) { problems.append("top \(state.top) outside 0...\(state.maxTop)") }
            // On a windowed page the focus may be laid out of the window, never folded away.
            if let focus = state.focus, state.layout.markerLines[focus] == nil,
               state.layout.isComplete || state.isFoldedAway(focus) {
                problems.append("focus \(focus) has no marker line")
            }
            let grid = render(state)
            if grid.width != state.windowSize.width || grid.height != state.windowSize.height {
                problems.append("grid \(grid.width)x\(grid.height) for window \(state.windowSize.width)x\(state.windowSize.height)")
            }
            if step % 50 == 0 {
                run.fullChecks += 1
                problems += GridChecks.problems(grid, for: state).prefix(3)
            }
            if !problems.isEmpty {
                failures += 1
                XCTFail("seed \(seed) step \(step) after \(event): \(problems.joined(separator: "; "))", file: file, line: line)
                if failures >= 10 { return }
            }
        }
        XCTAssertEqual(run.events, events)
    }

    func testFiftyThousandRandomEventsOnThePivotPage() {
        fuzz(Fixtures.pivot, seed: 20_251_125, events: 50_000)
    }

    func testFiftyThousandRandomEventsOnAGeneratedPage() {
        fuzz(PageParser.document(from: Self.generatedPage), seed: 1_125_2025, events: 50_000)
    }

    /// The same page laid out a window at a time (as large pages are).
    func testThirtyThousandRandomEventsOnAWindowedPage() {
        fuzz(PageParser.document(from: Self.generatedPage), seed: 2_026_1125, events: 30_000,
             settings: ReaderSettings(wholeLayoutLimit: 0))
    }
}
