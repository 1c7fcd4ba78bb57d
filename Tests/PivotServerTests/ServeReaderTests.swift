import Foundation
import PivotTestSupport
import XCTest

/// The reader over `pivot-tui serve`, as a person sees it: ssh -t in a real terminal (tmux).
final class ServeReaderTests: ServeTestCase {
    func testServedPageAppearsAndQuitEndsSSHWithStatusZero() throws {
        let server = try startServer()
        let terminal = try startTerminal(port: server.port)
        try waitForReader(terminal)
        try terminal.sendKeys("q")
        XCTAssertEqual(try waitForExitStatus(terminal), "0")
        try server.waitForEvent("session start", "kind=reader", "term=tmux-256color", "size=80x24")
        try server.waitForEvent("session end", "exit_status=0", "reason=finished")
    }

    func testEmbeddedPageWithoutPageOption() throws {
        let server = try startServer(page: nil)
        let terminal = try startTerminal(port: server.port)
        try waitForReader(terminal, title: "Pivot")
    }

    func testResizeReflowsThePage() throws {
        let server = try startServer()
        let terminal = try startTerminal(port: server.port, width: 80, height: 24)
        let wide = try waitForReader(terminal)
        XCTAssertTrue(wide.contains { $0.count > 60 }, "some line should use the width at 80 columns:\n\(wide.joined(separator: "\n"))")
        try terminal.resize(width: 50, height: 15)
        let narrow = try terminal.waitForScreen("the reader redrew at 50x15") { screen in
            screen.count == 15 && screen.allSatisfy { $0.count <= 50 }
                && (screen.first ?? "").trimmingCharacters(in: .whitespaces).hasPrefix(ServedPage.title)
                && (screen.last ?? "").contains("?: help")
        }
        XCTAssertTrue(narrow.contains { $0.count > 40 }, "the text should be rewrapped to the new width:\n\(narrow.joined(separator: "\n"))")
    }

    func testTheKeysReachTheReader() throws {
        let server = try startServer()
        let terminal = try startTerminal(port: server.port, width: 80, height: 24)
        try waitForReader(terminal)
        // '-' folds every section: the body of the second group goes out of sight.
        try terminal.waitForScreen("the body text is shown") { $0.containsText(ServedPage.bodyText) }
        try terminal.sendKeys("-")
        try terminal.waitForScreen("the sections are folded") { !$0.containsText(ServedPage.bodyText) }
    }
}
