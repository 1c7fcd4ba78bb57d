import Glibc
import PivotDocument
import XCTest
@testable import PivotFiles

/// The site on disk: what is listed and what may be opened. Every test writes its own folder.
final class SiteFolderTests: XCTestCase {
    var root = ""

    override func setUpWithError() throws {
        var template = Array("/tmp/pivot-site-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw XCTSkip("no temporary folder") }
        root = String(cString: made)
        try write("_config.yml", "title: Test Site\n")
        try write("index.md", "---\ntitle: Home\n---\n[About](about.md)\n")
        try write("about.md", "# About us\n\nText.\n")
        try write("_posts/2021-03-04-news.md", "---\ntitle: News\n---\nBody\n")
        try write("docs/guide.markdown", "# Guide\n")
        try write(".git/config.md", "# hidden\n")
        try write(".env.md", "# secret\n")
        try write("_site/index.md", "# generated\n")
        try write("notes.txt", "not markdown\n")
        try write("../pivot-outside-\(getpid()).md", "# outside\n")
        symlink(root + "/../pivot-outside-\(getpid()).md", root + "/escape.md")
        symlink("/etc/passwd", root + "/passwd.md")
        symlink(root + "/about.md", root + "/alias.md")
        mkfifo(root + "/fifo.md", 0o600)
    }

    override func tearDown() {
        unlink(root + "/../pivot-outside-\(getpid()).md")
        _ = root.withCString { path in system("rm -rf '\(String(cString: path))'") }
    }

    private func write(_ path: String, _ text: String) throws {
        let full = root + "/" + path
        if let slash = full.lastIndex(of: "/") {
            _ = system("mkdir -p '\(full[..<slash])'")
        }
        guard let file = fopen(full, "w") else { throw XCTSkip("cannot write \(full)") }
        fputs(text, file)
        fclose(file)
    }

    func testScanListsOnlyTheSitesMarkdownPages() throws {
        let folder = try SiteFolder(folder: root)
        XCTAssertTrue(folder.isJekyll)
        let paths = Set(SiteScanner.scan(folder).site.pages.map(\.path))
        XCTAssertEqual(paths, ["index.md", "about.md", "_posts/2021-03-04-news.md", "docs/guide.markdown", "alias.md"])
    }

    func testEveryEscapeIsRefused() throws {
        let folder = try SiteFolder(folder: root)
        for path in ["escape.md", "passwd.md", "fifo.md", ".git/config.md", ".env.md", "_site/index.md", "notes.txt",
                     "../pivot-outside-\(getpid()).md", "/etc/passwd", "docs/../../x.md", "./about.md", "missing.md",
                     "docs", ""] {
            XCTAssertThrowsError(try folder.confinedFile(path), path)
        }
        XCTAssertEqual(try folder.confinedFile("about.md"), folder.root + "/about.md")
        XCTAssertEqual(try folder.confinedFile("alias.md"), folder.root + "/about.md")
    }

    func testAPageFindsTheSiteAboveIt() throws {
        let folder = try XCTUnwrap(SiteFolder(containingPage: root + "/docs/guide.markdown"))
        XCTAssertTrue(folder.isJekyll)
        XCTAssertEqual(folder.relativePath(ofFile: root + "/docs/guide.markdown"), "docs/guide.markdown")
        XCTAssertNil(SiteFolder(containingPage: root + "/nothing-here.md"))
    }

    func testScanStopsAtItsLimits() throws {
        var limits = SiteScanner.Limits()
        limits.pages = 2
        let result = SiteScanner.scan(try SiteFolder(folder: root), limits: limits)
        XCTAssertEqual(result.site.pages.count, 2)
        XCTAssertFalse(result.notes.isEmpty)
    }

    func testAFileIsNotAFolder() {
        XCTAssertThrowsError(try SiteFolder(folder: root + "/about.md"))
        XCTAssertThrowsError(try SiteFolder(folder: root + "/nothing"))
    }
}
