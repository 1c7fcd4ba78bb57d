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
            ("f.md", "---\ntitle: \"  \"\n---\n### Closed ###\n"),
            ("g.md", "## Hidden class {: .no_toc}\n"),
            ("h.md", "~~~\n# fenced\n~~~\n# After {#after .wide}\n"),
            ("i.md", "#hashtag, not a heading\n"),
            ("j.md", "Intro line\n\nSetext Title\n============\n"),
            ("k.md", "- item\n---\n\nSecond\r\n------\r\n"),
            ("l.md", "\r\n# Windows heading\r\ntext\r\n"),
        ], config: nil)
        let titles = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.path, $0.title) })
        XCTAssertEqual(titles["a.md"], "Declared")
        XCTAssertEqual(titles["b.md"], "Second *level*")
        XCTAssertEqual(titles["c.md"], "HTML title & more")
        XCTAssertEqual(titles["d.md"], "d")
        XCTAssertEqual(titles["e.md"], "Bad \u{241B}[31m title")
        XCTAssertEqual(titles["f.md"], "Closed")
        XCTAssertEqual(titles["g.md"], "Hidden class")
        XCTAssertEqual(titles["h.md"], "After")
        XCTAssertEqual(titles["i.md"], "i")
        XCTAssertEqual(titles["j.md"], "Setext Title")
        XCTAssertEqual(titles["k.md"], "Second")
        XCTAssertEqual(titles["l.md"], "Windows heading")
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

    func testJekyllAliasesAndPages() {
        let site = site([
            ("index.md", "# Home\n"), ("README.md", "# Read me\n"), ("_pages/team.md", "# Team\n"),
            ("docs/README.md", "# Docs\n"), ("docs/setup.md", "# Setup\n"),
            ("claims.md", "---\npermalink: /docs/setup/\n---\n"),
            ("docs/_partials/bit.md", "# Bit\n"), ("_sidebar.md", "# Sidebar\n"), ("_layouts/x.md", "# X\n"),
        ], config: "title: T\n")
        let path = { (url: String) in site.page(forPermalink: url).map { site.pages[$0].path } }
        XCTAssertEqual(site.pages.map(\.path), ["index.md", "README.md", "_pages/team.md", "claims.md", "docs/README.md",
                                                "docs/setup.md"])
        XCTAssertEqual(site.pages.first { $0.path == "docs/setup.md" }?.permalink, "/docs/setup.html", "date style: .html")
        XCTAssertEqual(site.pages.first { $0.path == "docs/README.md" }?.permalink, "/docs/", "a README is its folder")
        XCTAssertEqual(path("/"), "index.md", "the index keeps the root")
        XCTAssertEqual(path("/team/"), "_pages/team.md", "without its underscore folder")
        XCTAssertEqual(path("/docs/setup/"), "claims.md", "a declared permalink wins")
        XCTAssertEqual(path("/docs/setup.html"), "claims.md")
        XCTAssertEqual(path("/docs/setup/index.html"), "claims.md")
        XCTAssertEqual(path("/docs"), "docs/README.md")
        XCTAssertNil(path("/About/"))
        XCTAssertEqual(site.home(ofFolder: "docs").map { site.pages[$0].path }, "docs/README.md")
    }

    func testPostCategoriesAndSlugs() {
        let site = site([
            ("blog/_posts/2022-05-06-walk.md", "---\ncategories: Outdoor Walks\n---\n"),
            ("_posts/2022-05-07-run.md", "---\ncategory: [Sport, sport]\nslug: the-run\n---\n"),
            ("_posts/2023/2023-01-01-nested.md", "# Nested\n"),
            ("_drafts/_posts/2023-01-01-draft.md", "# Draft\n"),
        ], config: "permalink: /:categories/:title/\n")
        let permalinks = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.path, $0.permalink) })
        XCTAssertEqual(permalinks["blog/_posts/2022-05-06-walk.md"], "/blog/outdoor/walks/walk/")
        XCTAssertEqual(permalinks["_posts/2022-05-07-run.md"], "/sport/the-run/")
        XCTAssertEqual(permalinks["_posts/2023/2023-01-01-nested.md"], "/nested/")
        XCTAssertNil(permalinks["_drafts/_posts/2023-01-01-draft.md"])
        XCTAssertEqual(site.pages.map(\.kind), [.post, .post, .post])
        XCTAssertEqual(site.pages.first?.date, "2023-01-01")
        XCTAssertEqual(site.page(forPost: "2023/2023-01-01-nested"), site.index(ofPath: "_posts/2023/2023-01-01-nested.md"))
        XCTAssertEqual(site.page(forPost: "2023-01-01-nested.md"), site.index(ofPath: "_posts/2023/2023-01-01-nested.md"))
        XCTAssertEqual(site.page(forPost: "2022-05-06-walk"), site.index(ofPath: "blog/_posts/2022-05-06-walk.md"))
        XCTAssertNil(site.page(forPost: "2022-05-06-other"))
    }

    func testCollectionPermalinks() {
        let site = site([("_recipes/soup.md", "# Soup\n"), ("_recipes/index.md", "# Recipes\n"),
                         ("_guides/start.md", "# Start\n"), ("_notes/a/b.md", "# B\n")],
                        config: "collections:\n  recipes:\n    output: true\n  guides:\n    permalink: /g/:path/\n"
                            + "  notes:\n    permalink: pretty\n")
        let permalinks = Dictionary(uniqueKeysWithValues: site.pages.map { ($0.path, $0.permalink) })
        XCTAssertEqual(permalinks["_recipes/soup.md"], "/recipes/soup.html")
        XCTAssertEqual(permalinks["_recipes/index.md"], "/recipes/")
        XCTAssertEqual(permalinks["_guides/start.md"], "/g/start/")
        XCTAssertEqual(permalinks["_notes/a/b.md"], "/notes/a/b/")
        XCTAssertEqual(site.pages.map(\.kind),
                       [.collection("guides"), .collection("notes"), .collection("recipes"), .collection("recipes")])
        XCTAssertEqual(site.page(forPermalink: "/soup/").map { site.pages[$0].path }, "_recipes/soup.md")
        XCTAssertEqual(site.page(forPermalink: "/recipes/soup/").map { site.pages[$0].path }, "_recipes/soup.md")
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
        let site = site([("b.md", "# B\n"), ("_notes/x.md", "# X\n"), ("index.md", "# Index\n"), ("README.md", "# Read me\n"),
                         ("a/z.md", "# Z\n"), ("a/index.md", "# A index\n"), ("a/Readme.md", "# A\n"), ("A.md", "# Big A\n")],
                        config: nil)
        XCTAssertFalse(site.isJekyll)
        XCTAssertEqual(site.pages.map(\.path),
                       ["README.md", "index.md", "_notes/x.md", "a/Readme.md", "a/index.md", "a/z.md", "A.md", "b.md"])
        XCTAssertEqual(site.pages.first?.permalink, "/README.md")
        XCTAssertEqual(site.page(forPermalink: "/a/z.md").map { site.pages[$0].path }, "a/z.md")
        XCTAssertEqual(site.pages.map(\.kind), Array(repeating: .page, count: 8))
    }

    func testJekyllOrderHomePagesPostsNewestFirstThenCollections() {
        let site = site([
            ("_posts/2020-01-01-old.md", ""), ("_posts/2021-01-01-new.md", ""), ("_docs/b.md", ""), ("_docs/a.md", ""),
            ("zebra.md", ""), ("index.md", ""), ("about.md", ""), ("guide/index.md", ""), ("guide/step.md", ""),
            ("README.md", ""), ("guide/README.md", ""), ("_posts/2021-01-01-also.md", ""),
        ], config: "collections: [docs]\n")
        XCTAssertEqual(site.pages.map(\.path), [
            "index.md", "README.md", "about.md", "guide/index.md", "guide/README.md", "guide/step.md", "zebra.md",
            "_posts/2021-01-01-also.md",
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
        XCTAssertEqual(site.permalink(forPath: "/notes/todo.md"), "/notes/todo.html")
        XCTAssertNil(site.permalink(forPath: "missing.md"))
    }

    func testPostURLThroughLiquidUsesTheSite() {
        let site = site([("_posts/2020-01-02-hello.md", ""), ("_posts/news/2020-03-04-big.md", "---\npermalink: /big/\n---\n")],
                        config: "permalink: pretty\n")
        let document = PageParser.document(
            from: "[Hello]({% post_url 2020-01-02-hello %}), [big]({% post_url news/2020-03-04-big %}), "
                + "[gone]({% post_url 2020-01-01-gone %}), [link]({% link _posts/2020-01-02-hello.md %})\n", site: site)
        XCTAssertEqual(document.links.map(\.target), ["/2020/01/02/hello/", "/big/", "/2020-01-01-gone/", "/2020/01/02/hello/"])
        XCTAssertEqual(site.permalink(forPost: "2020-01-02-hello"), "/2020/01/02/hello/")
        XCTAssertNil(site.permalink(forPost: "nothing"))
        XCTAssertEqual(site.value(forKey: "permalink"), "pretty")
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
        XCTAssertEqual(paths("/pear"), ["pear.md"], "permalinks are matched")
        XCTAssertEqual(paths("PLUM"), [])
        XCTAssertEqual(paths("Plum"), ["docs/plum.md"])
        XCTAssertEqual(paths("green apple"), ["apple.md"])
        XCTAssertEqual(paths("zz"), [])
    }

    func testConfigValues() {
        let site = site([], config: "title: My Site\nauthor:\n  name: Ada\nlist: [1, 2]\n")
        XCTAssertEqual(site.value(forKey: "title"), "My Site")
        XCTAssertEqual(site.value(forKey: "author.name"), "Ada")
        XCTAssertNil(site.value(forKey: "list"))
        XCTAssertNil(site.value(forKey: "missing.key"))
        XCTAssertTrue(site.isJekyll)
        XCTAssertTrue(site.pages.isEmpty)
    }

    func testTenThousandFilesBuildQuickly() {
        let folders = ["docs", "guide/deep", "_posts", "notes", "_includes"]
        let files = (0..<10_000).map { number in
            let folder = folders[number % folders.count]
            let name = folder == "_posts" ? "2020-01-\(10 + number % 19)-post-\(number).md" : "page-\(number).md"
            return SiteFile(path: folder + "/" + name, head: "---\ntitle: Page \(number)\ncategories: [a]\n---\n# Heading\n")
        }
        let start = ContinuousClock.now
        let site = Site(files: files, config: "title: Big\n")
        XCTAssertEqual(site.pages.count, 8_000)
        XCTAssertEqual(SiteIndexFilter.matches("page 1231", in: site), [site.index(ofPath: "guide/deep/page-1231.md")!])
        // Debug builds are several times slower than release; a quadratic step would take minutes.
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(5))
    }

    func testAThousandPagesBuildAndFilter() {
        let files = (0..<1_000).map { SiteFile(path: "p\($0).md", head: "---\ntitle: Page \($0)\n---\n") }
        let site = Site(files: files, config: nil)
        XCTAssertEqual(site.pages.count, 1_000)
        XCTAssertEqual(SiteIndexFilter.matches("page 99", in: site).count, 11)
    }
}
