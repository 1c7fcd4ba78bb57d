import Foundation
import Glibc
import PivotTestSupport
import XCTest

/// A page's local pictures drawn in the real terminal after the first paint, a broken one
/// noted, and a remote one never fetched.
final class PagePictureTests: EndToEndTestCase {
    private func writePicturePage() throws -> URL {
        let disc = PNGWriter.png(width: 60, height: 60, pixels: PNGWriter.pixels(size: 60, ink: [30, 60, 220, 255],
                                                                                  paper: [250, 250, 250, 255]) { x, y in
            (x - 30) * (x - 30) + (y - 30) * (y - 30) < 22 * 22
        })
        try Data(disc).write(to: workDirectory.appendingPathComponent("disc.png"))
        try Data(disc.prefix(100)).write(to: workDirectory.appendingPathComponent("cut.png"))
        return try writePage("""
            # Picture Fixture

            Before the picture.

            ![a blue disc](disc.png)

            ![a cut file](cut.png)

            ![a remote logo](https://pictures.example.org/logo.png)

            After the pictures.
            """)
    }

    func testLocalPicturesAreDrawnAndOthersLabelled() throws {
        let session = try startReader([try writePicturePage().path], width: 80, height: 40)
        let screen = try session.waitForScreen("the picture's caption under its frame") { $0.contains("a blue disc") && $0.contains("┌") }
        // chafa's block symbols inside the frame, not the label the page had at first.
        XCTAssertFalse(screen.contains("[image: a blue disc]"), "\(screen)")
        let framed = screen.lines.filter { $0.contains("│") }
        XCTAssertTrue(framed.contains { $0.unicodeScalars.contains { (0x2580...0x259F).contains($0.value) } }, "\(screen)")
        XCTAssertTrue(screen.contains("[image: a cut file]"), "a broken picture keeps its label: \(screen)")
        XCTAssertTrue(screen.contains("[image: a remote logo · pictures.example.org]"), "\(screen)")
        XCTAssertTrue(screen.statusLine.contains("cut.png") && screen.statusLine.contains("broken PNG"), "\(screen.statusLine)")
        // In colour: the cells carry 256-colour (or direct) SGR colours.
        let styled = try session.captureWithStyles().joined(separator: "\n")
        XCTAssertTrue(styled.contains("38;5;") || styled.contains("48;5;"), "the picture's cells are coloured")
    }

    func testPlainOutputPrintsThePictureAsText() throws {
        let result = try runPiped(["--plain", try writePicturePage().path])
        XCTAssertEqual(result.exitStatus, 0, result.stderrText)
        let text = result.stdoutText
        XCTAssertTrue(text.contains("a blue disc"), text)
        XCTAssertTrue(text.contains("[image: a remote logo · pictures.example.org]"), text)
        // The picture in chafa's block symbols without colours (light ink on a dark terminal):
        // across its middle, the bright paper in full blocks, the dark disc as blank cells, paper again.
        let framed = text.split(separator: "\n").filter { $0.contains("│") }.map { $0.split(separator: "│").dropFirst().first ?? "" }
        XCTAssertGreaterThan(framed.count, 4, text)
        let middle = framed[framed.count / 2]
        XCTAssertEqual(middle.first, "█", text)
        XCTAssertEqual(middle.last, "█", text)
        XCTAssertTrue(middle.contains("      "), "the disc is dark: \(middle)")
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B }, "plain text has no escape sequences")
    }

    /// A local GIF plays in its pane as a frames stand-in does, and stays still out of view.
    func testALocalGIFPlaysAndRestsOutOfView() throws {
        let left: [UInt8] = (0..<32).map { $0 % 8 < 4 ? 2 : 1 }, right: [UInt8] = (0..<32).map { $0 % 8 < 4 ? 1 : 3 }
        try TinyGIF.make(width: 8, height: 4, frames: [left, right], delay: 30)
            .write(to: workDirectory.appendingPathComponent("flip.gif"))
        let lines = (1...80).map { "Line \($0) of the text after the picture." }.joined(separator: "\n\n")
        let page = try writePage("# GIF Fixture\n\n![a flipping square](flip.gif)\n\n" + lines + "\n")
        let session = try startReader([page.path], width: 80, height: 30)
        let shown = try session.waitForScreen("the GIF's pane") { $0.paneRows != nil && $0.contains("a flipping square") }
        let rows = try XCTUnwrap(shown.paneRows)
        // The frames differ in colour (the symbols may be the same): compared with their styles.
        let first = Array(try session.captureWithStyles()[rows])
        let deadline = Date().addingTimeInterval(5)
        var changed = false
        while !changed && Date() < deadline {
            usleep(100_000)
            changed = Array(try session.captureWithStyles()[rows]) != first
        }
        XCTAssertTrue(changed, "the GIF's second frame shows")
        try session.sendKeys("Space")
        try session.waitForScreen("the pane scrolled away") { $0.paneRows == nil && $0.contains("Line ") }
        try assertStaysStill(session, "with the GIF out of view")
    }

    /// A 16-colour terminal gets pictures in its 16 colours (chafa's own 16-colour mode), not in
    /// the 256-colour palette it does not have.
    func testA16ColourTerminalGetsPicturesInItsColours() throws {
        let session = try startReader([try writePicturePage().path], width: 80, height: 40, term: "xterm-16color")
        let screen = try session.waitForScreen("the picture drawn") { $0.contains("a blue disc") && $0.contains("┌") }
        let rows = try XCTUnwrap(screen.paneRows)
        let styled = Array(try session.captureWithStyles()[rows]).joined(separator: "\n")
        XCTAssertFalse(styled.contains("38;5;") || styled.contains("48;5;"), "no 256-colour cells: \(styled.debugDescription)")
        // The bright half of the 16 (SGR 90-97, 100-107): white paper, a bright blue disc.
        XCTAssertTrue(styled.contains("\u{1B}[9") || styled.contains("\u{1B}[10"), "bright colours: \(styled.debugDescription)")
    }
}
