import XCTest
@testable import PivotDocument

private struct FakeSite: SiteContext {
    var permalinks: [String: String] = [:]
    var values: [String: String] = [:]
    func permalink(forPath path: String) -> String? { permalinks[path] }
    func value(forKey key: String) -> String? { values[key] }
}

final class LiquidRendererTests: XCTestCase {
    func testLinkTagUsesTheLinkedPagesPermalink() {
        let output = LiquidRenderer.render("[a]({% link _pages/x.md %})", page: .null,
                                           site: FakeSite(permalinks: ["_pages/x.md": "/custom/"]))
        XCTAssertEqual(output.text, "[a](/custom/)")
        XCTAssertTrue(output.notes.isEmpty)
    }

    func testLinkTagWithoutSiteDerivesThePermalinkAsJekyllDoes() {
        XCTAssertEqual(LiquidRenderer.render("{% link _pages/about.md %}", page: .null, site: nil).text, "/about/")
        XCTAssertEqual(LiquidRenderer.derivedPermalink(forPath: "docs/index.md"), "/docs/")
        XCTAssertEqual(LiquidRenderer.derivedPermalink(forPath: "index.md"), "/")
    }

    func testSiteVariablesResolveOrShowTheirNameDimmed() {
        let site = FakeSite(values: ["url": "https://example.org"])
        XCTAssertEqual(LiquidRenderer.render("{{ site.url }}/x", page: .null, site: site).text, "https://example.org/x")
        let unresolved = LiquidRenderer.render("{{ site.missing | upcase }}", page: .null, site: site).text
        XCTAssertEqual(LiquidRenderer.splitDimMarkers(unresolved).map(\.0), ["site.missing"])
        XCTAssertEqual(LiquidRenderer.splitDimMarkers(unresolved).map(\.1), [true])
    }

    func testPageVariablesComeFromFrontMatter() {
        let page = YAMLValue.mapping([(key: "title", value: .scalar("T"))])
        XCTAssertEqual(LiquidRenderer.render("{{ page.title }}", page: page, site: nil).text, "T")
    }

    func testRawIsKeptLiterallyAndCommentsVanish() {
        let text = "{% raw %}{{ x }} {% tag %}{% endraw %} {% comment %}secret{% endcomment %}done"
        XCTAssertEqual(LiquidRenderer.render(text, page: .null, site: nil).text, "{{ x }} {% tag %} done")
    }

    func testOtherTagsAreRemovedAndNoted() {
        let output = LiquidRenderer.render("a {% include nav.html %} b {%- if x -%}c{% endif %}", page: .null, site: nil)
        XCTAssertEqual(output.text, "a  b c")
        XCTAssertEqual(output.notes.count, 3)
        XCTAssertFalse(output.text.contains("{%"))
    }

    func testUnclosedTagDropsTheRestOfItsLine() {
        let output = LiquidRenderer.render("before {% link nothing\nnext line", page: .null, site: nil)
        XCTAssertEqual(output.text, "before \nnext line")
        XCTAssertEqual(output.notes.count, 1)
    }

    func testHighlightBecomesAFencedCodeBlock() {
        let document = PageParser.document(from: "{% highlight ruby %}\nputs 1\n{% endhighlight %}\n")
        guard case .code(let language, let text)? = document.blocks.first?.kind else {
            return XCTFail("\(document.blocks)")
        }
        XCTAssertEqual(language, "ruby")
        XCTAssertEqual(text, "puts 1")
    }

    func testThePagesOwnPrivateUseMarkersCannotForgeDimText() {
        let output = LiquidRenderer.render("a\u{E000}b\u{E001}c", page: .null, site: nil)
        XCTAssertEqual(LiquidRenderer.splitDimMarkers(output.text).count, 1)
    }

    func testFileSiteReadsPermalinksInsideTheSiteOnly() throws {
        let root = try Fixtures.temporaryDirectory()
        try "url: https://site.example\n".write(to: root.appendingPathComponent("_config.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("_pages"), withIntermediateDirectories: true)
        try "---\npermalink: /made-up/\n---\nx".write(to: root.appendingPathComponent("_pages/a.md"), atomically: true, encoding: .utf8)
        try "page".write(to: root.appendingPathComponent("_pages/b.md"), atomically: true, encoding: .utf8)
        let site = FileSite(pagePath: root.appendingPathComponent("_pages/page.md").path)
        XCTAssertEqual(site.permalink(forPath: "_pages/a.md"), "/made-up/")
        XCTAssertEqual(site.permalink(forPath: "_pages/b.md"), "/b/")
        XCTAssertNil(site.permalink(forPath: "../etc/passwd"))
        XCTAssertNil(site.permalink(forPath: "/etc/passwd"))
        XCTAssertEqual(site.value(forKey: "url"), "https://site.example")
    }
}
