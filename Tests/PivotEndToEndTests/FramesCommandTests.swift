import Foundation
import XCTest

/// `pivot-tui frames FILE.gif`: a GIF in, the frames format out; a bad GIF is one line on
/// stderr and status 1, with nothing half-written on stdout.
final class FramesCommandTests: EndToEndTestCase {
    private func writeFile(_ data: Data, named name: String) throws -> URL {
        let url = workDirectory.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    private func convert(_ gif: URL, _ options: [String] = [],
                         file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let result = try runPiped(["frames", gif.path] + options, file: file, line: line)
        XCTAssertEqual(result.exitStatus, 0, "stderr: \(result.stderrText)", file: file, line: line)
        XCTAssertEqual(result.stderrText, "", file: file, line: line)
        return result.stdoutText.components(separatedBy: "\n")
    }

    /// Status 1, exactly one `pivot-tui: ...` line on stderr, nothing on stdout.
    private func assertFailsCleanly(_ path: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try runPiped(["frames", path], file: file, line: line)
        XCTAssertEqual(result.exitStatus, 1, "\(what): exit status", file: file, line: line)
        XCTAssertNil(result.signal, "\(what): should exit, not die by a signal", file: file, line: line)
        XCTAssertTrue(result.stdout.isEmpty, "\(what): stdout should be empty, got \(result.stdoutText)", file: file, line: line)
        let stderr = result.stderrText
        XCTAssertTrue(stderr.hasPrefix("pivot-tui:") && stderr.hasSuffix("\n") && stderr.filter { $0 == "\n" }.count == 1,
                      "\(what): stderr should be one 'pivot-tui: ...' line, got \(stderr.debugDescription)",
                      file: file, line: line)
    }

    func testValidGIFPrintsFrames() throws {
        let gif = try writeFile(TinyGIF.checker, named: "checker.gif")
        let lines = try convert(gif)
        XCTAssertEqual(lines.first, "pivot-frames 1", "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("size ") }, "a size line: \(lines)")
        XCTAssertEqual(lines.filter { $0.split(separator: " ").first == "frame" }.count, 2,
                       "one frame line per frame of the GIF: \(lines)")
    }

    func testWidthOptionSetsTheColumns() throws {
        let gif = try writeFile(TinyGIF.checker, named: "checker.gif")
        let lines = try convert(gif, ["--width", "4"])
        XCTAssertTrue(lines.contains { $0.hasPrefix("size 4x") }, "size 4xH: \(lines)")
    }

    /// chafa's symbol sets in colour are written as `charset symbols`, which a page reads back:
    /// its stand-in shows in plain output as a boxed pane, not as the image's caption alone.
    func testSymbolCharsetsAreDeclaredAndReadBack() throws {
        let gif = try writeFile(TinyGIF.checker, named: "checker.gif")
        for charset in ["blocks", "sextants", "braille"] {
            let lines = try convert(gif, ["--charset", charset, "--width", "8"])
            XCTAssertEqual(lines.first, "pivot-frames 1", "\(charset): \(lines)")
            XCTAssertTrue(lines.contains("charset symbols"), "\(charset): \(lines)")
            let page = try writeAnimatedPage(frames: lines.joined(separator: "\n"))
            let plain = try runPiped([page.path])
            XCTAssertEqual(plain.exitStatus, 0, "\(charset): \(plain.stderrText)")
            XCTAssertTrue(plain.stdoutText.contains("┌" + String(repeating: "─", count: 8) + "┐"),
                          "\(charset): the 8-column pane:\n\(plain.stdoutText)")
            XCTAssertFalse(plain.stdoutText.contains("[image:"), "\(charset): \(plain.stdoutText)")
        }
    }

    /// What `frames` writes is what a page plays: saved as the stand-in, its first frame prints.
    func testOutputServesAsStandIn() throws {
        let gif = try writeFile(TinyGIF.checker, named: "checker.gif")
        let text = try convert(gif, ["--width", "4"]).joined(separator: "\n")
        let first = try XCTUnwrap(AnimationFixtures.artFrames(of: text).first, "no frame in:\n\(text)")
        let page = try writeAnimatedPage(frames: text)
        let plain = try runPiped([page.path])
        XCTAssertEqual(plain.exitStatus, 0, "stderr: \(plain.stderrText)")
        let lines = plain.stdoutText.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let top = try XCTUnwrap(lines.firstIndex(of: "│" + first[0] + "│"), "the first frame, boxed:\n\(plain.stdoutText)")
        XCTAssertEqual(Array(lines[top..<min(lines.count, top + first.count)]), first.map { "│" + $0 + "│" })
    }

    /// Rows are half the columns times the aspect, and the format holds at most 100 rows. A GIF
    /// so tall that 48 columns would need more must keep its aspect, as `--height 100` does,
    /// not be squashed into 48x100.
    func testTallGIFKeepsItsAspectUnderTheRowLimit() throws {
        let tall = try writeFile(TinyGIF.make(width: 1, height: 60, frames: [[UInt8](repeating: 1, count: 60)]),
                                 named: "tall.gif")
        let fitted = try convert(tall, ["--height", "100"]).first { $0.hasPrefix("size ") }
        let plain = try convert(tall).first { $0.hasPrefix("size ") }
        XCTAssertEqual(fitted, "size 3x100", "100 rows of a 1x60 image: 100 * 2 / 60 columns")
        XCTAssertEqual(plain, fitted, "with no options, the size a 1x60 GIF gets under the 100-row limit")
    }

    func testNonGIFFails() throws {
        let notGIF = try writeFile(Data("this is plain text, not a GIF\n".utf8), named: "text.gif")
        try assertFailsCleanly(notGIF.path, "a text file")
    }

    /// Cut in the header, the palette, the loop extension, the image data, and just before the trailer.
    func testTruncatedGIFFails() throws {
        let whole = TinyGIF.checker
        for length in [10, 20, 40, 66, whole.count - 1] {
            let cut = try writeFile(whole.prefix(length), named: "cut\(length).gif")
            try assertFailsCleanly(cut.path, "the GIF cut to \(length) of \(whole.count) bytes")
        }
    }

    func testMissingGIFFails() throws {
        try assertFailsCleanly(workDirectory.appendingPathComponent("missing.gif").path, "a missing file")
    }
}
