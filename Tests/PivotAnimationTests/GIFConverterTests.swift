import CGif
import XCTest
@testable import PivotAnimation
@testable import PivotGIF

final class GIFConverterTests: XCTestCase {
    private let blackWhiteRed: [(UInt8, UInt8, UInt8)] = [(0, 0, 0), (255, 255, 255), (255, 0, 0), (0, 0, 255)]

    private func solid(_ index: UInt8, width: Int, height: Int) -> [UInt8] {
        [UInt8](repeating: index, count: width * height)
    }

    func testAFilledCircleIsRecognisableAt48Columns() throws {
        let size = 96
        var pixels = [UInt8](repeating: 0, count: size * size)
        for y in 0..<size {
            for x in 0..<size where hypot(Double(x) - 47.5, Double(y) - 47.5) < 40 { pixels[y * size + x] = 1 }
        }
        let gif = GIFWriter(width: size, height: size, palette: blackWhiteRed,
                            frames: [.init(width: size, height: size, pixels: pixels)])
        let animation = try GIFConverter.animation(fromGIF: gif.bytes(), width: 48, height: nil, charset: .ascii)
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
        XCTAssertEqual(Array(animation.frames[0].lines[12])[24], "@", "the centre is solid")
        XCTAssertEqual(Array(animation.frames[0].lines[0])[0], " ", "a corner is empty")
    }

    func testTransparencyAndDisposalCompose() throws {
        // Frame 1: all white. Frame 2: a red 2x2 square at (2,0) whose left column is transparent,
        // disposed to background. Frame 3: nothing but a transparent pixel: shows what disposal left.
        let gif = GIFWriter(width: 4, height: 2, palette: blackWhiteRed, frames: [
            .init(width: 4, height: 2, pixels: solid(1, width: 4, height: 2), delay: 1),
            .init(left: 2, top: 0, width: 2, height: 2, pixels: [3, 2, 3, 2], delay: 7, disposal: DISPOSE_BACKGROUND,
                  transparent: 3),
            .init(width: 1, height: 1, pixels: [3], delay: 9, transparent: 3),
        ])
        var composed: [[UInt32]] = []
        var delays: [Int] = []
        try GIFDecoder.decode(gif.bytes()) { frame, _, _ in
            composed.append(frame.pixels)
            delays.append(frame.delay)
        }
        let white: UInt32 = 0xFFFF_FFFF, red: UInt32 = 0xFF00_00FF
        XCTAssertEqual(composed[0], Array(repeating: white, count: 8))
        XCTAssertEqual(composed[1], [white, white, white, red, white, white, white, red])
        XCTAssertEqual(composed[2], [white, white, 0, 0, white, white, 0, 0], "the square's rectangle was cleared")
        XCTAssertEqual(delays, [100, 70, 90], "a delay under 2/100 s plays as 100 ms, as browsers do")
    }

    func testDisposePreviousRestoresTheCanvas() throws {
        let gif = GIFWriter(width: 2, height: 1, palette: blackWhiteRed, frames: [
            .init(width: 2, height: 1, pixels: [1, 1]),
            .init(width: 1, height: 1, pixels: [2], disposal: DISPOSE_PREVIOUS),
            .init(left: 1, top: 0, width: 1, height: 1, pixels: [3]),
        ])
        var composed: [[UInt32]] = []
        try GIFDecoder.decode(gif.bytes()) { frame, _, _ in composed.append(frame.pixels) }
        XCTAssertEqual(composed[1], [0xFF00_00FF, 0xFFFF_FFFF])
        XCTAssertEqual(composed[2], [0xFFFF_FFFF, 0x0000_FFFF], "frame 2's red is gone again")
    }

    func testInterlacedRowsLandInPlace() throws {
        let height = 9
        let pixels = (0..<height).flatMap { row in [UInt8](repeating: row % 2 == 0 ? 1 : 0, count: 4) }
        let gif = GIFWriter(width: 4, height: height, palette: blackWhiteRed,
                            frames: [.init(width: 4, height: height, pixels: pixels, interlaced: true)])
        try GIFDecoder.decode(gif.bytes()) { frame, _, _ in
            for row in 0..<height {
                XCTAssertEqual(frame.pixels[row * 4], row % 2 == 0 ? 0xFFFF_FFFF : 0x0000_00FF, "row \(row)")
            }
        }
    }

    func testBlocksCarryTwoPixelsACellIn256Colours() throws {
        // Top half red, bottom half blue: one row of cells, red over blue.
        let gif = GIFWriter(width: 2, height: 2, palette: blackWhiteRed,
                            frames: [.init(width: 2, height: 2, pixels: [2, 2, 3, 3])])
        let animation = try GIFConverter.animation(fromGIF: gif.bytes(), width: 2, height: 1, charset: .blocks)
        XCTAssertEqual(animation.charset, .blocks)
        XCTAssertEqual(animation.height, 1)
        let cells = animation.blockColors(frame: 0, row: 0)
        XCTAssertEqual(cells.map(\.top), [196, 196], "xterm 196 is pure red")
        XCTAssertEqual(cells.map(\.bottom), [21, 21], "xterm 21 is pure blue")
        let text = FramesWriter.text(animation)
        XCTAssertTrue(text.contains("charset blocks"))
        XCTAssertEqual(try FramesParser.parse(text), animation)
    }

    func testBadGIFsFailClearly() throws {
        XCTAssertThrowsError(try GIFConverter.animation(fromGIF: Array("not a gif at all".utf8), width: nil, height: nil, charset: .ascii)) {
            XCTAssertTrue("\($0)".contains("not a GIF"), "\($0)")
        }
        let good = try GIFWriter(width: 8, height: 8, palette: blackWhiteRed,
                                 frames: [.init(width: 8, height: 8, pixels: solid(1, width: 8, height: 8))]).bytes()
        for cut in [13, 20, good.count - 4] {
            XCTAssertThrowsError(try GIFConverter.animation(fromGIF: Array(good.prefix(cut)), width: nil, height: nil, charset: .ascii),
                                 "cut at \(cut)")
        }
        let noFrames = try GIFWriter(width: 8, height: 8, palette: blackWhiteRed, frames: []).bytes()
        XCTAssertThrowsError(try GIFConverter.animation(fromGIF: noFrames, width: nil, height: nil, charset: .ascii)) {
            XCTAssertTrue("\($0)".contains("no frames"), "\($0)")
        }
        // A screen claiming 5000x4 pixels is refused before anything is allocated for it.
        var giant = good
        giant[6] = 0x88; giant[7] = 0x13  // logical screen width 5000, little-endian
        XCTAssertThrowsError(try GIFConverter.animation(fromGIF: giant, width: nil, height: nil, charset: .ascii)) {
            XCTAssertTrue("\($0)".contains("limit"), "\($0)")
        }
    }

    func testAThousandFrameGIFStopsAtTheFrameLimit() throws {
        let frames = (0..<(GIFDecoder.maximumFrames + 5)).map { index in
            GIFWriter.Frame(width: 2, height: 2, pixels: solid(UInt8(index % 2), width: 2, height: 2))
        }
        let gif = try GIFWriter(width: 2, height: 2, palette: blackWhiteRed, frames: frames).bytes()
        let animation = try GIFConverter.animation(fromGIF: gif, width: 4, height: nil, charset: .ascii)
        XCTAssertEqual(animation.frames.count, GIFDecoder.maximumFrames)
    }
}
