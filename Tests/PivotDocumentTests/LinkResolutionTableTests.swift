import XCTest
@testable import PivotDocument

/// `LinkResolver` as a table: a link on a page of a small Jekyll site, and where it leads.
final class LinkResolutionTableTests: XCTestCase {
    static let site = Site(files: [
        SiteFile(path: "index.md", head: "---\ntitle: Home\n---\n"),
        SiteFile(path: "_pages/about.md", head: "---\ntitle: About\npermalink: /about/\n---\n"),
        SiteFile(path: "docs/x.md", head: "# X\n"),
        SiteFile(path: "docs/README.md", head: "# Docs\n"),
        SiteFile(path: "guide/index.md", head: "# Guide\n"),
        SiteFile(path: "notes.md", head: "# Notes\n"),
        SiteFile(path: "_posts/2020-01-02-hello-world.md", head: "---\ntitle: Hello\n---\n"),
        SiteFile(path: "Big Page.md", head: "---\ntitle: The Big Page\n---\n"),
    ], config: "title: T\npermalink: pretty\n")

    func testTheTable() {
        let rows: [(link: String, from: String?, expected: LinkTarget)] = [
            // Relative Markdown paths, with anchors and queries.
            ("docs/x.md", "index.md", .page(path: "docs/x.md", fragment: nil)),
            ("docs/x.md#usage", "index.md", .page(path: "docs/x.md", fragment: "usage")),
            ("x.md?plain=1#a", "docs/README.md", .page(path: "docs/x.md", fragment: "a")),
            ("../notes.md", "docs/x.md", .page(path: "notes.md", fragment: nil)),
            ("./x.md", "docs/README.md", .page(path: "docs/x.md", fragment: nil)),
            ("Big%20Page.md", "index.md", .page(path: "Big Page.md", fragment: nil)),
            ("nothing.md", "docs/x.md", .missing("docs/nothing.md")),
            // Anchors of the page itself.
            ("#our-mission", "index.md", .fragment("our-mission")),
            ("#caf%C3%A9", "index.md", .fragment("café")),
            // Liquid's results and permalinks.
            ("/about/", "docs/x.md", .page(path: "_pages/about.md", fragment: nil)),
            ("/about", "index.md", .page(path: "_pages/about.md", fragment: nil)),
            ("/about.html", "index.md", .page(path: "_pages/about.md", fragment: nil)),
            ("/about/index.html#team", "index.md", .page(path: "_pages/about.md", fragment: "team")),
            ("/2020/01/02/hello-world/", "index.md", .page(path: "_posts/2020-01-02-hello-world.md", fragment: nil)),
            ("/2020-01-02-hello-world/", "index.md", .page(path: "_posts/2020-01-02-hello-world.md", fragment: nil)),
            ("/docs/x/", "index.md", .page(path: "docs/x.md", fragment: nil)),
            ("/", "docs/x.md", .page(path: "index.md", fragment: nil)),
            ("/nowhere/", "index.md", .missing("nowhere")),
            // Folders: index.md, README.md.
            ("docs/", "index.md", .page(path: "docs/README.md", fragment: nil)),
            ("guide", "index.md", .page(path: "guide/index.md", fragment: nil)),
            ("../guide/", "docs/x.md", .page(path: "guide/index.md", fragment: nil)),
            ("notes", "index.md", .page(path: "notes.md", fragment: nil)),
            // External: shown, never opened.
            ("https://example.org/a", "index.md", .external("https://example.org/a")),
            ("HTTP://example.org", "index.md", .external("HTTP://example.org")),
            ("mailto:a@example.org", "index.md", .external("mailto:a@example.org")),
            ("//cdn.example.org/x.js", "index.md", .external("//cdn.example.org/x.js")),
            // Not in this site.
            ("../../etc/passwd", "docs/x.md", .outside("../../etc/passwd")),
            ("../../../x.md", "index.md", .outside("../../../x.md")),
            ("docs/../../x.md", "index.md", .outside("docs/../../x.md")),
            ("..%2F..%2Fetc%2Fpasswd", "index.md", .outside("..%2F..%2Fetc%2Fpasswd")),
            ("/etc/passwd", "index.md", .outside("/etc/passwd")),
            ("/home/me/notes.md", "index.md", .missing("home/me/notes.md")),
            (".git/config", "index.md", .outside(".git/config")),
            (".env", "index.md", .outside(".env")),
            ("docs/.hidden.md", "index.md", .outside("docs/.hidden.md")),
            ("_site/index.md", "index.md", .outside("_site/index.md")),
            ("/_site/about/", "index.md", .outside("/_site/about/")),
            ("javascript:alert(1)", "index.md", .outside("javascript:alert(1)")),
            ("file:///etc/passwd", "index.md", .outside("file:///etc/passwd")),
            ("data:text/html,x", "index.md", .outside("data:text/html,x")),
            ("ftp://example.org/x", "index.md", .outside("ftp://example.org/x")),
            ("..\\..\\etc\\passwd", "index.md", .outside("..\\..\\etc\\passwd")),
            ("x%00.md", "index.md", .outside("x%00.md")),
            ("image.png", "index.md", .outside("image.png")),
            ("report.pdf", "docs/x.md", .outside("report.pdf")),
            // A page outside any site: anchors and externals still work; paths do not.
            ("#top", nil, .fragment("top")),
            ("other.md", nil, .missing("other.md")),
        ]
        for row in rows {
            let target = LinkResolver.resolve(Link(text: "", target: row.link), from: row.from, in: Self.site)
            XCTAssertEqual(target, row.expected, "\(row.link) from \(row.from ?? "(no page)")")
        }
    }

    func testWithoutASiteOnlyAnchorsAndExternalsResolve() {
        XCTAssertEqual(LinkResolver.resolve(Link(text: "", target: "/about/"), from: nil, in: nil), .missing("about"))
        XCTAssertEqual(LinkResolver.resolve(Link(text: "", target: "/about/"), from: "index.md", in: nil), .missing("about"))
        XCTAssertEqual(LinkResolver.resolve(Link(text: "", target: "https://x.org"), from: nil, in: nil), .external("https://x.org"))
        XCTAssertEqual(LinkResolver.resolve(Link(text: "", target: "../../x.md"), from: nil, in: nil), .outside("../../x.md"))
    }

    func testWikiLinksResolveByTitleFileNameOrPath() {
        let cases: [(String, LinkTarget)] = [
            ("About", .page(path: "_pages/about.md", fragment: nil)),
            ("the big page", .page(path: "Big Page.md", fragment: nil)),
            ("Big Page", .page(path: "Big Page.md", fragment: nil)),
            ("notes#todo", .page(path: "notes.md", fragment: "todo")),
            ("docs/x", .page(path: "docs/x.md", fragment: nil)),
            ("No Such Page", .missing("No Such Page")),
        ]
        for (name, expected) in cases {
            XCTAssertEqual(LinkResolver.resolve(Link(text: name, target: name, isWiki: true), from: "index.md", in: Self.site),
                           expected, name)
        }
    }
}
