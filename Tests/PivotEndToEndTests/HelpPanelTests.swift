import XCTest
import PivotTestSupport

/// `q` in the help panel closes the panel, not the program.
final class HelpPanelTests: EndToEndTestCase {
    func testQClosesHelpThenQuits() throws {
        let page = try writePage(Fixtures.gardenPage)
        let session = try startReader([page.path])
        try session.waitForText("northern path")

        try session.sendKeys("?")
        try session.waitForScreen("the help panel with its \"Keys\" heading") { screen in
            screen.pageLines.contains { $0.trimmingCharacters(in: .whitespaces) == "Keys" }
                && !screen.contains("northern path")
        }

        try session.sendKeys("q")
        let page2 = try session.waitForScreen("the page is back after closing help") { screen in
            screen.contains("northern path")
                && !screen.pageLines.contains { $0.trimmingCharacters(in: .whitespaces) == "Keys" }
        }
        XCTAssertFalse(page2.contains("EXIT="), "the first q must not quit:\n\(page2)")

        try session.sendKeys("q")
        assertTerminalRestored(try waitForReaderExit(session), exitStatus: 0)
    }
}
