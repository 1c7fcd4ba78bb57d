import Foundation
import PivotTestSupport
import XCTest

/// With no FILE the reader shows the page built into the binary, wherever it is run from:
/// nothing may be read from the checkout or the working directory at run time.
final class EmbeddedPageTests: EndToEndTestCase {
    private func expectedTitle() throws -> String {
        let page = try String(contentsOf: TestEnvironment.pivotPage, encoding: .utf8)
        return try XCTUnwrap(Fixtures.frontMatterTitle(of: page), "content/pivot.md has no front matter title")
    }

    private func assertHeaderShowsTitle(_ session: TmuxSession, _ title: String) throws {
        let screen = try session.waitForScreen("the header shows the title \"\(title)\"") {
            $0.header.trimmingCharacters(in: .whitespaces).hasPrefix(title) && $0.statusLine.contains("?: help")
        }
        XCTAssertFalse(screen.contains("MARKER-BEFORE"), "the reader should be on the alternate screen")
    }

    func testNoArgumentShowsEmbeddedPageTitleFromAnotherDirectory() throws {
        let title = try expectedTitle()
        let session = try startReader([], directory: workDirectory)
        try assertHeaderShowsTitle(session, title)
    }

    func testCopiedBinaryAloneShowsEmbeddedPageTitle() throws {
        let title = try expectedTitle()
        let alone = workDirectory.appendingPathComponent("alone", isDirectory: true)
        try FileManager.default.createDirectory(at: alone, withIntermediateDirectories: true)
        let copy = alone.appendingPathComponent("pivot-tui")
        try FileManager.default.copyItem(at: binary, to: copy)
        let session = try startReader([], executable: copy, directory: alone)
        try assertHeaderShowsTitle(session, title)
    }
}
