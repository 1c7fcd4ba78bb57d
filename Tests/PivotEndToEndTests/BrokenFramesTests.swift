import XCTest
import PivotTestSupport

/// A stand-in that does not parse costs the image its animation, never the page: the image
/// shows as text and the info panel says which frames file was refused.
final class BrokenFramesTests: EndToEndTestCase {
    func testBrokenFramesFileLeavesImageAsTextWithANote() throws {
        let page = try writeAnimatedPage(frames: AnimationFixtures.brokenFrames)
        let session = try startReader([page.path])
        let screen = try session.waitForScreen("the page opens with the image as [image: spin]") { screen in
            screen.contains("[image: \(AnimationFixtures.alt) · ") && screen.contains("A paragraph above")
        }
        XCTAssertNil(screen.paneRows, "no pane for a broken stand-in:\n\(screen)")
        XCTAssertFalse(screen.contains("EXIT="), "the reader must keep running:\n\(screen)")

        try session.sendKeys("i")
        let info = try session.waitForScreen("the info panel lists a note naming \(AnimationFixtures.framesFileName)") { screen in
            screen.pageLines.contains { $0.trimmingCharacters(in: .whitespaces) == "Notes" }
                && screen.pageLines.contains { $0.contains(AnimationFixtures.framesFileName) }
        }
        // The note names the line at fault: the fifth, the art line two columns too wide.
        let note = try XCTUnwrap(info.pageLines.first { $0.contains(AnimationFixtures.framesFileName) })
        let afterName = try XCTUnwrap(note.components(separatedBy: AnimationFixtures.framesFileName).last)
        XCTAssertTrue(afterName.contains("5"), "the note should name line 5: \(note)")
    }
}
