import XCTest
import PivotTestSupport

/// `-` folds every section to one line, `+` opens them all again.
final class FoldingTests: EndToEndTestCase {
    /// Lines of the page area that start with a fold marker in the leftmost gutter column,
    /// i.e. the top-level sections.
    private func topLevelMarkers(_ screen: Screen) -> [Character] {
        screen.pageLines.compactMap { line in line.first.flatMap { "▾▸".contains($0) ? $0 : nil } }
    }

    func testFoldAllThenUnfoldAll() throws {
        let page = try writePage(Fixtures.gardenPage)
        let session = try startReader([page.path])
        try session.waitForScreen("the whole fixture page is shown, unfolded") { screen in
            Fixtures.gardenBodyTexts.allSatisfy(screen.contains)
        }

        try session.sendKeys("-")
        let folded = try session.waitForScreen("both top-level sections are folded and their bodies hidden") { screen in
            self.topLevelMarkers(screen) == ["▸", "▸"]
                && !Fixtures.gardenBodyTexts.contains(where: screen.contains)
        }
        XCTAssertFalse(folded.contains("▾"), "no section should stay open after fold all:\n\(folded)")
        XCTAssertTrue(folded.pageLines.contains { $0.hasPrefix("▸ The first group") }, "\(folded)")
        XCTAssertTrue(folded.pageLines.contains { $0.hasPrefix("▸ The second group") }, "\(folded)")

        try session.sendKeys("+")
        let unfolded = try session.waitForScreen("every section's body is back") { screen in
            Fixtures.gardenBodyTexts.allSatisfy(screen.contains)
        }
        XCTAssertFalse(unfolded.contains("▸"), "no folded marker should remain after unfold all:\n\(unfolded)")
        XCTAssertEqual(topLevelMarkers(unfolded), ["▾", "▾"], "\(unfolded)")
    }
}
