import PivotDocument
import XCTest
@testable import PivotReader

/// Following links, back and forward, the links panel and the site index, through `update`.
final class BrowserTests: XCTestCase {
    let fixture = SiteFixture.standard

    func testFollowByNumberOpensThePage() {
        let browser = fixture.follow(fixture.browser(on: "index.md"), number: 1)
        XCTAssertEqual(browser.path, "about.md")
        XCTAssertEqual(browser.reader?.document.title, "About")
        XCTAssertTrue(browser.canGoBack)
        XCTAssertFalse(browser.canGoForward)
    }

    func testTheLinkNumberShowsWhileTyped() {
        let browser = fixture.type(fixture.press(fixture.browser(on: "index.md"), .character("f")), "12")
        XCTAssertTrue(browser.status.contains("follow link: 12"), browser.status)
        XCTAssertNil(fixture.press(browser, .escape).linkEntry)
    }

    func testBackReturnsToTheSameTopLineFoldsAndFocus() {
        var browser = fixture.browser(on: "index.md")
        browser = fixture.press(browser, .tab, .tab, .enter, .character("j"), .character("j"), .character("j"))
        let before = (browser.topAnchor, browser.reader?.folds, browser.reader?.focus)
        XCTAssertFalse(before.1?.isEmpty ?? true)
        browser = fixture.follow(browser, number: 1)
        browser = fixture.press(browser, .character(" "), .character("-"))
        browser = fixture.press(browser, .character("B"))
        XCTAssertEqual(browser.path, "index.md")
        XCTAssertEqual(browser.topAnchor, before.0)
        XCTAssertEqual(browser.reader?.folds, before.1)
        XCTAssertEqual(browser.reader?.focus, before.2)
        XCTAssertTrue(browser.canGoForward)
    }

    func testForwardReturnsToWhereTheReaderLeftThePage() {
        var browser = fixture.follow(fixture.browser(on: "index.md"), number: 1)
        browser = fixture.press(browser, .character(" "), .character("j"))
        let onAbout = browser.topAnchor
        browser = fixture.press(browser, .backspace)
        XCTAssertEqual(browser.path, "index.md")
        browser = fixture.press(browser, .character("F"))
        XCTAssertEqual(browser.path, "about.md")
        XCTAssertEqual(browser.topAnchor, onAbout)
        XCTAssertFalse(browser.canGoForward)
    }

    func testBackAfterAResizeKeepsTheText() {
        var browser = fixture.browser(on: "about.md")
        browser = fixture.press(browser, .character(" "), .character(" "))
        let anchor = browser.reader!.place.anchor!
        browser = fixture.follow(browser, number: 1)  // home
        XCTAssertEqual(browser.path, "index.md")
        browser = fixture.send(browser, .reader(.resize(Size(width: 40, height: 12))))
        browser = fixture.press(browser, .character("B"))
        XCTAssertEqual(browser.path, "about.md")
        // The line at the top is the one holding the text the reader left.
        let reader = browser.reader!
        XCTAssertEqual(reader.layout.lineIndex(for: anchor), reader.top)
    }

    func testBackKeepsTheSearch() {
        var browser = fixture.type(fixture.press(fixture.browser(on: "about.md"), .character("/")), "part 4")
        browser = fixture.press(browser, .enter)
        let top = browser.topAnchor
        browser = fixture.follow(browser, number: 1)
        browser = fixture.press(browser, .character("B"))
        XCTAssertEqual(browser.reader?.search, "part 4")
        XCTAssertEqual(browser.topAnchor, top)
        browser = fixture.press(browser, .character("n"))
        XCTAssertTrue(browser.status.contains("match"), browser.status)
    }

    func testAnchorLinksOnThePageAreStepsInTheHistory() {
        var browser = fixture.browser(on: "about.md")
        let top = browser.topAnchor
        let link = browser.reader!.document.links.firstIndex { $0.target == "#about-part-2" }!
        browser = fixture.follow(browser, number: link + 1)
        XCTAssertEqual(browser.path, "about.md")
        XCTAssertNotEqual(browser.topAnchor, top)
        XCTAssertTrue(browser.reader!.layout.lines[browser.reader!.top].text.contains("about part 2"))
        browser = fixture.press(browser, .character("B"))
        XCTAssertEqual(browser.topAnchor, top)
    }

    func testFragmentOfAnotherPageOpensAtItsHeading() {
        let browser = fixture.follow(fixture.browser(on: "index.md"), number: 2)
        XCTAssertEqual(browser.path, "docs/guide.md")
        XCTAssertTrue(browser.reader!.layout.lines[browser.reader!.top].text.contains("guide part 2"))
    }

    func testPostURLWikiLinkAndPermalinkResolve() {
        XCTAssertEqual(fixture.follow(fixture.browser(on: "index.md"), number: 3).path, "_posts/2020-01-02-hello.md")
        XCTAssertEqual(fixture.follow(fixture.browser(on: "index.md"), number: 7).path, "about.md")
        XCTAssertEqual(fixture.follow(fixture.browser(on: "index.md"), number: 8).path, "docs/guide.md")
    }

    func testLinksThatGoNowhereLeaveANoteAndStayPut() {
        let start = fixture.browser(on: "index.md")
        let cases: [(Int, String)] = [
            (4, "external link, not opened: https://example.org/x"),
            (5, "not in this site"),
            (6, "no such page in this site"),
            (99, "no link 99 on this page"),
        ]
        for (number, note) in cases {
            let browser = fixture.follow(start, number: number)
            XCTAssertEqual(browser.path, "index.md")
            XCTAssertFalse(browser.canGoBack)
            XCTAssertTrue(browser.status.contains(note), "link \(number): \(browser.status)")
        }
    }

    func testAKeyTheBrowserAnswersClearsTheStatusLinesNoteAndPlaceReport() {
        let start = fixture.browser(on: "index.md")
        let reported = fixture.press(start, .down, .control("g"))
        XCTAssertTrue(reported.status.contains("lines 2–"), reported.status)
        // L opens the links panel (the browser's key), q closes it: the report is gone, as after any key.
        let afterPanel = fixture.press(reported, .character("L"), .character("q"))
        XCTAssertNil(afterPanel.linksPanel)
        XCTAssertFalse(afterPanel.status.contains("lines "), afterPanel.status)
        let noted = fixture.follow(start, number: 4)
        XCTAssertTrue(noted.status.contains("external link"), noted.status)
        let afterBack = fixture.press(noted, .character("B"))
        XCTAssertFalse(afterBack.status.contains("external link"), afterBack.status)
    }

    func testAPageThatFailsToLoadLeavesTheHistoryAlone() {
        var browser = fixture.browser(on: "index.md")
        let (next, _) = update(browser, .pageFailed(PageRequest(path: "gone.md", reason: .follow), "gone.md: no such file"))
        browser = next
        XCTAssertEqual(browser.path, "index.md")
        XCTAssertFalse(browser.canGoBack)
        XCTAssertTrue(browser.status.contains("gone.md: no such file"))
    }

    func testLinksPanelListsPagesFirstAndFollowsTheChosenOne() {
        var browser = fixture.press(fixture.browser(on: "index.md"), .character("L"))
        let panel = browser.linksPanel!
        let targets = panel.order.map { browser.target(ofLink: $0)! }
        let firstOther = targets.firstIndex { if case .page = $0 { return false } else { return true } }!
        XCTAssertTrue(targets[firstOther...].allSatisfy { if case .page = $0 { return false } else { return true } })
        browser = fixture.press(browser, .down, .enter)
        XCTAssertEqual(browser.path, "docs/guide.md")
        XCTAssertNil(browser.linksPanel)
    }

    func testAClickOnALinkFollowsIt() {
        let browser = fixture.browser(on: "index.md")
        let reader = browser.reader!
        var found: (row: Int, column: Int)?
        for row in 1...reader.pageHeight where found == nil {
            let line = reader.layout.lines[reader.top + row - 1]
            if let run = line.runs.first(where: { $0.style.link == 0 }) { found = (row, reader.leftMargin + run.column) }
        }
        let clicked = fixture.send(browser, .reader(.mouse(.click, row: found!.row, column: found!.column)))
        XCTAssertEqual(clicked.path, "about.md")
    }

    func testSiteIndexFiltersAndOpens() {
        var browser = fixture.index()
        XCTAssertEqual(browser.index?.rows.count, 4)
        browser = fixture.type(browser, "guid")
        XCTAssertEqual(browser.index?.rows.map { fixture.site.pages[$0].path }, ["docs/guide.md"])
        browser = fixture.press(browser, .enter)
        XCTAssertEqual(browser.path, "docs/guide.md")
        XCTAssertNil(browser.index)
        // Back to the index as it was left: the filter is still typed.
        browser = fixture.press(browser, .character("B"))
        XCTAssertEqual(browser.index?.filter, "guid")
    }

    func testSiteIndexFromAPageSelectsItAndGoesBack() {
        var browser = fixture.press(fixture.browser(on: "about.md"), .character(" "))
        let top = browser.topAnchor
        browser = fixture.press(browser, .character("s"))
        let view = browser.index!
        XCTAssertEqual(fixture.site.pages[view.rows[view.selection]].path, "about.md")
        browser = fixture.press(browser, .backspace)
        XCTAssertNil(browser.index)
        XCTAssertEqual(browser.topAnchor, top)
        // Esc with nothing typed and nowhere to go back quits.
        XCTAssertEqual(update(fixture.index(), .reader(.key(.escape))).1, [.quit])
    }

    func testSiteSearchFindsTextOfEveryPageAndOpensAtTheMatch() {
        var browser = fixture.type(fixture.press(fixture.index(), .character("/")), "Paragraph 3 of guide part 2")
        browser = fixture.press(browser, .enter)
        let hits = browser.index!.results!.hits
        XCTAssertEqual(hits.map(\.path), ["docs/guide.md"])
        XCTAssertEqual(hits.first?.section, "guide part 2")
        browser = fixture.press(browser, .enter)
        XCTAssertEqual(browser.path, "docs/guide.md")
        XCTAssertTrue(browser.reader!.layout.lines[browser.reader!.top].text.contains("Paragraph 3 of guide part 2"))
        XCTAssertEqual(browser.reader?.search, "Paragraph 3 of guide part 2")
    }

    func testAChangedFileReloadsAtTheSamePlace() {
        var browser = fixture.press(fixture.browser(on: "about.md"), .character(" "), .character("j"))
        let top = browser.topAnchor
        browser = fixture.send(browser, .pageChanged)
        XCTAssertEqual(browser.path, "about.md")
        XCTAssertEqual(browser.topAnchor, top)
        XCTAssertFalse(browser.canGoBack)
    }

    func testLinksWaitForTheSite() {
        var browser = Browser(page: fixture.page("index.md"), path: "index.md", settings: ReaderSettings(),
                              size: Size(width: 80, height: 24), awaitsSite: true)
        // The site is read when a link first needs it (the fixture's edge answers at once).
        let (waiting, effects) = update(fixture.type(fixture.press(browser, .character("f")), "1"), .reader(.key(.enter)))
        XCTAssertEqual(effects, [.readSite])
        XCTAssertEqual(waiting.path, "index.md")
        XCTAssertTrue(waiting.status.contains("reading the site"))
        browser = fixture.send(waiting, .siteLoaded(fixture.site))
        XCTAssertEqual(browser.path, "about.md")
        // The links panel and the index wait the same way.
        let fresh = Browser(page: fixture.page("index.md"), path: "index.md", settings: ReaderSettings(),
                            size: Size(width: 80, height: 24), awaitsSite: true)
        XCTAssertNotNil(fixture.press(fresh, .character("L")).linksPanel)
        XCTAssertNotNil(fixture.press(fresh, .character("s")).index)
    }

    func testThePageOfAnotherLoadIgnoresLateParts() {
        var browser = fixture.follow(fixture.browser(on: "index.md"), number: 1)
        let stale = fixture.send(browser, .restOfPage(generation: browser.generation - 1, fixture.page("index.md")))
        XCTAssertEqual(stale.reader?.document.title, "About")
        browser = fixture.send(browser, .restOfPage(generation: browser.generation, fixture.page("about.md")))
        XCTAssertEqual(browser.reader?.document.title, "About")
    }

    func testInfoShowsTheDeepLinkToThePlace() {
        var browser = fixture.browser(on: "about.md")
        browser.shareCommand = "ssh -t -p 2222 host"
        browser = fixture.press(browser, .character(" "), .character(" "), .character("i"))
        let text = render(browser).textLines.joined(separator: "\n")
        XCTAssertTrue(text.contains("ssh -t -p 2222 host about.md#about-part-"), text)
    }

    func testAFootnoteMarkerJumpsToItsNoteAndBackComesBack() {
        let fixture = SiteFixture(texts: ["notes.md": "A claim[^1] to check.\n\n" + SiteFixture.long("body", sections: 4)
                                            + "\n[^1]: The source of the claim.\n"])
        var browser = fixture.browser(on: "notes.md")
        let top = browser.topAnchor
        browser = fixture.follow(browser, number: 1)
        let reader = browser.reader!
        XCTAssertTrue(reader.layout.lines[reader.top..<min(reader.layout.lines.count, reader.top + reader.pageHeight)]
            .contains { $0.text.contains("¹ The source of the claim.") })
        browser = fixture.press(browser, .character("B"))
        XCTAssertEqual(browser.topAnchor, top)
    }

    func testBackToALargePageRestoresThePlaceWhenTheWholePageArrives() {
        // The top part of a page does not reach the place the reader left: it is kept, and taken
        // up when the whole page arrives.
        let whole = fixture.page("about.md")
        var reader = ReaderState(document: whole.document, settings: ReaderSettings(), size: Size(width: 80, height: 24))
        reader = update(reader, .key(.end)).0
        let place = reader.place
        let top = PreparedPage(document: PageParser.document(from: "---\ntitle: About\n---\n## about part 1\n\nStart.\n"),
                               standIns: [:])
        var browser = fixture.browser(on: "index.md")
        browser = fixture.send(browser, .pageLoaded(PageRequest(path: "about.md", reason: .follow, place: place), top,
                                                    isPartial: true))
        XCTAssertEqual(browser.reader?.part, .top)
        browser = fixture.send(browser, .restOfPage(generation: browser.generation, whole))
        XCTAssertEqual(browser.reader?.part, .whole)
        XCTAssertEqual(browser.reader?.place.anchor, place.anchor)
        XCTAssertEqual(browser.topAnchor, reader.layout.lines[reader.top].anchor)
    }

    func testHistoryIsBounded() {
        var browser = fixture.browser(on: "index.md")
        for _ in 0..<(Browser.historyLimit + 20) {
            browser = fixture.follow(browser, number: 1)
            browser = fixture.follow(browser, number: browser.reader!.document.links.firstIndex { $0.target == "/" }! + 1)
        }
        XCTAssertEqual(browser.history.back.count, Browser.historyLimit)
    }
}
