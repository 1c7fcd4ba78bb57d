import PivotDocument
import XCTest
@testable import PivotReader

/// The site index, its filter and search results, and the links panel, stored as text under __Snapshots__.
final class BrowserSnapshotTests: XCTestCase {
    let fixture = SiteFixture.standard
    let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12)]

    func testSiteIndex() {
        for size in sizes {
            assertSnapshot(render(fixture.index(width: size.width, height: size.height)), named: "site-index")
        }
    }

    func testSiteIndexFiltered() {
        for size in sizes {
            let browser = fixture.type(fixture.index(width: size.width, height: size.height), "a")
            assertSnapshot(render(browser), named: "site-index-filtered")
        }
    }

    func testSiteSearchResults() {
        for size in sizes {
            var browser = fixture.type(fixture.press(fixture.index(width: size.width, height: size.height), .character("/")),
                                       "part 2")
            browser = fixture.press(browser, .enter)
            assertSnapshot(render(browser), named: "site-search")
        }
    }

    func testFootnotesAtTheEndOfAPage() {
        let fixture = SiteFixture(texts: ["notes.md": "---\ntitle: Notes\n---\nA claim[^a] and a second[^b].\n\n"
                                            + "[^a]: The source.\n[^b]: Another source,\n    on two lines.\n"])
        for size in sizes {
            assertSnapshot(render(fixture.browser(on: "notes.md", width: size.width, height: size.height)), named: "footnotes")
        }
    }

    func testLinksPanel() {
        for size in sizes {
            let browser = fixture.press(fixture.browser(on: "index.md", width: size.width, height: size.height),
                                        .character("L"))
            assertSnapshot(render(browser), named: "links-panel")
        }
    }
}
