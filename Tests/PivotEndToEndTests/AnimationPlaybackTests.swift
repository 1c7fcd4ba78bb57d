import XCTest
import PivotTestSupport

/// A playing pane redraws its own rows and nothing else, on the fixture page and on the page
/// built into the binary; and however fast it plays, keys are still answered.
final class AnimationPlaybackTests: EndToEndTestCase {
    /// Watches `changes` frame changes; each may touch only the art inside the box, on the rows
    /// between its borders. Header, text, borders, caption and status must stay as they were.
    private func assertOnlyPaneArtChanges(_ session: TmuxSession, changes: Int = 3,
                                          file: StaticString = #filePath, line: UInt = #line) throws {
        var before = try session.capture()
        let box = try XCTUnwrap(before.paneRows, "no pane box on screen:\n\(before)", file: file, line: line)
        let artRows = (box.lowerBound + 1)..<box.upperBound
        for _ in 0..<changes {
            let after = try waitForPaneChange(session, from: before)
            let changed = after.rowsDiffering(from: before)
            XCTAssertFalse(changed.isEmpty, file: file, line: line)
            XCTAssertTrue(changed.allSatisfy(artRows.contains),
                          "rows \(changed) changed; only the pane's art rows \(artRows) may.\n"
                          + "before:\n\(before)\nafter:\n\(after)", file: file, line: line)
            for row in changed where artRows.contains(row) {
                XCTAssertEqual(outsideBorders(after.lines[row]), outsideBorders(before.lines[row]),
                               "row \(row) changed outside the box", file: file, line: line)
            }
            before = after
        }
    }

    /// A pane row less its art: the margin and the two side borders.
    private func outsideBorders(_ row: String) -> String {
        guard let left = row.firstIndex(of: "│"), let right = row.lastIndex(of: "│"), left < right else { return row }
        return String(row[...left]) + String(row[right...])
    }

    func testFixturePaneChangesOnlyInsideItsBox() throws {
        let (session, screen) = try startAnimatedReader()
        let box = try XCTUnwrap(screen.paneRows)
        XCTAssertEqual(screen.lines[box.upperBound + 1].trimmingCharacters(in: .whitespaces),
                       AnimationFixtures.caption, "the caption goes right under the box:\n\(screen)")
        try assertOnlyPaneArtChanges(session)
    }

    func testEmbeddedPaneChangesOnlyInsideItsBox() throws {
        let frames = AnimationFixtures.artFrames(of: try String(contentsOf: TestEnvironment.pivotFrames, encoding: .utf8))
        let firstFrame = try XCTUnwrap(frames.first, "no frames read from content/pivot.frames")
        let session = try startReader([])
        let screen = try session.waitForScreen("the embedded page's pane, whole, on the first screen") { screen in
            screen.paneArt.count == firstFrame.count
        }
        XCTAssertTrue(screen.paneArt.allSatisfy { $0.count == firstFrame[0].count },
                      "the art is as wide as content/pivot.frames says:\n\(screen)")
        let box = try XCTUnwrap(screen.paneRows)
        let caption = try XCTUnwrap(try AnimationFixtures.embeddedCaption(), "no <img> in content/pivot.md")
        XCTAssertEqual(screen.lines[box.upperBound + 1].trimmingCharacters(in: .whitespaces), caption, "\(screen)")
        try assertOnlyPaneArtChanges(session)
    }

    /// The fastest the format allows (20 ms a frame) must not starve the keyboard: each `j`
    /// moves the text up a row, a page down moves it a page, and the pane keeps playing.
    func testKeysAreAnsweredWhileAFastAnimationPlays() throws {
        let fast = AnimationFixtures.frames(letters: "ABCDEFGH", delay: 20)
        let (session, _) = try startAnimatedReader(frames: fast)
        let marker = "Line 05 of the text"
        var row = try XCTUnwrap(try session.capture().lines.firstIndex { $0.contains(marker) })
        for _ in 0..<3 {
            try session.sendKeys("j")
            let expected = row - 1
            try session.waitForScreen("\"\(marker)\" moved up to row \(expected)") { screen in
                screen.lines.firstIndex { $0.contains(marker) } == expected
            }
            row = expected
        }
        let scrolled = try session.capture()
        XCTAssertNotNil(scrolled.paneLetter, "the pane is still whole on screen:\n\(scrolled)")
        try waitForPaneChange(session, from: scrolled, gap: 0, "the pane still plays after the scrolling")

        let lastShown = try XCTUnwrap(lineNumbers(on: try session.capture()).last)
        try session.sendKeys("Space")
        try session.waitForScreen("a page down shows only lines after line \(lastShown)") { screen in
            (self.lineNumbers(on: screen).first ?? 0) > lastShown
        }
    }

    /// The numbers of the fixture's "Line NN ..." paragraphs on screen, top to bottom.
    private func lineNumbers(on screen: Screen) -> [Int] {
        screen.pageLines.compactMap { line in
            let words = line.split(separator: " ")
            return words.count > 1 && words[0] == "Line" ? Int(words[1]) : nil
        }
    }
}
