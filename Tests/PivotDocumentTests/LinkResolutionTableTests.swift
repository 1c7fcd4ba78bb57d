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
        SiteFile(path: "notes/Shout.MD", head: "# Shout\n"),
        SiteFile(path: "lower/readme.md", head: "# Lower\n"),
        SiteFile(path: "alt/index.markdown", head: "# Alt\n"),
        SiteFile(path: "alt/README.md", head: "# Alt's README\n"),
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
            ("notes/Shout.MD", "index.md", .page(path: "notes/Shout.MD", fragment: nil)),
            ("docs/x.md#", "index.md", .page(path: "docs/x.md", fragment: nil)),
            ("docs%2Fx.md", "index.md", .page(path: "docs/x.md", fragment: nil)),
            ("/docs/x.md", "guide/index.md", .page(path: "docs/x.md", fragment: nil)),
            ("", "index.md", .missing("")),
            // Anchors of the page itself.
            ("#our-mission", "index.md", .fragment("our-mission")),
            ("#caf%C3%A9", "index.md", .fragment("café")),
            ("?plain=1", "docs/x.md", .fragment("")),
            ("#", "index.md", .fragment("")),
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
            ("x.html", "docs/README.md", .page(path: "docs/x.md", fragment: nil)),
            ("guide/index.html", "index.md", .page(path: "guide/index.md", fragment: nil)),
            ("about", "index.md", .page(path: "_pages/about.md", fragment: nil)),
            ("gone.html", "index.md", .missing("gone.html")),
            ("/gone.html", "index.md", .missing("gone.html")),
            // Folders: index.md, README.md.
            ("docs/", "index.md", .page(path: "docs/README.md", fragment: nil)),
            ("guide", "index.md", .page(path: "guide/index.md", fragment: nil)),
            ("../guide/", "docs/x.md", .page(path: "guide/index.md", fragment: nil)),
            ("notes", "index.md", .page(path: "notes.md", fragment: nil)),
            ("lower/", "index.md", .page(path: "lower/readme.md", fragment: nil)),
            ("/alt/", "index.md", .page(path: "alt/index.markdown", fragment: nil)),
            ("/", "guide/index.md", .page(path: "index.md", fragment: nil)),
            // External: shown, never opened.
            ("https://example.org/a", "index.md", .external("https://example.org/a")),
            ("HTTP://example.org", "index.md", .external("HTTP://example.org")),
            ("mailto:a@example.org", "index.md", .external("mailto:a@example.org")),
            ("//cdn.example.org/x.js", "index.md", .external("//cdn.example.org/x.js")),
            ("MAILTO:A@EXAMPLE.ORG", "index.md", .external("MAILTO:A@EXAMPLE.ORG")),
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
            ("docs\\x.md", "index.md", .outside("docs\\x.md")),
            ("docs%5Cx.md", "index.md", .outside("docs%5Cx.md")),
            ("x%00.md", "index.md", .outside("x%00.md")),
            ("x%0Ay.md", "index.md", .outside("x%0Ay.md")),
            ("%2e%2e/%2E%2E/x.md", "docs/x.md", .outside("%2e%2e/%2E%2E/x.md")),
            ("/%2e%2e/etc/passwd", "index.md", .outside("/%2e%2e/etc/passwd")),
            ("/docs/../../x.md", "index.md", .outside("/docs/../../x.md")),
            ("docs/.git/config", "index.md", .outside("docs/.git/config")),
            ("vbscript:msgbox", "index.md", .outside("vbscript:msgbox")),
            ("C:\\Windows\\win.ini", "index.md", .outside("C:\\Windows\\win.ini")),
            ("image.png", "index.md", .outside("image.png")),
            ("report.pdf", "docs/x.md", .outside("report.pdf")),
            // A page outside any site: anchors and externals still work; paths do not.
            ("#top", nil, .fragment("top")),
            ("other.md", nil, .missing("other.md")),
            ("../x.md", nil, .outside("../x.md")),
            ("/about/", nil, .page(path: "_pages/about.md", fragment: nil)),
        ]
        for row in rows {
            let target = LinkResolver.resolve(Link(text: "", target: row.link), from: row.from, in: Self.site)
            XCTAssertEqual(target, row.expected, "\(row.link) from \(row.from ?? "(no page)")")
        }
    }

    func testWithoutASiteOnlyAnchorsAndExternalsResolve() {
        let rows: [(link: String, from: String?, expected: LinkTarget)] = [
            ("#top", nil, .fragment("top")),
            ("https://x.org", nil, .external("https://x.org")),
            ("/about/", nil, .missing("about")),
            ("/about/", "index.md", .missing("about")),
            ("notes.md", "index.md", .missing("notes.md")),
            ("docs/", "index.md", .missing("docs")),
            ("../../x.md", nil, .outside("../../x.md")),
            ("../x.md", "index.md", .outside("../x.md")),
            ("/etc/passwd", nil, .outside("/etc/passwd")),
            (".env", nil, .outside(".env")),
            ("image.png", "index.md", .outside("image.png")),
            ("javascript:alert(1)", nil, .outside("javascript:alert(1)")),
        ]
        for row in rows {
            XCTAssertEqual(LinkResolver.resolve(Link(text: "", target: row.link), from: row.from, in: nil), row.expected,
                           "\(row.link) from \(row.from ?? "(no page)")")
        }
    }

    func testBaseURLIsDroppedFromSiteAbsoluteLinks() {
        let site = Site(files: [SiteFile(path: "about.md", head: "---\npermalink: /about/\n---\n")],
                        config: "baseurl: /blog\n")
        let cases: [(String, LinkTarget)] = [
            ("/blog/about/", .page(path: "about.md", fragment: nil)),
            ("/about/", .page(path: "about.md", fragment: nil)),
            ("/blog/other/", .missing("blog/other")),
        ]
        for (link, expected) in cases {
            XCTAssertEqual(LinkResolver.resolve(Link(text: "", target: link), from: "about.md", in: site), expected, link)
        }
    }

    func testWikiLinksResolveByTitleFileNameOrPath() {
        let cases: [(String, LinkTarget)] = [
            ("About", .page(path: "_pages/about.md", fragment: nil)),
            ("the big page", .page(path: "Big Page.md", fragment: nil)),
            ("Big Page", .page(path: "Big Page.md", fragment: nil)),
            ("notes#todo", .page(path: "notes.md", fragment: "todo")),
            ("docs/x", .page(path: "docs/x.md", fragment: nil)),
            ("No Such Page", .missing("No Such Page")),
            ("No Such Page#x", .missing("No Such Page")),
            ("#intro", .fragment("intro")),
            ("Hello", .page(path: "_posts/2020-01-02-hello-world.md", fragment: nil)),
            ("notes/shout", .page(path: "notes/Shout.MD", fragment: nil)),
        ]
        for (name, expected) in cases {
            XCTAssertEqual(LinkResolver.resolve(Link(text: name, target: name, isWiki: true), from: "index.md", in: Self.site),
                           expected, name)
        }
    }
}
