import Glibc
import PivotTestSupport
import XCTest

/// `--idle-stop SECONDS`: with no key for that long the pane rests on its last frame, so an
/// unattended reader stops writing to the terminal; any key starts it again.
final class IdleStopTests: EndToEndTestCase {
    func testIdleStopRestsOnLastFrameUntilAKey() throws {
        let (session, _) = try startAnimatedReader(["--idle-stop", "1"])
        // The reader started before its first frame was seen: 1.5 s from now it has been idle
        // for more than the 1 s limit, however slow the start.
        usleep(1_500_000)
        try session.waitForScreen("the pane rests on the last frame, C") { $0.paneLetter == "C" }
        let stopped = try assertStaysStill(session, "stopped for idleness")
        XCTAssertEqual(stopped.paneLetter, "C", "\(stopped)")

        try session.sendKeys("k")
        try session.waitForScreen("a key starts the pane again: it leaves the last frame") { screen in
            screen.paneLetter != nil && screen.paneLetter != "C"
        }
    }
}
