import Foundation
import PivotTestSupport
import XCTest

/// Reading a whole site in a real terminal: the index, its filter, links by number and by the
/// panel, back and forward to the same line, notes for links that go nowhere, reload on change.
final class SiteReadingTests: EndToEndTestCase {
    private func page(_ screen: Screen) -> [String] { Array(screen.pageLines) }

    func testIndexFilterFollowBackAndForward() throws {
        let site = try SiteFixtures.write(in: workDirectory)
        let terminal = try startReader([site.path])
        try terminal.waitForText(SiteFixtures.siteTitle)
        try terminal.waitForText("Planting Guide")
        try terminal.type("orch")
        try terminal.waitForScreen("the filter leaves the orchard pages") {
            $0.contains("filter: orch") && $0.contains("Orchard Home") && !$0.contains("Planting Guide")
        }
        try terminal.sendKeys("Down")
        try terminal.sendKeys("Enter")
        let opened = try terminal.waitForScreen("the about page opens") { $0.header.contains(SiteFixtures.aboutTitle) }
        try terminal.sendKeys("Space")
        let paged = try terminal.waitForScreen("a page down") { $0.lines != opened.lines && !$0.statusLine.contains("Top") }
        try terminal.sendKeys("j")
        // The place left is the one after both keys: wait until `j` has moved the page too.
        let before = try terminal.waitForScreen("a line down") { $0.lines != paged.lines }

        // By number: the last link of the page (home), then back to the same top line.
        try terminal.type("f1")
        try terminal.waitForText("follow link: 1")
        try terminal.sendKeys("Enter")
        try terminal.waitForScreen("the home page opens") { $0.header.contains("Orchard Home") }
        try terminal.sendKeys("B")
        let back = try terminal.waitForScreen("back on the about page") { $0.header.contains(SiteFixtures.aboutTitle) }
        XCTAssertEqual(page(back), page(before), "back must show the same lines")

        // Forward, and back again with Backspace.
        try terminal.sendKeys("F")
        try terminal.waitForScreen("forward to the home page") { $0.header.contains("Orchard Home") }
        try terminal.sendKeys("BSpace")
        let again = try terminal.waitForScreen("back on the about page") { $0.header.contains(SiteFixtures.aboutTitle) }
        XCTAssertEqual(page(again), page(before))

        // The links panel: local pages first; Enter follows the chosen one.
        try terminal.sendKeys("L")
        try terminal.waitForText("Planting Guide (docs/guide.md#planting)")
        try terminal.sendKeys("Down")
        try terminal.sendKeys("Enter")
        try terminal.waitForScreen("the guide opens") { $0.header.contains("Planting Guide") }
        try terminal.sendKeys("q")
        try terminal.waitForText("EXIT=0")
    }

    func testLinksThatLeaveTheSiteOrGoNowhereLeaveANote() throws {
        let site = try SiteFixtures.write(in: workDirectory)
        let terminal = try startReader([site.appendingPathComponent("index.md").path])
        try terminal.waitForScreen("the home page") { $0.header.contains("Orchard Home") }
        let cases: [(SiteFixtures.HomeLink, String)] = [
            (.escape, "not in this site"), (.symlinkOut, "not in this site"),
            (.missing, "no such page in this site: shed.md"), (.external, "https://example.org/orchard"),
        ]
        for (link, note) in cases {
            try terminal.type("f\(link.rawValue)")
            try terminal.sendKeys("Enter")
            try terminal.waitForScreen("link \(link) leaves the note \(note)") {
                $0.statusLine.contains(note) && $0.header.contains("Orchard Home")
            }
            try terminal.sendKeys("j")
        }
        // The post, through {% post_url %}.
        try terminal.type("f\(SiteFixtures.HomeLink.post.rawValue)")
        try terminal.sendKeys("Enter")
        try terminal.waitForScreen("the post opens") { $0.header.contains("Blossom Week") }
    }

    func testAnEditedPageIsShownWithoutAKey() throws {
        let site = try SiteFixtures.write(in: workDirectory)
        let guide = site.appendingPathComponent("docs/guide.md")
        let terminal = try startReader([guide.path])
        try terminal.waitForText("Dig a hole")
        var text = try String(contentsOf: guide, encoding: .utf8)
        text += "\nWater the new tree generously.\n"
        try text.write(to: guide, atomically: true, encoding: .utf8)  // a rename over the file, as editors save
        try terminal.waitForText("Water the new tree generously.")
        try FileHandle(forWritingTo: guide).seekToEndAndWrite("\nMulch keeps the roots moist.\n")
        try terminal.waitForText("Mulch keeps the roots moist.")
    }

    func testTheMadeWithMLSiteFromTheCorpus() throws {
        let corpus = TestEnvironment.repositoryRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/corpus/madewithml")
        guard FileManager.default.fileExists(atPath: corpus.appendingPathComponent("_config.yml").path) else {
            throw XCTSkip("../shared/corpus/madewithml is absent")
        }
        let terminal = try startReader([corpus.path])
        try terminal.waitForText("Made With ML")
        try terminal.type("pivot")
        try terminal.waitForText("filter: pivot")
        try terminal.sendKeys("Enter")
        let pivot = try terminal.waitForScreen("the Pivot page opens") { $0.header.contains("Pivot") }
        try terminal.sendKeys("L")
        let panel = try terminal.waitForScreen("the links panel lists the about page") { $0.contains("(_pages/about.md)") }
        let row = try XCTUnwrap(panel.lines.firstIndex { $0.contains("(_pages/about.md)") })
        for _ in 1..<row { try terminal.sendKeys("Down") }
        try terminal.sendKeys("Enter")
        try terminal.waitForScreen("the about page opens") { $0.header.contains("About") }
        try terminal.sendKeys("B")
        let back = try terminal.waitForScreen("back on the Pivot page") { $0.header.contains("Pivot") }
        XCTAssertEqual(page(back), page(pivot))
    }
}

private extension FileHandle {
    func seekToEndAndWrite(_ text: String) throws {
        try seekToEnd()
        try write(contentsOf: Data(text.utf8))
        try close()
    }
}
