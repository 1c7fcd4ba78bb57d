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
        // The picture as a brightness ramp: across its middle, bright paper, the dark disc, paper again.
        let framed = text.split(separator: "\n").filter { $0.contains("│") }.map { $0.split(separator: "│").dropFirst().first ?? "" }
        XCTAssertGreaterThan(framed.count, 4, text)
        let middle = framed[framed.count / 2]
        XCTAssertEqual(middle.first, "@", text)
        XCTAssertEqual(middle.last, "@", text)
        XCTAssertTrue(middle.contains { ":-.".contains($0) }, "the disc is dark: \(middle)")
    }
}
