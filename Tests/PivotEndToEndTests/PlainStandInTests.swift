import XCTest

/// Without a terminal a pane prints as its box around the first frame, and its caption.
final class PlainStandInTests: EndToEndTestCase {
    /// The frame's rows, as they print inside the box.
    private func boxed(_ rows: [String]) -> [String] { rows.map { "│" + $0 + "│" } }

    /// True when `rows` are consecutive lines of `text` (after the reading column's margin).
    private func containsInOrder(_ text: String, _ rows: [String]) -> Bool {
        let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = rows.first else { return false }
        return lines.indices.contains { start in
            lines[start] == first && start + rows.count <= lines.count
                && Array(lines[start..<(start + rows.count)]) == rows
        }
    }

    func testFixturePlainOutputPrintsFirstFrameOnly() throws {
        let page = try writeAnimatedPage()
        let result = try runPiped([page.path])
        XCTAssertEqual(result.exitStatus, 0, "stderr: \(result.stderrText)")
        let text = result.stdoutText
        let rows = [String](repeating: AnimationFixtures.row("A"), count: AnimationFixtures.frameHeight)
        XCTAssertTrue(containsInOrder(text, boxed(rows)), "the first frame, boxed:\n\(text)")
        XCTAssertFalse(text.contains(AnimationFixtures.row("B")), "the second frame must not print:\n\(text)")
        XCTAssertFalse(text.contains(AnimationFixtures.row("C")), "the third frame must not print:\n\(text)")
        XCTAssertTrue(text.contains(AnimationFixtures.caption), "the caption:\n\(text)")
        XCTAssertFalse(result.stdout.contains(0x1B), "plain output holds no escape sequences")
    }

    func testEmbeddedPlainOutputPrintsFirstFrameOfPivotFrames() throws {
        let frames = AnimationFixtures.artFrames(of: try String(contentsOf: TestEnvironment.pivotFrames, encoding: .utf8))
        XCTAssertGreaterThan(frames.count, 1, "content/pivot.frames should hold several frames")
        let first = try XCTUnwrap(frames.first)
        let result = try runPiped([])
        XCTAssertEqual(result.exitStatus, 0, "stderr: \(result.stderrText)")
        let text = result.stdoutText
        XCTAssertTrue(containsInOrder(text, boxed(first)), "the first frame of content/pivot.frames, boxed:\n\(text)")
        // Rows the second frame has and the first does not must not print anywhere.
        let secondOnly = boxed(frames[1]).filter { !boxed(first).contains($0) }
        XCTAssertFalse(secondOnly.isEmpty, "the first two frames of content/pivot.frames should differ")
        for row in secondOnly {
            XCTAssertFalse(text.contains(row), "a row of the second frame printed: \(row)")
        }
        let caption = try XCTUnwrap(try AnimationFixtures.embeddedCaption())
        XCTAssertTrue(text.contains(caption), "the caption \(caption):\n\(text)")
    }
}
