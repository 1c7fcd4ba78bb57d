import PivotAnimation
import PivotDocument
import XCTest
@testable import PivotReader

/// A page with a text picture (chafa's `.symbols` cells) and a remote picture, on screen and
/// as plain text.
final class PictureSnapshotTests: XCTestCase {
    static let page = PageParser.document(from: """
        # Pictures

        A picture drawn in cells:

        ![a square](square.png)

        ![a logo](https://cdn.example.org/logo.png)

        After the pictures.
        """)

    /// A 6x3 picture: a dark square (a full block in palette 16) on light paper (231).
    static var square: Animation {
        let paper = " e7e7", ink = "█1010"
        let rows = [String(repeating: paper, count: 6),
                    paper + String(repeating: ink, count: 4) + paper,
                    String(repeating: paper, count: 6)]
        return Animation(width: 6, height: 3, frames: [Animation.Frame(lines: rows, delay: 1000)], charset: .symbols)
    }

    func testSymbolCellsAreReadBackWithTheirColours() {
        let row = Self.square.symbolCells(frame: 0, row: 1)
        XCTAssertEqual(row.count, 6)
        XCTAssertEqual(row[0].symbol, " ")
        XCTAssertEqual(row[0].background, 0xE7)
        XCTAssertEqual(row[1].symbol, "█")
        XCTAssertEqual(row[1].foreground, 0x10)
    }

    func testAPageWithPictures() {
        for size in [Size(width: 80, height: 24), Size(width: 40, height: 12)] {
            let state = ReaderState(document: Self.page, size: size, standIns: ["square.png": Self.square])
            assertSnapshot(render(state), named: "pictures")
        }
    }

    func testPlainTextShowsThePictureByBrightness() {
        let plain = PlainText.render(Self.page, width: 40, standIns: ["square.png": Self.square])
        XCTAssertTrue(plain.contains("@" + String(repeating: " ", count: 4) + "@"), plain)
        XCTAssertTrue(plain.contains("[image: a logo · cdn.example.org]"), plain)
    }

    func testRemoteLabelsNameTheHostOnly() {
        XCTAssertEqual(Image.label(alt: "x", source: "https://user:pw@host.example:8080/a.png?b#c"), "[image: x · host.example:8080]")
        XCTAssertEqual(Image.label(alt: "", source: "//cdn.example/a.png"), "[image: untitled · cdn.example]")
        XCTAssertEqual(Image.label(alt: "local", source: "pics/a.png"), "[image: local]")
        XCTAssertEqual(Image.label(alt: "odd", source: "javascript://x"), "[image: odd]")
    }

    func testCoverageOfBlockSymbols() {
        XCTAssertEqual(PaneDrawing.coverage(" "), 0)
        XCTAssertEqual(PaneDrawing.coverage("█"), 1)
        XCTAssertEqual(PaneDrawing.coverage("▄"), 0.5)
        XCTAssertEqual(PaneDrawing.coverage("▂"), 0.25)
        XCTAssertEqual(PaneDrawing.coverage("▊"), 0.75)
        XCTAssertEqual(PaneDrawing.coverage("▘"), 0.25)
        XCTAssertEqual(PaneDrawing.coverage("▟"), 0.75)
    }
}
