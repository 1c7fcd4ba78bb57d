import PivotAnimation
@testable import PivotPictures
import PivotTestSupport
import XCTest

/// Pictures written by the tests, decoded by the system libraries and drawn by chafa.
final class PictureConverterTests: XCTestCase {
    static let red: [UInt8] = [220, 20, 20, 255]
    static let white: [UInt8] = [255, 255, 255, 255]

    /// A red disc on white, 80 pixels square.
    static var circle: [UInt8] {
        PNGWriter.png(width: 80, height: 80, pixels: PNGWriter.pixels(size: 80, ink: red, paper: white) { x, y in
            (x - 40) * (x - 40) + (y - 40) * (y - 40) < 30 * 30
        })
    }

    private func isReddish(_ index: UInt8) -> Bool {
        let color = Palette.rgb(index)
        return color.red > 0.5 && color.green < 0.35 && color.blue < 0.35
    }

    private func isWhitish(_ index: UInt8) -> Bool {
        Palette.luminance(index) > 0.85
    }

    func testACircleIsRecognisable() throws {
        let picture = try PictureConverter.animation(from: Self.circle, columns: 40, rows: 20)
        XCTAssertEqual(picture.charset, .symbols)
        XCTAssertEqual(picture.frames.count, 1)
        // A square picture in cells twice as tall as wide: twice as many columns as rows.
        XCTAssertEqual(picture.width, 2 * picture.height, "\(picture.width)x\(picture.height)")
        let rows = (0..<picture.height).map { picture.symbolCells(frame: 0, row: $0) }
        XCTAssertTrue(rows.allSatisfy { $0.count == picture.width })
        let centre = rows[picture.height / 2][picture.width / 2]
        XCTAssertTrue(isReddish(centre.foreground) || isReddish(centre.background), "the centre is red: \(centre)")
        for corner in [rows[0][0], rows[0][picture.width - 1], rows[picture.height - 1][0]] {
            XCTAssertTrue(isWhitish(corner.foreground) || isWhitish(corner.background), "a corner is white: \(corner)")
            XCTAssertFalse(isReddish(corner.background), "a corner is not red: \(corner)")
        }
        // Across the middle row: white, then red, then white again.
        let middle = rows[picture.height / 2].map { isReddish($0.background) || ($0.symbol == "█" && isReddish($0.foreground)) }
        XCTAssertEqual(middle.first, false)
        XCTAssertEqual(middle.last, false)
        XCTAssertGreaterThan(middle.filter { $0 }.count, picture.width / 2, "\(middle)")
    }

    func testAGradientBrightensFromLeftToRight() throws {
        let size = 64
        var pixels: [UInt8] = []
        for _ in 0..<size {
            for x in 0..<size { let level = UInt8(x * 255 / (size - 1)); pixels += [level, level, level, 255] }
        }
        let picture = try PictureConverter.animation(from: PNGWriter.png(width: size, height: size, pixels: pixels),
                                                     columns: 32, rows: 16)
        let row = picture.symbolCells(frame: 0, row: picture.height / 2)
        let brightness = row.map { (Palette.luminance($0.foreground) + Palette.luminance($0.background)) / 2 }
        XCTAssertLessThan(brightness.first!, 0.15)
        XCTAssertGreaterThan(brightness.last!, 0.85)
        // Mostly rising: each quarter brighter than the one before.
        let quarters = stride(from: 0, to: row.count, by: row.count / 4).map { start in
            brightness[start..<min(row.count, start + row.count / 4)].reduce(0, +)
        }
        XCTAssertEqual(quarters, quarters.sorted(), "\(brightness)")
    }

    func testEachSymbolSetUsesItsCharacters() throws {
        let expectations: [(PictureCells.Symbols, (Unicode.Scalar) -> Bool)] = [
            (.ascii, { $0.isASCII }),
            (.braille, { (0x2800...0x28FF).contains($0.value) || $0 == " " }),
            (.blocks, { (0x2580...0x259F).contains($0.value) || $0 == " " }),
            (.sextants, { (0x1FB00...0x1FB3B).contains($0.value) || (0x2580...0x259F).contains($0.value) || $0 == " " }),
        ]
        for (symbols, allowed) in expectations {
            let picture = try PictureConverter.animation(from: Self.circle, columns: 40, rows: 20, symbols: symbols)
            let scalars = (0..<picture.height).flatMap { picture.symbolCells(frame: 0, row: $0) }.flatMap(\.symbol.unicodeScalars)
            XCTAssertTrue(scalars.allSatisfy(allowed), "\(symbols): \(Set(scalars).filter { !allowed($0) })")
        }
    }

    func testTransparentPixelsShowAsBlack() throws {
        let clear = PNGWriter.png(width: 16, height: 16, pixels: [UInt8](repeating: 0, count: 16 * 16 * 4))
        let picture = try PictureConverter.animation(from: clear, columns: 8, rows: 4)
        for row in 0..<picture.height {
            for cell in picture.symbolCells(frame: 0, row: row) {
                XCTAssertLessThan(Palette.luminance(cell.background), 0.1, "\(cell)")
            }
        }
    }

    func testHugeAndBrokenPicturesAreRefusedWithAReason() {
        let cases: [(String, [UInt8], String)] = [
            ("a 30000x30000 PNG header", PNGWriter.headerOnly(width: 30_000, height: 30_000), "too large"),
            ("a PNG that claims 20000x20000 (a bomb)", PNGWriter.headerOnly(width: 20_000, height: 20_000), "too large"),
            ("a PNG cut short", Array(Self.circle.prefix(200)), "broken PNG"),
            ("a JPEG header and nothing else", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0], "JPEG cut short"),
            ("a WebP header and nothing else", Array("RIFF".utf8) + [0x20, 0, 0, 0] + Array("WEBPVP8 ".utf8), "WebP"),
            ("text named .png", Array("hello, I am not a picture".utf8), "not a PNG, JPEG, GIF or WebP picture"),
        ]
        for (what, bytes, reason) in cases {
            XCTAssertThrowsError(try PictureConverter.animation(from: bytes), what) { error in
                XCTAssertTrue("\(error)".contains(reason), "\(what): \(error)")
            }
        }
    }

    func testFormatsAreKnownByTheirBytesNotTheirNames() {
        XCTAssertEqual(PictureFormat(sniffing: Self.circle), .png)
        XCTAssertEqual(PictureFormat(sniffing: [0xFF, 0xD8, 0xFF, 0xDB]), .jpeg)
        XCTAssertEqual(PictureFormat(sniffing: Array("GIF89a".utf8)), .gif)
        XCTAssertEqual(PictureFormat(sniffing: Array("RIFF".utf8) + [1, 2, 3, 4] + Array("WEBP".utf8)), .webp)
        XCTAssertNil(PictureFormat(sniffing: Array("<svg>".utf8)))
    }

    /// The red disc as a JPEG made by libjpeg-turbo's `cjpeg` (installed with the test packages).
    private func circleJPEG() throws -> [UInt8] {
        let rgba = PNGWriter.pixels(size: 80, ink: Self.red, paper: Self.white) { x, y in
            (x - 40) * (x - 40) + (y - 40) * (y - 40) < 30 * 30
        }
        guard let jpeg = try JPEGWriter.jpeg(width: 80, height: 80, rgba: rgba) else {
            throw XCTSkip("cjpeg (libjpeg-turbo-progs) is not installed: no JPEG to read")
        }
        return jpeg
    }

    func testAJPEGIsDrawn() throws {
        let picture = try PictureConverter.animation(from: try circleJPEG(), columns: 40, rows: 20)
        let centre = picture.symbolCells(frame: 0, row: picture.height / 2)[picture.width / 2]
        XCTAssertTrue(isReddish(centre.foreground) || isReddish(centre.background), "\(centre)")
        let corner = picture.symbolCells(frame: 0, row: 0)[0]
        XCTAssertTrue(isWhitish(corner.foreground) || isWhitish(corner.background), "\(corner)")
    }

    /// A JPEG far larger than its cells is decoded at a fraction of its size (libjpeg's scaling):
    /// 800x600 for about 10x4 cells at 1/8, never below 8x16 pixels a cell; without a box, whole.
    func testALargeJPEGIsDecodedAtTheSizeItsCellsNeed() throws {
        let rgba = PNGWriter.pixels(size: 800, ink: Self.red, paper: Self.white) { x, _ in x < 400 }
        guard let jpeg = try JPEGWriter.jpeg(width: 800, height: 600, rgba: Array(rgba.prefix(800 * 600 * 4))) else {
            throw XCTSkip("cjpeg (libjpeg-turbo-progs) is not installed: no JPEG to read")
        }
        let library = try PictureLibrary.required()
        func decodedWidth(columns: Int32, rows: Int32) -> Int32 {
            var width: Int32 = 0, height: Int32 = 0
            var pixels: UnsafeMutablePointer<UInt8>?
            var message = [CChar](repeating: 0, count: 128)
            let status = jpeg.withUnsafeBufferPointer {
                library.decode(1, $0.baseAddress, $0.count, PictureConverter.pixelLimit, columns, rows, 0, 0, &width, &height,
                               &pixels, &message, message.count)
            }
            library.free(pixels)
            XCTAssertEqual(status, 0)
            return width
        }
        XCTAssertEqual(decodedWidth(columns: 10, rows: 5), 100, "1/8")
        XCTAssertEqual(decodedWidth(columns: 40, rows: 12), 400, "1/2: 1/4 would give 200 pixels for about 32 cells")
        XCTAssertEqual(decodedWidth(columns: 0, rows: 0), 800, "no box: whole")
        // And the picture drawn from the scaled pixels is still the picture: red left, white right.
        let picture = try PictureConverter.animation(from: jpeg, columns: 10, rows: 5)
        let row = picture.symbolCells(frame: 0, row: picture.height / 2)
        XCTAssertTrue(isReddish(row.first!.background) || isReddish(row.first!.foreground), "\(row)")
        XCTAssertTrue(isWhitish(row.last!.background) || isWhitish(row.last!.foreground), "\(row)")
    }

    /// libjpeg would fill a JPEG's missing end with grey and call it a warning: here it is refused.
    func testAJPEGCutShortIsRefused() throws {
        let jpeg = try circleJPEG()
        XCTAssertThrowsError(try PictureConverter.animation(from: Array(jpeg.prefix(jpeg.count / 2)))) { error in
            XCTAssertTrue("\(error)".contains("JPEG cut short"), "\(error)")
        }
    }

    /// Real pixels as chafa writes them: one sixel image (DCS ... q ... ST), or kitty graphics
    /// chunks (APC G ... ST) of base64, and none for an animated GIF.
    func testStillPicturesAlsoComeAsSixelsAndKittyGraphics() throws {
        let sixel = try XCTUnwrap(try PictureConverter.picture(from: Self.circle, columns: 20, rows: 10,
                                                               graphics: PictureGraphics(.sixel, cellWidth: 8, cellHeight: 16)).pixels)
        let sixelText = String(decoding: sixel, as: UTF8.self)
        XCTAssertTrue(sixelText.hasPrefix("\u{1B}P"), sixelText.prefix(20).debugDescription)
        XCTAssertTrue(sixelText.hasSuffix("\u{1B}\\"), sixelText.suffix(20).debugDescription)
        XCTAssertTrue(sixelText.dropFirst(2).prefix(20).contains("q"), "the sixel data starts with q")
        XCTAssertEqual(sixelText.filter { $0 == "\u{1B}" }.count, 2, "one image: nothing else inside it")
        // 20x10 cells of 8x16 pixels: a red disc needs its palette of colours.
        XCTAssertTrue(sixelText.contains("#"), "colour registers")

        let kitty = try XCTUnwrap(try PictureConverter.picture(from: Self.circle, columns: 20, rows: 10,
                                                               graphics: PictureGraphics(.kitty, cellWidth: 8, cellHeight: 16)).pixels)
        let kittyText = String(decoding: kitty, as: UTF8.self)
        let chunks = kittyText.components(separatedBy: "\u{1B}_G").dropFirst()
        XCTAssertFalse(chunks.isEmpty, kittyText.prefix(40).debugDescription)
        for chunk in chunks {
            XCTAssertTrue(chunk.hasSuffix("\u{1B}\\"), chunk.suffix(10).debugDescription)
            // Keys, then base64 after ";" (the first and last chunks may carry keys only).
            let parts = chunk.dropLast(2).split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
            XCTAssertTrue(parts[0].split(separator: ",").allSatisfy { $0.contains("=") }, "keys: \(parts[0])")
            let payload = parts.count > 1 ? parts[1] : ""
            XCTAssertTrue(payload.allSatisfy { $0.isLetter || $0.isNumber || "+/=".contains($0) }, "base64: \(payload.prefix(20))")
        }
        XCTAssertTrue(chunks.first?.contains("a=T") == true, "transmitted and shown at once: \(chunks.first?.prefix(60) ?? "")")

        let gif = try GIFWriter(width: 4, height: 4, palette: GIFWriter.blackWhiteRedBlue,
                                frames: [.init(width: 4, height: 4, pixels: GIFWriter.solid(1, width: 4, height: 4))]).bytes()
        XCTAssertNil(try PictureConverter.picture(from: gif, graphics: PictureGraphics(.sixel, cellWidth: 8, cellHeight: 16)).pixels,
                     "GIFs play in cells")
    }
}
