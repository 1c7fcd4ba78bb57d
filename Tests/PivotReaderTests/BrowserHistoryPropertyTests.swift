import PivotDocument
import PivotTestSupport
import XCTest
@testable import PivotReader

/// Random reading, following and going back and forth: after every step back or forward the
/// reader is where it was (same page, same top line, same folds and focus), as a model of the
/// two stacks says.
final class BrowserHistoryPropertyTests: XCTestCase {
    struct Place: Equatable {
        var path: String?
        var top: Anchor?
        var folds: Set<Int>
        var focus: Int?
    }

    func place(_ browser: Browser) -> Place {
        Place(path: browser.path, top: browser.topAnchor, folds: browser.reader?.folds ?? [], focus: browser.reader?.focus)
    }

    func testRandomFollowsAndBacksComeBackToTheSamePlace() {
        let fixture = SiteFixture.standard
        for seed in 1...6 as ClosedRange<UInt64> {
            var random = SeededGenerator(state: seed)
            var browser = fixture.browser(on: "index.md", width: 60, height: 16)
            var back: [Place] = []
            var forward: [Place] = []
            for step in 0..<400 {
                let before = place(browser)
                switch Int.random(in: 0..<10, using: &random) {
                case 0, 1:
                    let links = browser.reader!.document.links.indices.filter {
                        switch browser.target(ofLink: $0) {
                        case .page?, .fragment?: return true
                        default: return false
                        }
                    }
                    guard let link = links.randomElement(using: &random) else { continue }
                    let depth = browser.history.back.count
                    browser = fixture.follow(browser, number: link + 1)
                    if browser.history.back.count == depth + 1 || (depth == Browser.historyLimit && place(browser) != before) {
                        back.append(before)
                        forward = []
                    }
                case 2, 3:
                    guard let expected = back.popLast() else {
                        XCTAssertFalse(browser.canGoBack)
                        continue
                    }
                    browser = fixture.press(browser, .character("B"))
                    XCTAssertEqual(place(browser), expected, "seed \(seed) step \(step): back")
                    forward.append(before)
                case 4:
                    guard let expected = forward.popLast() else {
                        XCTAssertFalse(browser.canGoForward)
                        continue
                    }
                    browser = fixture.press(browser, .character("F"))
                    XCTAssertEqual(place(browser), expected, "seed \(seed) step \(step): forward")
                    back.append(before)
                case 5:
                    browser = fixture.press(browser, .tab, .enter)
                case 6:
                    browser = fixture.press(browser, .character("-"))
                case 7:
                    browser = fixture.press(browser, .character("+"))
                default:
                    let keys: [Key] = [.character("j"), .character(" "), .character("k"), .character("G"), .character("g"), .character("d")]
                    browser = fixture.press(browser, keys.randomElement(using: &random)!)
                }
                XCTAssertEqual(browser.history.back.count, back.count, "seed \(seed) step \(step)")
                XCTAssertEqual(browser.history.forward.count, forward.count, "seed \(seed) step \(step)")
            }
        }
    }
}
