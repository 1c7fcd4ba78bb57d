import Foundation
import PivotTestSupport
import XCTest

/// A whole site over `pivot-tui serve --site`, with the real ssh client in a real terminal:
/// links followed and gone back from, deep links, and every way out of the site refused.
final class ServeSiteTests: ServeTestCase {
    private func writeSite() throws -> String {
        let root = path("site")
        let pages = [
            "_config.yml": "title: Served Orchard\n",
            "index.md": "---\ntitle: Orchard Home\n---\n\nRead [about us](about.md), [a secret](../../etc/passwd) and [a shortcut](escape.md).\n",
            "about.md": "---\ntitle: About the Orchard\npermalink: /about/\n---\n\n## Our trees\n\nApple rows stretch along the hill.\n\n[Home](/)\n",
        ]
        for (name, text) in pages {
            let file = root + "/" + name
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        try "# outside\n".write(toFile: path("outside.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/escape.md", withDestinationPath: path("outside.md"))
        return root
    }

    func testSessionsLandOnTheIndexAndFollowLinksInsideTheSite() throws {
        let server = try startServer(["--site", try writeSite()], page: nil)
        let terminal = try startTerminal(port: server.port)
        try terminal.waitForScreen("the site index") { $0.containsText("Served Orchard") && $0.containsText("Orchard Home") }
        try terminal.sendKeys("Enter")
        try terminal.waitForScreen("the home page") { ($0.first ?? "").contains("Orchard Home") }
        try terminal.sendKeys("f", "1", "Enter")
        try terminal.waitForScreen("the about page") { ($0.first ?? "").contains("About the Orchard") }
        try terminal.sendKeys("B")
        try terminal.waitForScreen("back home") { ($0.first ?? "").contains("Orchard Home") }
        // Out of the site: a path climbing out, and a symlink leading out.
        try terminal.sendKeys("f", "2", "Enter")
        try terminal.waitForScreen("the climb is refused") { ($0.last ?? "").contains("not in this site") }
        try terminal.sendKeys("f", "3", "Enter")
        try terminal.waitForScreen("the symlink is refused") { ($0.last ?? "").contains("not in this site") }
        try terminal.sendKeys("q")
        XCTAssertEqual(try waitForExitStatus(terminal), "0")
    }

    func testDeepLinksOpenAPageOfTheSiteAndNothingElse() throws {
        let server = try startServer(["--site", try writeSite()], page: nil)
        let about = try startTerminal(port: server.port, remoteCommand: "about#our-trees")
        try about.waitForScreen("the deep link opens the about page") { ($0.first ?? "").contains("About the Orchard") }
        for escape in ["../../etc/passwd", "/etc/passwd", "escape.md", ".ssh/authorized_keys.md"] {
            let terminal = try startTerminal(port: server.port, remoteCommand: escape)
            try terminal.waitForScreen("\(escape) is refused") { screen in
                screen.containsText("not in this site") || screen.containsText("no such page in this site")
            }
            XCTAssertFalse(try terminal.capture().containsText("root:"), "nothing of \(escape) may show")
        }
        // A command that is no page is refused as before.
        let refused = try runSSH(port: server.port, ["-tt", "reader@127.0.0.1", "ls -la"])
        XCTAssertNotEqual(refused.exitStatus, 0)
        // `plain` lists the site's pages.
        let plain = try runSSH(port: server.port, ["reader@127.0.0.1", "plain"])
        XCTAssertTrue(plain.stdoutText.contains("Orchard Home"), plain.stdoutText)
        XCTAssertTrue(plain.stdoutText.contains("About the Orchard"), plain.stdoutText)
    }
}
