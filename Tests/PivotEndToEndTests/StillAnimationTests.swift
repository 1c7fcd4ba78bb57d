import XCTest
import PivotTestSupport

/// `--no-animation` and `PIVOT_TUI_NO_ANIMATION=1` show the first frame and never change it.
final class StillAnimationTests: EndToEndTestCase {
    private func assertFirstFrameStill(_ session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws {
        let screen = try assertStaysStill(session, "animation is off", file: file, line: line)
        XCTAssertEqual(screen.paneLetter, "A", "the pane shows the first frame:\n\(screen)", file: file, line: line)
    }

    func testNoAnimationFlagShowsFirstFrameStill() throws {
        let (session, _) = try startAnimatedReader(["--no-animation"])
        try assertFirstFrameStill(session)
    }

    func testNoAnimationEnvironmentShowsFirstFrameStill() throws {
        let (session, _) = try startAnimatedReader(environment: ["PIVOT_TUI_NO_ANIMATION=1"])
        try assertFirstFrameStill(session)
    }
}
