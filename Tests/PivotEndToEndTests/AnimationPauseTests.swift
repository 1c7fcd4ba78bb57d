import Glibc
import PivotTestSupport
import XCTest

/// `p` holds the pane on its frame and says so in the status line; `p` again plays on.
final class AnimationPauseTests: EndToEndTestCase {
    static let pausedMessage = "animation paused (p resumes)"

    func testPPausesAndResumes() throws {
        let (session, playing) = try startAnimatedReader()
        try waitForPaneChange(session, from: playing, "the pane plays before any key")

        try session.sendKeys("p")
        try session.waitForScreen("the status line says the animation is paused") {
            $0.statusLine.contains(Self.pausedMessage)
        }
        let paused = try assertStaysStill(session, "paused")
        XCTAssertNotNil(paused.paneLetter, "the pane still shows a whole frame while paused:\n\(paused)")

        try session.sendKeys("p")
        try session.waitForScreen("the paused note is gone from the status line") {
            !$0.statusLine.contains(Self.pausedMessage)
        }
        try waitForPaneChange(session, from: paused, "the pane plays again after the second p")
    }

    /// A paused pane holds the frame it was paused on, even once the idle stop has passed:
    /// the idle stop rests a *playing* animation, and `p` is what resumes a paused one.
    /// Two events after the idle time, each checked: a resize redraws the page without being
    /// input, a `j` is input. Whatever frame the pause caught, the pane must keep showing it.
    func testPauseHoldsItsFrameThroughAnIdleStop() throws {
        let (session, _) = try startAnimatedReader(["--idle-stop", "1"])
        // Pause away from the first frame, so a jump back to it would show.
        try session.waitForScreen("the pane shows its second frame, B") { $0.paneLetter == "B" }
        try session.sendKeys("p")
        let paused = try session.waitForScreen("the status line says the animation is paused") {
            $0.statusLine.contains(Self.pausedMessage) && $0.paneLetter != nil
        }
        let held = try XCTUnwrap(paused.paneLetter)
        usleep(1_500_000)  // longer than --idle-stop 1, without a key

        try session.resize(width: 82, height: 24)
        // The status line is right-aligned: two more columns, two more characters before "?: help".
        let resized = try session.waitForScreen("the reader redrew at 82 columns") { screen in
            screen.paneLetter != nil && screen.statusLine.count == paused.statusLine.count + 2
        }
        XCTAssertEqual(resized.paneLetter, held, "a redraw after the idle time changed the paused frame:\n\(resized)")

        let boxTop = try XCTUnwrap(resized.paneRows?.lowerBound)
        try session.sendKeys("j")
        let scrolled = try session.waitForScreen("the page scrolled a line") { $0.paneRows?.lowerBound == boxTop - 1 }
        XCTAssertEqual(scrolled.paneLetter, held, "a key after the idle time changed the paused frame:\n\(scrolled)")
    }
}
