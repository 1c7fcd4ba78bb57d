import PivotDocument
import PivotTestSupport
import XCTest
@testable import PivotReader

/// 12,000 random events on the browser of a small site, replayable (fixed seeds): every key
/// (the site index's typing, `/` searches, `f` numbers, the links panel, back and forward), mouse
/// events anywhere, resizes from 0x0 to 300x100, ticks, changed files and late parts of pages.
/// After each event: the grid is the window's size; on a page, `top` is within its bounds; the
/// history never holds more than its limit; on the index, the selection is a row.
final class BrowserFuzzTests: XCTestCase {
    static let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .tab, .backTab,
                              .escape, .backspace, .control("u"), .control("g"), .control("l")]
    static let characters: [Character] = Array("fLBFsjk /n-+?iqt0123456789abcxyz#[]") + ["é", "漢"]

    func testRandomEventsKeepTheBrowserWhole() {
        let fixture = SiteFixture.standard
        for seed in 1...4 as ClosedRange<UInt64> {
            var random = SeededGenerator(state: seed &* 7919)
            var browser = seed % 2 == 0 ? fixture.index() : fixture.browser(on: "index.md")
            var now = 0
            for step in 0..<3_000 {
                let event: BrowserEvent
                switch Int.random(in: 0..<100, using: &random) {
                case 0..<3:
                    event = .reader(.resize(Size(width: Int.random(in: 0...300, using: &random),
                                                 height: Int.random(in: 0...100, using: &random))))
                case 3..<8:
                    now += Int.random(in: 0...400, using: &random)
                    event = .reader(.tick(now))
                case 8..<12:
                    let action = [MouseAction.wheelUp, .wheelDown, .click].randomElement(using: &random)!
                    event = .reader(.mouse(action, row: Int.random(in: -2...110, using: &random),
                                           column: Int.random(in: -2...310, using: &random)))
                case 12..<14:
                    event = .pageChanged
                case 14..<15:
                    event = .restOfPage(generation: browser.generation + Int.random(in: -1...0, using: &random),
                                        fixture.page(["index.md", "about.md"].randomElement(using: &random)!))
                case 15..<45:
                    event = .reader(.key(Self.keys.randomElement(using: &random)!))
                default:
                    event = .reader(.key(.character(Self.characters.randomElement(using: &random)!)))
                }
                browser = fixture.send(browser, event)
                let grid = render(browser)
                let size = browser.windowSize
                XCTAssertEqual(grid.width, min(max(0, size.width), 4096), "seed \(seed) step \(step)")
                XCTAssertEqual(grid.height, min(max(0, size.height), 4096), "seed \(seed) step \(step)")
                if let reader = browser.reader, browser.index == nil {
                    XCTAssertTrue((0...reader.maxTop).contains(reader.top), "seed \(seed) step \(step)")
                }
                if let view = browser.index {
                    XCTAssertTrue(view.rowCount == 0 || (0..<view.rowCount).contains(view.selection), "seed \(seed) step \(step)")
                }
                XCTAssertLessThanOrEqual(browser.history.back.count, Browser.historyLimit)
                XCTAssertLessThanOrEqual(browser.history.forward.count, Browser.historyLimit)
            }
        }
    }
}
