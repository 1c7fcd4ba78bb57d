import Foundation
import PivotTestSupport
import XCTest

/// The README's picture of the Pivot page (docs/screenshot.png) is a real capture: the reader in
/// tmux, its styled screen drawn with Unifont (`TerminalPicture`). The test makes it every run
/// and checks every character on screen has its glyph; PIVOT_WRITE_SCREENSHOT=1 writes it to
/// docs/ as well.
final class ScreenshotTests: EndToEndTestCase {
    static let columns = 100
    static let rows = 30

    func testThePivotPageMakesTheREADMEsPicture() throws {
        guard FileManager.default.fileExists(atPath: TerminalPicture.fontPath) else {
            throw XCTSkip("\(TerminalPicture.fontPath) not found: install unifont (`make test` does)")
        }
        var picture = try TerminalPicture()
        // The animation's first frame, still: the same picture every time.
        let session = try startReader(["--no-animation"], width: Self.columns, height: Self.rows)
        try session.waitForScreen("the Pivot page with its status line") { $0.statusLine.contains("?: help") }
        let lines = try session.captureWithStyles().prefix(Self.rows)
        let png = picture.png(lines: Array(lines), columns: Self.columns)
        XCTAssertEqual(picture.missing, [], "characters without a glyph")
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: width and height in pixels, big-endian, after the signature, length and type.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(width, Self.columns * TerminalPicture.cellWidth)
        XCTAssertEqual(height, Self.rows * TerminalPicture.cellHeight)
        if ProcessInfo.processInfo.environment["PIVOT_WRITE_SCREENSHOT"] == "1" {
            try Data(png).write(to: TestEnvironment.repositoryRoot.appendingPathComponent("docs/screenshot.png"))
        }
    }
}
