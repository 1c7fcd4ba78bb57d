import XCTest
@testable import PivotDocument

/// The site as the index shows it: titles, permalinks, order, filter, and the look-ups links use.
final class SiteModelTests: XCTestCase {
    private func site(_ files: [(String, String)], config: String? = "title: Test\n") -> Site {
        Site(files: files.map { SiteFile(path: $0.0, head: $0.1) }, config: config)
    }

    func testTitlesComeFromFrontMatterThenHeadingThenFileName() {
        let site = site([
            ("a.md", "---\ntitle: Declared\n---\n# Heading\n"),
            ("b.md", "---\ntitle: null\n---\n\n## Second *level* {#custom}\n"),
            ("c.md", "<h1 class=\"x\">HTML <u>title</u> &amp; more</h1>\n"),
            ("d.md", "```\n# not a heading\n```\nplain text\n"),
            ("e.md", "---\ntitle: \"Bad \\e[31m title\"\n---\n"),
        ], config: nil)
        let titles = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.path, $0.title) })
        XCTAssertEqual(titles["a.md"], "Declared")
        XCTAssertEqual(titles["b.md"], "Second *level*")
        XCTAssertEqual(titles["c.md"], "HTML title & more")
        XCTAssertEqual(titles["d.md"], "d")
        XCTAssertEqual(titles["e.md"], "Bad \u{241B}[31m title")
    }

    func testJekyllPermalinks() {
        let site = site([
            ("about.md", "---\npermalink: /about-us/\n---\n"),
            ("404.md", "---\npermalink: 404.html\n---\n"),
            ("docs/intro.md", "# Intro\n"),
            ("docs/index.md", "# Docs\n"),
            ("_posts/2021-03-04-spring-news.md", "---\ncategories: [Garden, Trees]\n---\n"),
            ("_posts/2021-03-05-plain.md", "# Plain\n"),
            ("_courses/ml/lesson.md", "# Lesson\n"),
            ("_drafts/wip.md", "# WIP\n"),
            ("_includes/part.md", "# Part\n"),
        ], config: "permalink: pretty\ncollections:\n  courses:\n    output: true\n")
        let permalinks = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.path, $0.permalink) })
        XCTAssertEqual(permalinks["about.md"], "/about-us/")
        XCTAssertEqual(permalinks["404.md"], "/404.html")
        XCTAssertEqual(permalinks["docs/intro.md"], "/docs/intro/")
        XCTAssertEqual(permalinks["docs/index.md"], "/docs/")
        XCTAssertEqual(permalinks["_posts/2021-03-04-spring-news.md"], "/garden/trees/2021/03/04/spring-news/")
        XCTAssertEqual(permalinks["_posts/2021-03-05-plain.md"], "/2021/03/05/plain/")
        XCTAssertEqual(permalinks["_courses/ml/lesson.md"], "/courses/ml/lesson/")
        XCTAssertNil(permalinks["_drafts/wip.md"], "drafts are not published")
        XCTAssertNil(permalinks["_includes/part.md"], "includes are not pages")
        XCTAssertEqual(site.page(forPermalink: "/ml/lesson/").map { site.pages[$0].path }, "_courses/ml/lesson.md")
    }

    func testPostPermalinkStyles() {
        let post = ("_posts/2020-02-29-leap-day.md", "# Leap\n")
        let expected = [
            "date": "/2020/02/29/leap-day.html", "ordinal": "/2020/060/leap-day.html", "none": "/leap-day.html",
            "/:year/:i_month/:i_day/:short_year-:slug/": "/2020/2/29/20-leap-day/",
        ]
        for (style, permalink) in expected {
            XCTAssertEqual(site([post], config: "permalink: \"\(style)\"\n").pages.first?.permalink, permalink, style)
        }
        XCTAssertEqual(site([post]).pages.first?.permalink, "/2020/02/29/leap-day.html", "date is the default")
        XCTAssertEqual(site([post]).pages.first?.date, "2020-02-29")
    }

    func testAPlainFolderListsEveryFileByPath() {
        let site = site([("b.md", "# B\n"), ("_notes/x.md", "# X\n"), ("README.md", "# Read me\n"), ("a/README.md", "# A\n"),
                         ("a/z.md", "# Z\n")], config: nil)
        XCTAssertFalse(site.isJekyll)
        XCTAssertEqual(site.pages.map(\.path), ["README.md", "_notes/x.md", "a/README.md", "a/z.md", "b.md"])
        XCTAssertEqual(site.pages.first?.permalink, "/README.md")
    }

    func testJekyllOrderHomePagesPostsNewestFirstThenCollections() {
        let site = site([
            ("_posts/2020-01-01-old.md", ""), ("_posts/2021-01-01-new.md", ""), ("_docs/b.md", ""), ("_docs/a.md", ""),
            ("zebra.md", ""), ("index.md", ""), ("about.md", ""), ("guide/index.md", ""), ("guide/step.md", ""),
        ], config: "collections: [docs]\n")
        XCTAssertEqual(site.pages.map(\.path), [
            "index.md", "about.md", "guide/index.md", "guide/step.md", "zebra.md",
            "_posts/2021-01-01-new.md", "_posts/2020-01-01-old.md", "_docs/a.md", "_docs/b.md",
        ])
    }

    func testLookUps() {
        let site = site([("_posts/2020-01-02-hello.md", "---\ntitle: Hello There\n---\n"), ("notes/todo.md", "# To do\n")],
                        config: "baseurl: /blog\n")
        XCTAssertEqual(site.page(forPost: "2020-01-02-hello"), site.index(ofPath: "_posts/2020-01-02-hello.md"))
        XCTAssertEqual(site.page(forPermalink: "/blog/2020/01/02/hello.html"), site.index(ofPath: "_posts/2020-01-02-hello.md"))
        XCTAssertEqual(site.page(named: "hello there"), site.index(ofPath: "_posts/2020-01-02-hello.md"))
        XCTAssertEqual(site.page(named: "todo"), site.index(ofPath: "notes/todo.md"))
        XCTAssertNil(site.page(named: "nothing"))
        XCTAssertEqual(site.permalink(forPath: "notes/todo.md"), "/notes/todo.html")
        XCTAssertNil(site.permalink(forPath: "missing.md"))
    }

    func testPostURLThroughLiquidUsesTheSite() {
        let site = site([("_posts/2020-01-02-hello.md", "")], config: "permalink: pretty\n")
        let document = PageParser.document(from: "[Hello]({% post_url 2020-01-02-hello %})\n", site: site)
        XCTAssertEqual(document.links.first?.target, "/2020/01/02/hello/")
    }

    func testFilterIsASmartCaseSubstringOfTitlePermalinkOrPath() {
        let site = site([("apple.md", "# Green Apple\n"), ("pear.md", "# Pear\n"), ("docs/plum.md", "# Plum\n")], config: nil)
        let paths = { (query: String) in SiteIndexFilter.matches(query, in: site).map { site.pages[$0].path } }
        XCTAssertEqual(paths(""), ["apple.md", "docs/plum.md", "pear.md"])
        XCTAssertEqual(paths("apple"), ["apple.md"])
        XCTAssertEqual(paths("GREEN"), [])
        XCTAssertEqual(paths("Green"), ["apple.md"])
        XCTAssertEqual(paths("docs/"), ["docs/plum.md"])
        XCTAssertEqual(paths("p"), ["apple.md", "docs/plum.md", "pear.md"])
    }

    func testAThousandPagesBuildAndFilter() {
        let files = (0..<1_000).map { SiteFile(path: "p\($0).md", head: "---\ntitle: Page \($0)\n---\n") }
        let site = Site(files: files, config: nil)
        XCTAssertEqual(site.pages.count, 1_000)
        XCTAssertEqual(SiteIndexFilter.matches("page 99", in: site).count, 11)
    }
}
