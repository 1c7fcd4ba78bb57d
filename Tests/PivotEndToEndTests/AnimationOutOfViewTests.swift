import XCTest
import PivotTestSupport

/// A pane nobody can see is not redrawn: scrolled off the screen, or behind a panel, the screen
/// stays as it is; back in view, the pane plays again.
final class AnimationOutOfViewTests: EndToEndTestCase {
    func testScrolledOutOfViewTheScreenStaysStill() throws {
        let (session, _) = try startAnimatedReader()
        try session.sendKeys("Space")
        try session.waitForScreen("a page down took the whole pane and its caption off the screen") { screen in
            !screen.contains("┌") && !screen.contains("│") && !screen.contains("└")
                && !screen.contains(AnimationFixtures.caption) && screen.contains("Line ")
        }
        try assertStaysStill(session, "with the pane scrolled out of view")

        try session.sendKeys("g")
        let back = try session.waitForScreen("the pane is back at the top") { $0.paneLetter != nil }
        try waitForPaneChange(session, from: back, "the pane plays again once back in view")
    }

    func testBehindTheHelpPanelTheScreenStaysStill() throws {
        let (session, _) = try startAnimatedReader()
        try session.sendKeys("?")
        try session.waitForScreen("the help panel covers the page") { screen in
            screen.pageLines.contains { $0.trimmingCharacters(in: .whitespaces) == "Keys" } && screen.paneRows == nil
        }
        try assertStaysStill(session, "with the help panel over the pane")

        try session.sendKeys("q")
        let back = try session.waitForScreen("the page and its pane are back") { $0.paneLetter != nil }
        try waitForPaneChange(session, from: back, "the pane plays again once the panel is closed")
    }
}
