import Foundation
import PivotTestSupport
import XCTest

/// A whole site under OpenSSH's ForceCommand (`pivot-tui --site DIR`): readers land on the index,
/// follow links, and `ssh -t HOST PAGE` opens a page of the site and nothing outside it.
final class OpenSSHSiteTests: ServeTestCase {
    private var daemon: OpenSSHDaemon?

    override func setUpWithError() throws {
        try super.setUpWithError()
        let root = path("site")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try "title: Forced Orchard\n".write(toFile: root + "/_config.yml", atomically: true, encoding: .utf8)
        try "---\ntitle: Orchard Home\n---\n\nRead [about us](about.md).\n"
            .write(toFile: root + "/index.md", atomically: true, encoding: .utf8)
        try "---\ntitle: About the Orchard\npermalink: /about/\n---\n\n## Our trees\n\nApples.\n"
            .write(toFile: root + "/about.md", atomically: true, encoding: .utf8)
        daemon = try OpenSSHDaemon.start(forcedCommand: "\(binary) --site \(root)", in: self)
    }

    override func tearDown() {
        daemon?.stop()
        daemon = nil
        super.tearDown()
    }

    func testTheIndexLinksAndDeepLinks() throws {
        let daemon = try XCTUnwrap(daemon)
        let terminal = try startTerminal(port: daemon.port, key: daemon.clientKey, user: daemon.user)
        try terminal.waitForScreen("the site index") { $0.containsText("Forced Orchard") && $0.containsText("About the Orchard") }
        try terminal.sendKeys("Enter")
        try terminal.waitForScreen("the home page") { ($0.first ?? "").contains("Orchard Home") }
        try terminal.sendKeys("f", "1", "Enter")
        try terminal.waitForScreen("the about page") { ($0.first ?? "").contains("About the Orchard") }
        try terminal.sendKeys("q")
        XCTAssertEqual(try waitForExitStatus(terminal), "0")

        let about = try startTerminal(port: daemon.port, key: daemon.clientKey, user: daemon.user, remoteCommand: "about#our-trees")
        try about.waitForScreen("the deep link") { ($0.first ?? "").contains("About the Orchard") }
        let escape = try startTerminal(port: daemon.port, key: daemon.clientKey, user: daemon.user, remoteCommand: "../../etc/passwd")
        try escape.waitForScreen("the climb refused") { $0.containsText("not in this site") }
        let plain = try runSSH(port: daemon.port, key: daemon.clientKey, ["\(daemon.user)@127.0.0.1", "plain"])
        XCTAssertTrue(plain.stdoutText.contains("About the Orchard"), plain.stdoutText)
    }
}
