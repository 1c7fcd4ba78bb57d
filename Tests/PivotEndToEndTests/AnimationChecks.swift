import Foundation
import PivotTestSupport
import Glibc
import XCTest

/// Starting the reader on an animated fixture page, and telling a playing pane from a still one
/// by watching the screen, never by timing the program.
extension EndToEndTestCase {
    /// Writes `AnimationFixtures.page` and its stand-in `spin.frames` (`frames`) into this
    /// test's directory; returns the page.
    func writeAnimatedPage(frames: String = AnimationFixtures.frames()) throws -> URL {
        try frames.write(to: workDirectory.appendingPathComponent(AnimationFixtures.framesFileName),
                         atomically: true, encoding: .utf8)
        return try writePage(AnimationFixtures.page)
    }

    /// Starts the reader on the animated fixture page and waits until its pane shows a frame.
    /// `environment` goes through env(1), since `startReader` runs a plain command line.
    func startAnimatedReader(_ options: [String] = [], environment: [String] = [],
                             frames: String = AnimationFixtures.frames()) throws -> (TmuxSession, Screen) {
        let page = try writeAnimatedPage(frames: frames)
        let session = environment.isEmpty
            ? try startReader(options + [page.path])
            : try startReader(environment + [binary.path] + options + [page.path],
                              executable: URL(fileURLWithPath: "/usr/bin/env"))
        let screen = try session.waitForScreen("the fixture's pane shows one of its frames") { $0.paneLetter != nil }
        return (session, screen)
    }

    /// Captures every 100 ms for `duration` and fails unless every capture equals the first.
    /// A second covers at least four frame changes of the 200 ms fixtures, so a pane still
    /// playing cannot pass. Returns the (unchanging) screen.
    @discardableResult
    func assertStaysStill(_ session: TmuxSession, for duration: TimeInterval = 1.0, _ why: String,
                          file: StaticString = #filePath, line: UInt = #line) throws -> Screen {
        let first = try session.capture()
        let end = Date().addingTimeInterval(duration)
        while Date() < end {
            usleep(100_000)
            let later = try session.capture()
            if later.lines != first.lines {
                XCTFail("\(why): the screen changed (rows \(later.rowsDiffering(from: first))).\n"
                        + "first:\n\(first)\nlater:\n\(later)", file: file, line: line)
                return later
            }
        }
        return first
    }

    /// Waits `gap` (half a second by default), then polls until the pane shows other art than
    /// it does in `screen`; returns the new screen. Polling, not one capture, because two
    /// captures exactly `gap` apart can land on the same frame of a cycle.
    @discardableResult
    func waitForPaneChange(_ session: TmuxSession, from screen: Screen, gap: TimeInterval = 0.5,
                           _ what: String = "the pane shows another frame") throws -> Screen {
        usleep(useconds_t(gap * 1_000_000))
        let before = screen.paneArt
        return try session.waitForScreen(what) { !$0.paneArt.isEmpty && $0.paneArt != before }
    }
}
