import CGif
import PivotTestSupport
import XCTest
@testable import PivotGIF

/// giflib's records composed as a browser composes them: transparency, disposal, interlacing.
final class GIFDecoderTests: XCTestCase {
    private let blackWhiteRed = GIFWriter.blackWhiteRedBlue
    func testTransparencyAndDisposalCompose() throws {
        // Frame 1: all white. Frame 2: a red 2x2 square at (2,0) whose left column is transparent,
        // disposed to background. Frame 3: nothing but a transparent pixel: shows what disposal left.
        let gif = GIFWriter(width: 4, height: 2, palette: blackWhiteRed, frames: [
            .init(width: 4, height: 2, pixels: GIFWriter.solid(1, width: 4, height: 2), delay: 1),
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
}
