import XCTest
import PivotTestSupport

/// A search finds text inside folded sections and opens them to show it.
final class SearchTests: EndToEndTestCase {
    func testSearchRevealsWordInsideFoldedItem() throws {
        let word = Fixtures.hiddenWord
        let page = try writePage(Fixtures.gardenPage)
        let session = try startReader([page.path])
        try session.waitForText("mosses cover")

        try session.sendKeys("-")
        let folded = try session.waitForScreen("fold all hid the item bodies") { !$0.contains("mosses cover") }
        XCTAssertFalse(folded.contains(word), "precondition: the word must be hidden by the fold:\n\(folded)")

        try session.sendKeys("/")
        try session.type(word)
        try session.sendKeys("Enter")
        // The status line echoes the search; the word must show in the page itself.
        try session.waitForScreen("the searched word is visible in the page area") { screen in
            screen.pageLines.contains { $0.contains(word) }
        }
    }
}
