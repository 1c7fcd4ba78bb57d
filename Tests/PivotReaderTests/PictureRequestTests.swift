import PivotAnimation
import PivotDocument
import XCTest
@testable import PivotReader

/// The core asks the edge for a page's pictures after it shows, at the box the window gives,
/// again when a resize changes the box, and shows only the answer to its latest request.
final class PictureRequestTests: XCTestCase {
    static let page = PageParser.document(from: """
        # Pictures

        ![a square](square.png)

        ![a spinner](spin.gif)

        ![the square again](square.png)

        ![a logo](https://cdn.example.org/logo.png)
        """)

    static let spinner = Animation(width: 3, height: 1, frames: [Animation.Frame(lines: ["-|-"], delay: 100)])

    static func square(columns: Int) -> Animation {
        Animation(width: columns, height: 1, frames: [Animation.Frame(lines: [String(repeating: "█1010", count: columns)], delay: 1000)],
                  charset: .symbols)
    }

    private func browser(size: Size = Size(width: 80, height: 24)) -> Browser {
        Browser(page: PreparedPage(document: Self.page, standIns: ["spin.gif": Self.spinner]), path: "pics.md",
                settings: ReaderSettings(), size: size)
    }

    private func requests(_ effects: [Effect]) -> [PictureRequest] {
        effects.compactMap { if case .drawPictures(let request) = $0 { return request } else { return nil } }
    }

    func testAPageAsksOnceForItsImagesWithoutFramesAtItsBox() throws {
        let (asked, effects) = update(browser(), .reader(.tick(1)))
        // Each source once; the frames stand-in is not redrawn; the remote one is the edge's to refuse.
        XCTAssertEqual(requests(effects), [PictureRequest(path: "pics.md", sources: ["square.png", "https://cdn.example.org/logo.png"],
                                                          box: PictureBox(columns: 76, rows: 8), generation: 0)])
        XCTAssertEqual(requests(update(asked, .reader(.key(.character("j")))).1), [], "asked already")
        let (resized, afterResize) = update(asked, .reader(.resize(Size(width: 50, height: 36))))
        XCTAssertEqual(requests(afterResize).map(\.box), [PictureBox(columns: 46, rows: 12)], "a new box, a new request")
        XCTAssertEqual(requests(update(resized, .reader(.resize(Size(width: 50, height: 37)))).1), [], "the same box")
    }

    func testOnlyTheLatestRequestsPicturesAreShown() throws {
        let (first, firstEffects) = update(browser(), .reader(.tick(1)))
        let firstRequest = try XCTUnwrap(requests(firstEffects).first)
        let (resized, resizeEffects) = update(first, .reader(.resize(Size(width: 50, height: 36))))
        let latest = try XCTUnwrap(requests(resizeEffects).first)
        let stale = update(resized, .picturesDrawn(firstRequest, DrawnPictures(pictures: ["square.png": Self.square(columns: 76)],
                                                                                  notes: []))).0
        XCTAssertNil(stale.reader?.standIns["square.png"], "an answer for the old box is dropped")
        let shown = update(stale, .picturesDrawn(latest, DrawnPictures(pictures: ["square.png": Self.square(columns: 46)],
                                                                          notes: []))).0
        XCTAssertEqual(shown.reader?.standIns["square.png"]?.width, 46)
        let screen = render(shown).textLines.joined(separator: "\n")
        XCTAssertFalse(screen.contains("[image: a square]"), screen)
        XCTAssertTrue(screen.contains("█"), screen)
        // Back to the first size: asked again (the edge's cache answers), and the picture replaced.
        let (back, backEffects) = update(shown, .reader(.resize(Size(width: 80, height: 24))))
        let again = try XCTUnwrap(requests(backEffects).first)
        XCTAssertEqual(again.sources, ["square.png", "https://cdn.example.org/logo.png"], "drawn pictures are asked for again")
        let redrawn = update(back, .picturesDrawn(again, DrawnPictures(pictures: ["square.png": Self.square(columns: 76)], notes: []))).0
        XCTAssertEqual(redrawn.reader?.standIns["square.png"]?.width, 76)
        XCTAssertEqual(redrawn.reader?.standIns["spin.gif"], Self.spinner, "the frames stand-in stays")
    }

    func testPicturesThatCannotBeDrawnLeaveOneNoteEach() throws {
        let (asked, effects) = update(browser(), .reader(.tick(1)))
        let request = try XCTUnwrap(requests(effects).first)
        let note = "square.png: PNG: too large; the picture shows as text"
        let noted = update(asked, .picturesDrawn(request, DrawnPictures(pictures: [:], notes: [note]))).0
        XCTAssertEqual(noted.reader?.document.warnings, [note])
        XCTAssertEqual(noted.reader?.message, note, "the status line says it")
        let twice = update(noted, .picturesDrawn(request, DrawnPictures(pictures: [:], notes: [note]))).0
        XCTAssertEqual(twice.reader?.document.warnings, [note], "a note is not repeated when the pictures are drawn again")
        XCTAssertTrue(render(noted).textLines.joined().contains("[image: a square]"), "the image keeps its label")
    }

    func testTheWholePageKeepsThePicturesOfItsTopAndAsksForItsOwn() throws {
        var start = Browser(page: PreparedPage(document: Self.page, standIns: [:]), path: "pics.md", isPartial: true,
                            settings: ReaderSettings(), size: Size(width: 80, height: 24))
        var effects: [Effect]
        (start, effects) = update(start, .reader(.tick(1)))
        let request = try XCTUnwrap(requests(effects).first)
        start = update(start, .picturesDrawn(request, DrawnPictures(pictures: ["square.png": Self.square(columns: 76)], notes: []))).0
        let whole = PreparedPage(document: PageParser.document(from: "# Pictures\n\n![a square](square.png)\n\n![more](more.png)\n"),
                                 standIns: [:])
        let (next, wholeEffects) = update(start, .restOfPage(generation: start.generation, whole))
        XCTAssertEqual(next.reader?.standIns["square.png"]?.width, 76, "no flash back to the label")
        XCTAssertEqual(requests(wholeEffects).map(\.sources), [["square.png", "more.png"]])
    }

    /// The grid says where the edge's still pictures are, whole on the page, for real pixels.
    func testTheGridPlacesWholeStillPicturesOnly() throws {
        let text = "# Placed\n\n![a square](square.png)\n\n![a spinner](spin.gif)\n\n"
            + (1...40).map { "Line \($0)." }.joined(separator: "\n\n")
        let start = Browser(page: PreparedPage(document: PageParser.document(from: text), standIns: ["spin.gif": Self.spinner]),
                            path: "placed.md", settings: ReaderSettings(), size: Size(width: 80, height: 30))
        let (asked, effects) = update(start, .reader(.tick(1)))
        let request = try XCTUnwrap(requests(effects).first)
        let tall = Animation(width: 6, height: 4, frames: [Animation.Frame(lines: Array(repeating: String(repeating: "█1010", count: 6),
                                                                                      count: 4), delay: 1000)], charset: .symbols)
        var shown = update(asked, .picturesDrawn(request, DrawnPictures(pictures: ["square.png": tall], notes: []))).0
        let grid = render(shown)
        XCTAssertEqual(grid.pictures.map(\.source), ["square.png"], "the frames stand-in (an animation) has none")
        let placement = try XCTUnwrap(grid.pictures.first)
        XCTAssertEqual([placement.columns, placement.rows], [6, 4])
        XCTAssertEqual(grid[placement.row, placement.column].text, "█", "the placement is where the picture's cells are")
        XCTAssertEqual(grid[placement.row - 1, placement.column].text, "─", "under the pane's top border")
        // Its top scrolled above the page, its bottom still on it: no placement.
        for _ in 0..<(placement.row) { shown = update(shown, .reader(.key(.character("j")))).0 }
        let scrolled = render(shown)
        XCTAssertTrue(scrolled.textLines.contains { $0.contains("█") }, "part of it still shows in cells")
        XCTAssertEqual(scrolled.pictures, [])
        // A panel over the page: none.
        shown = update(update(shown, .reader(.key(.character("g")))).0, .reader(.key(.character("?")))).0
        XCTAssertEqual(render(shown).pictures, [])
    }
}
