import CGif
import Foundation
import PivotAnimation
import PivotGIF
@testable import PivotPictures
import PivotTestSupport
import XCTest

/// GIFs through chafa: every frame drawn at one size, as `pivot-tui frames` and a page show them.
final class GIFPictureTests: XCTestCase {
    private let blackWhiteRed = GIFWriter.blackWhiteRedBlue
    func testAFilledCircleIsRecognisableAt48Columns() throws {
        let size = 96
        var pixels = [UInt8](repeating: 0, count: size * size)
        for y in 0..<size {
            for x in 0..<size where hypot(Double(x) - 47.5, Double(y) - 47.5) < 40 { pixels[y * size + x] = 1 }
        }
        let gif = GIFWriter(width: size, height: size, palette: blackWhiteRed,
                            frames: [.init(width: size, height: size, pixels: pixels)])
        // As `pivot-tui frames --charset ascii` draws it: characters alone, no colours.
        let animation = try PictureConverter.animation(from: gif.bytes(), columns: 48, rows: 100, symbols: .ascii, colors: .none)
        XCTAssertEqual(animation.charset, .text)
        XCTAssertEqual(animation.width, 48)
        XCTAssertEqual(animation.height, 24, "aspect corrected: a square becomes twice as wide as tall in cells")
        var agree = 0
        for row in 0..<24 {
            let line = Array(animation.frames[0].lines[row])
            for column in 0..<48 {
                let x = (Double(column) + 0.5) * 2, y = (Double(row) + 0.5) * 4
                let inside = hypot(x - 47.5, y - 47.5) < 40
                if inside == (line[column] != " ") { agree += 1 }
            }
        }
        XCTAssertGreaterThan(Double(agree) / (48 * 24), 0.93, animation.frames[0].lines.joined(separator: "\n"))
        XCTAssertTrue(animation.frames[0].lines.joined().allSatisfy { $0.isASCII }, "ASCII only")
        XCTAssertEqual(Array(animation.frames[0].lines[0])[0], " ", "a corner is empty")
    }

    func testBlocksDrawTwoColoursACellIn256Colours() throws {
        // Top half red, bottom half blue: one row of cells, a half block of red over blue.
        let gif = GIFWriter(width: 4, height: 4, palette: blackWhiteRed,
                            frames: [.init(width: 4, height: 4, pixels: [2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3])])
        let animation = try PictureConverter.animation(from: gif.bytes(), columns: 2, rows: 1, symbols: .blocks)
        XCTAssertEqual(animation.charset, .symbols)
        XCTAssertEqual(animation.height, 1)
        for cell in animation.symbolCells(frame: 0, row: 0) {
            // xterm 196 is pure red, 21 pure blue; the half block may be drawn either way up.
            let colors = cell.symbol == "▀" ? (cell.foreground, cell.background) : (cell.background, cell.foreground)
            XCTAssertTrue(["▀", "▄"].contains(cell.symbol), "\(cell)")
            XCTAssertEqual(colors.0, 196, "\(cell)")
            XCTAssertEqual(colors.1, 21, "\(cell)")
        }
        // What `pivot-tui frames --charset blocks` writes reads back as the same animation.
        let text = FramesWriter.text(animation)
        XCTAssertTrue(text.contains("charset symbols"))
        XCTAssertEqual(try FramesParser.parse(text), animation)
    }

    func testBadGIFsFailClearly() throws {
        XCTAssertThrowsError(try PictureConverter.animation(from: Array("not a gif at all".utf8))) {
            XCTAssertTrue("\($0)".contains("not a PNG, JPEG, GIF or WebP picture"), "\($0)")
        }
        let good = try GIFWriter(width: 8, height: 8, palette: blackWhiteRed,
                                 frames: [.init(width: 8, height: 8, pixels: GIFWriter.solid(1, width: 8, height: 8))]).bytes()
        for cut in [13, 20, good.count - 4] {
            XCTAssertThrowsError(try PictureConverter.animation(from: Array(good.prefix(cut))),
                                 "cut at \(cut)")
        }
        let noFrames = try GIFWriter(width: 8, height: 8, palette: blackWhiteRed, frames: []).bytes()
        XCTAssertThrowsError(try PictureConverter.animation(from: noFrames)) {
            XCTAssertTrue("\($0)".contains("no frames"), "\($0)")
        }
        // A screen claiming 5000x4 pixels is refused before anything is allocated for it.
        var giant = good
        giant[6] = 0x88; giant[7] = 0x13  // logical screen width 5000, little-endian
        XCTAssertThrowsError(try PictureConverter.animation(from: giant)) {
            XCTAssertTrue("\($0)".contains("limit"), "\($0)")
        }
    }

    func testAThousandFrameGIFStopsAtTheFrameLimit() throws {
        let frames = (0..<(GIFDecoder.maximumFrames + 5)).map { index in
            GIFWriter.Frame(width: 2, height: 2, pixels: GIFWriter.solid(UInt8(index % 2), width: 2, height: 2))
        }
        let gif = try GIFWriter(width: 2, height: 2, palette: blackWhiteRed, frames: frames).bytes()
        let animation = try PictureConverter.animation(from: gif, columns: 4, rows: 4)
        XCTAssertEqual(animation.frames.count, GIFDecoder.maximumFrames)
    }
}
