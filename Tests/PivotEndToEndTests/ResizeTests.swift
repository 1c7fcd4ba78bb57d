import XCTest
import PivotTestSupport

/// The reader follows the terminal's size: it reflows to a narrow window, and a round trip
/// back to the old size keeps the line that was at the top at the top.
final class ResizeTests: EndToEndTestCase {
    private let title = "Long Fixture"

    private func startLongPage() throws -> TmuxSession {
        let page = try writePage(Fixtures.longPage)
        let session = try startReader([page.path], width: 80, height: 24)
        try session.waitForScreen("the page is shown at 80x24") { screen in
            screen.header.trimmingCharacters(in: .whitespaces).hasPrefix(self.title)
                && screen.statusLine.hasSuffix("?: help")
        }
        return session
    }

    func testShrinkingReflowsAndKeepsHeader() throws {
        let session = try startLongPage()
        try session.resize(width: 40, height: 12)
        let narrow = try session.waitForScreen("a 40x12 screen with the title in the header") { screen in
            screen.lines.count == 12
                && screen.lines.allSatisfy { $0.count <= 40 }
                && screen.statusLine.hasSuffix("?: help")
                && screen.header.trimmingCharacters(in: .whitespaces).hasPrefix(self.title)
        }
        // Reflowed, not cut: the long item lines now wrap onto continuation lines.
        XCTAssertTrue(narrow.pageLines.contains { $0.hasPrefix("      ") && !$0.trimmingCharacters(in: .whitespaces).isEmpty },
                      "expected wrapped continuation lines at 40 columns:\n\(narrow)")
    }

    func testResizeRoundTripKeepsTopLine() throws {
        let session = try startLongPage()
        // Scroll a few lines, one key at a time, each seen on screen before the next.
        var screen = try session.capture()
        for _ in 0..<3 {
            let previousTop = screen.pageLines.first
            try session.sendKeys("j")
            screen = try session.waitForScreen("the page scrolled one line") { $0.pageLines.first != previousTop }
        }
        let settled = screen
        let topLine = try XCTUnwrap(settled.pageLines.first)
        XCTAssertGreaterThan(topLine.count, 40, "the top line must be wider than the narrow window, "
                             + "so a stale copy of it cannot pass for a redraw:\n\(settled)")

        try session.resize(width: 40, height: 12)
        try session.waitForScreen("the reader redrew at 40x12") { screen in
            screen.lines.count == 12 && screen.statusLine.hasSuffix("?: help")
        }
        try session.resize(width: 80, height: 24)
        try session.waitForScreen("back at 80x24 with the same line at the top: \"\(topLine)\"") { screen in
            screen.lines.count == 24 && screen.pageLines.first == topLine
        }
    }
}
