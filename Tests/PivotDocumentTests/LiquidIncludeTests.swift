import Foundation
import XCTest
@testable import PivotDocument

/// `{% include %}`: the site's `_includes/` file rendered in place with its parameters;
/// removed with a note when there is none; bounded in depth and size; confined to `_includes/`.
final class LiquidIncludeTests: XCTestCase {
    struct Includes: SiteContext {
        var files: [String: String]
        func permalink(forPath path: String) -> String? { nil }
        func value(forKey key: String) -> String? { key == "title" ? "The Site" : nil }
        func includeText(_ name: String) -> String? { files[name] }
    }

    func testIncludesRenderInPlaceWithTheirParameters() {
        let site = Includes(files: ["note.html": "<b>Note:</b> {{ include.content }} ({{ site.title }})",
                                    "outer.md": "Outer {% include note.html content='nested' %} end."])
        let output = LiquidRenderer.render("A {% include note.html content=\"mind the gap\" %} B\n{% include outer.md %}",
                                           page: .null, site: site)
        XCTAssertEqual(output.text, "A <b>Note:</b> mind the gap (The Site) B\nOuter <b>Note:</b> nested (The Site) end.")
        XCTAssertEqual(output.notes, [])
    }

    func testMissingIncludesAreRemovedWithANote() {
        let output = LiquidRenderer.render("A {% include nothing.html %} B", page: .null, site: Includes(files: [:]))
        XCTAssertEqual(output.text, "A  B")
        XCTAssertEqual(output.notes, ["Liquid include 'nothing.html' is not in this site and was removed"])
    }

    func testIncludesThatIncludeThemselvesEnd() {
        let loop = Includes(files: ["loop.html": String(repeating: "x{% include loop.html %}", count: 50)])
        let output = LiquidRenderer.render("{% include loop.html %}", page: .null, site: loop)
        XCTAssertLessThanOrEqual(output.text.utf8.count, LiquidRenderer.includeByteLimit + 4_096)
        XCTAssertFalse(output.notes.isEmpty)
    }

    func testFileSiteReadsOnlyInsideIncludes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pivot-include-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("_includes"), withIntermediateDirectories: true)
        try "inside".write(to: root.appendingPathComponent("_includes/a.html"), atomically: true, encoding: .utf8)
        try "secret".write(to: root.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("_includes/out.html").path,
                                                   withDestinationPath: root.appendingPathComponent("secret.txt").path)
        XCTAssertEqual(FileSite.include("a.html", root: root.path), "inside")
        for name in ["../secret.txt", "out.html", "/etc/passwd", ".hidden", "../_includes/a.html"] {
            XCTAssertNil(FileSite.include(name, root: root.path), name)
        }
    }
}
