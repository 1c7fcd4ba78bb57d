import Foundation
import PivotTestSupport
import XCTest

/// Hostile pictures refused with a note (in the status line and the info panel), pictures found
/// anywhere in the site and nowhere outside it, and pictures drawn again for a new window size.
final class PictureBoundsTests: EndToEndTestCase {
    private func write(_ bytes: [UInt8], _ name: String, in folder: URL? = nil) throws {
        let url = (folder ?? workDirectory).appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    private var disc: [UInt8] {
        PNGWriter.png(width: 60, height: 60, pixels: PNGWriter.pixels(size: 60, ink: [30, 60, 220, 255],
                                                                      paper: [250, 250, 250, 255]) { x, y in
            (x - 30) * (x - 30) + (y - 30) * (y - 30) < 22 * 22
        })
    }

    /// A real decompression bomb: a 12000x12000 grey PNG whose pixel data (144 MB of zeros)
    /// deflates to about 140 KB, made with Python's zlib.
    private func pngBomb() throws -> [UInt8] {
        let script = """
            import struct, sys, zlib
            def chunk(kind, data):
                return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
            side = 12000
            packer = zlib.compressobj(9)
            row = bytes(side + 1)
            data = b''.join(packer.compress(row) for _ in range(side)) + packer.flush()
            sys.stdout.buffer.write(b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', side, side, 8, 0, 0, 0, 0))
                                    + chunk(b'IDAT', data) + chunk(b'IEND', b''))
            """
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", script],
                                           environment: ProcessInfo.processInfo.environment)
        XCTAssertEqual(result.exitStatus, 0, result.stderrText)
        XCTAssertLessThan(result.stdout.count, 1_000_000, "a bomb is small on disk")
        return [UInt8](result.stdout)
    }

    func testHostilePicturesAreRefusedWithANoteEach() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 makes the PNG bomb") }
        let rgba = PNGWriter.pixels(size: 64, ink: [200, 30, 30, 255], paper: [255, 255, 255, 255]) { x, _ in x < 32 }
        guard let jpeg = try JPEGWriter.jpeg(width: 64, height: 64, rgba: rgba) else {
            throw XCTSkip("cjpeg (libjpeg-turbo-progs) is not installed: no JPEG to cut")
        }
        try write(PNGWriter.headerOnly(width: 30_000, height: 30_000), "huge.png")
        try write(Array(jpeg.prefix(jpeg.count / 2)), "cut.jpg")
        try write(try pngBomb(), "bomb.png")
        try write(disc, "fine.png")
        let page = try writePage("""
            # Hostile Pictures

            ![huge](huge.png)

            ![cut](cut.jpg)

            ![bomb](bomb.png)

            ![fine](fine.png)

            The end.
            """)
        let session = try startReader([page.path], width: 80, height: 40)
        var screen = try session.waitForScreen("the good picture drawn, a note in the status line") {
            $0.contains("┌") && $0.contains("fine") && $0.statusLine.contains("the picture shows as text")
        }
        for alt in ["huge", "cut", "bomb"] {
            XCTAssertTrue(screen.contains("[image: \(alt)]"), "\(alt) keeps its label: \(screen)")
        }
        try session.sendKeys("i")
        screen = try session.waitForScreen("the info panel lists the three notes") {
            $0.contains("huge.png") && $0.contains("cut.jpg") && $0.contains("bomb.png")
        }
        XCTAssertEqual(screen.lines.filter { $0.contains("too large") }.count, 2, "the header and the bomb: \(screen)")
        XCTAssertTrue(screen.contains("JPEG cut short"), "\(screen)")
        try session.sendKeys("Escape")
        try session.sendKeys("q")
        assertTerminalRestored(try waitForReaderExit(session), exitStatus: 0)
    }

    /// In a site, a page's pictures may be anywhere in the site (`/assets/...` from the root,
    /// `../` from the page) and nowhere outside it: a picture outside keeps its label, unread.
    func testPicturesAreFoundInTheSiteAndNotOutsideIt() throws {
        let site = workDirectory.appendingPathComponent("site")
        try write(Array("title: Site\n".utf8), "_config.yml", in: site)
        try write(disc, "assets/root.png", in: site)
        try write(disc, "shared.png", in: site)
        try write(disc, "outside.png")
        try write(Array("""
            # Deep Page

            ![from the root](/assets/root.png)

            ![from above](../shared.png)

            ![outside](../../outside.png)
            """.utf8), "docs/deep.md", in: site)
        let session = try startReader([site.appendingPathComponent("docs/deep.md").path], width: 80, height: 60)
        let screen = try session.waitForScreen("two pictures drawn") { $0.lines.filter { $0.contains("┌") }.count == 2 }
        XCTAssertTrue(screen.contains("[image: outside]"), "\(screen)")
        XCTAssertFalse(screen.contains("[image: from the root]") || screen.contains("[image: from above]"), "\(screen)")
        XCTAssertFalse(screen.statusLine.contains("outside"), "a picture outside the site is not even tried: \(screen.statusLine)")
    }

    /// A resize draws the picture again for the new reading width and window height.
    func testAResizeDrawsThePictureAgainAtTheNewSize() throws {
        try write(PNGWriter.png(width: 120, height: 30, pixels: PNGWriter.pixels(size: 120, ink: [0, 0, 0, 255],
                                                                                 paper: [255, 255, 255, 255]) { x, _ in x < 60 }
                                    .prefix(120 * 30 * 4).map { $0 }), "wide.png")
        let page = try writePage("# Wide\n\n![wide](wide.png)\n")
        let session = try startReader([page.path], width: 80, height: 30)
        func frameWidth(_ screen: Screen) -> Int? {
            screen.lines.first { $0.contains("┌") }.map { line in line.filter { $0 == "─" }.count }
        }
        let wide = try session.waitForScreen("the picture at 80 columns") { frameWidth($0) != nil }
        XCTAssertEqual(frameWidth(wide), 76, "a wide picture takes the reading width: \(wide)")
        try session.resize(width: 50, height: 30)
        let narrow = try session.waitForScreen("the picture drawn again at 50 columns") { frameWidth($0) == 46 }
        XCTAssertFalse(narrow.contains("too small a window"), "\(narrow)")
    }
}
