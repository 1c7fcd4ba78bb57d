import Foundation
import PivotTestSupport
import XCTest

/// Pictures in real pixels, judged on the bytes the reader writes to a pseudo-terminal: none
/// when off; well-formed sixel or kitty sequences at the picture's cell when on; on a scroll,
/// the screen repainted under them (kitty's placements deleted) so no pixels are left behind;
/// the terminal asked once in auto mode, and never over SSH.
final class GraphicsOutputTests: EndToEndTestCase {
    static let sixelStart: [UInt8] = [0x1B, 0x50]        // DCS
    static let kittyStart = Array("\u{1B}_G".utf8)       // APC G
    static let kittyDelete = Array("\u{1B}_Ga=d,d=A\u{1B}\\".utf8)
    static let probe = Array("\u{1B}_Gi=31,".utf8)

    /// A page whose picture opens on screen, with enough text after it for a page down to take
    /// it off.
    private func writePicturePage() throws -> URL {
        let disc = PNGWriter.png(width: 60, height: 60, pixels: PNGWriter.pixels(size: 60, ink: [30, 60, 220, 255],
                                                                                  paper: [250, 250, 250, 255]) { x, y in
            (x - 30) * (x - 30) + (y - 30) * (y - 30) < 22 * 22
        })
        try Data(disc).write(to: workDirectory.appendingPathComponent("disc.png"))
        let lines = (1...60).map { "Line \($0) after the picture." }.joined(separator: "\n\n")
        return try writePage("# Pixels\n\n![a disc](disc.png)\n\n" + lines + "\n")
    }

    private func run(_ options: [String], environment extra: [String: String] = [:],
                     answers: [(query: [UInt8], reply: [UInt8])] = [], keys: [String] = ["q"]) throws -> [UInt8] {
        var environment = TestEnvironment.childEnvironment(["TERM": "xterm-256color"].merging(extra) { $1 })
        for name in ["SSH_CONNECTION", "SSH_TTY", "PIVOT_TUI_GRAPHICS"] where extra[name] == nil { environment[name] = nil }
        let result = try PseudoTerminal.run(binary, options + [try writePicturePage().path], environment: environment,
                                            directory: workDirectory, width: 80, height: 24, pixels: (800, 480),
                                            keys: keys, answers: answers, quiet: 0.6)
        XCTAssertFalse(result.timedOut, "the reader did not quit")
        XCTAssertEqual(result.exitStatus, 0)
        return result.output
    }

    private func count(_ needle: [UInt8], in bytes: [UInt8]) -> Int {
        PseudoTerminal.occurrences(of: needle, in: bytes)
    }

    /// The sixel images in `bytes`: each from DCS to ST, with what came just before it.
    private func sixels(in bytes: [UInt8]) -> [(before: String, body: [UInt8])] {
        var found: [(String, [UInt8])] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == 0x1B, bytes[index + 1] == 0x50 else { index += 1; continue }
            let end = (index..<(bytes.count - 1)).first { bytes[$0] == 0x1B && bytes[$0 + 1] == 0x5C } ?? bytes.count
            found.append((String(decoding: bytes[max(0, index - 12)..<index], as: UTF8.self), Array(bytes[index..<min(bytes.count, end + 2)])))
            index = end + 2
        }
        return found
    }

    func testOffWritesNoPixelsAndAsksNothing() throws {
        let bytes = try run(["--graphics", "off"])
        XCTAssertEqual(count(Self.sixelStart, in: bytes), 0)
        XCTAssertEqual(count(Self.kittyStart, in: bytes), 0)
    }

    func testSixelsAreDrawnAtThePictureAndRepaintedAwayOnAScroll() throws {
        let bytes = try run(["--graphics", "sixel"], keys: ["Space", "q"].map { $0 == "Space" ? " " : $0 })
        let images = sixels(in: bytes)
        XCTAssertEqual(images.count, 1, "one picture, drawn once while it stays")
        guard let image = images.first else { return }
        XCTAssertTrue(image.body.suffix(2).elementsEqual([0x1B, 0x5C]), "ended by ST")
        let body = String(decoding: image.body, as: UTF8.self)
        XCTAssertTrue(body.prefix(16).contains("q"), "sixel data: \(body.prefix(16).debugDescription)")
        XCTAssertFalse(body.dropFirst(2).dropLast(2).contains("\u{1B}"), "nothing else inside the image")
        // Moved to the picture's first cell (row 5 of 24 at 80 columns: after the title, a
        // blank line, the pane's top border) just before.
        XCTAssertTrue(image.before.hasSuffix("H"), "a cursor position first: \(image.before.debugDescription)")
        // The page down: a full repaint (clear screen) after the picture, and no image again.
        let after = bytes[(PseudoTerminal.lastIndex(of: Array("\u{1B}\\".utf8), in: bytes) ?? 0)...]
        XCTAssertTrue(PseudoTerminal.occurrences(of: Array("\u{1B}[2J".utf8), in: Array(after)) + PseudoTerminal.occurrences(of: Array("\u{1B}[J".utf8), in: Array(after)) > 0,
                      "the screen under the picture is repainted")
    }

    /// A one-line scroll moves the picture: ncurses alone would scroll the text (and the
    /// pixels with it, one row off its cells) with insert/delete line; instead the screen is
    /// cleared and repainted, and the picture drawn again at its new place.
    func testAMovedPictureIsRepaintedAndDrawnAgain() throws {
        let bytes = try run(["--graphics", "sixel"], keys: ["j", "q"])
        let images = sixels(in: bytes)
        XCTAssertEqual(images.count, 2, "drawn, then drawn again one row up")
        // The same picture twice: the bytes between the two images' starts (DCS).
        let starts = (0..<(bytes.count - 1)).filter { bytes[$0] == 0x1B && bytes[$0 + 1] == 0x50 }
        guard images.count == 2, starts.count == 2 else { return }
        let between = Array(bytes[starts[0]..<starts[1]])
        XCTAssertEqual(PseudoTerminal.occurrences(of: Array("\u{1B}[2J".utf8), in: between), 1,
                       "the screen cleared between the two")
        XCTAssertNotEqual(images[0].before, images[1].before, "at another row")
    }

    func testKittyGraphicsAreDeletedWhenThePictureGoes() throws {
        let bytes = try run(["--graphics", "kitty"], keys: [" ", "q"])
        let text = String(decoding: bytes, as: UTF8.self)
        let chunks = text.components(separatedBy: "\u{1B}_G").dropFirst()
        XCTAssertTrue(chunks.first?.hasPrefix("a=T") == true, "transmit and show: \(chunks.first?.prefix(40) ?? "none")")
        XCTAssertTrue(chunks.allSatisfy { $0.contains("\u{1B}\\") }, "every chunk ends with ST")
        XCTAssertEqual(count(Self.kittyDelete, in: bytes), 1, "the placement deleted when the page scrolls it away")
        XCTAssertEqual(count(Array("\u{1B}_Ga=T".utf8), in: bytes), 1, "not drawn again while it is away")
    }

    func testAutoAsksOnceAndUsesWhatTheTerminalAnswers() throws {
        // A terminal that answers DA1 with attribute 4 (sixel) and ignores kitty's query.
        let sixelTerminal = try run([], answers: [(Array("\u{1B}[c".utf8), Array("\u{1B}[?62;4;22c".utf8))])
        XCTAssertEqual(count(Self.probe, in: sixelTerminal), 1, "asked once")
        XCTAssertEqual(sixels(in: sixelTerminal).count, 1, "and drawn in sixels")
        // A terminal that answers kitty's query.
        let kittyTerminal = try run([], answers: [(Self.probe, Array("\u{1B}_Gi=31;OK\u{1B}\\".utf8)),
                                                 (Array("\u{1B}[c".utf8), Array("\u{1B}[?62;22c".utf8))])
        XCTAssertEqual(count(Array("\u{1B}_Ga=T".utf8), in: kittyTerminal), 1)
        // A terminal that answers nothing: 100 ms later, cells only.
        let silent = try run([])
        XCTAssertEqual(count(Self.probe, in: silent), 1)
        XCTAssertEqual(sixels(in: silent).count, 0)
        XCTAssertEqual(count(Array("\u{1B}_Ga=T".utf8), in: silent), 0)
    }

    func testOverSSHNothingIsAskedUnlessTheReaderSetsIt() throws {
        let ssh = ["SSH_CONNECTION": "127.0.0.1 50000 127.0.0.1 22"]
        let answers = [(query: Array("\u{1B}[c".utf8), reply: Array("\u{1B}[?62;4;22c".utf8))]
        let quiet = try run([], environment: ssh, answers: answers)
        XCTAssertEqual(count(Self.probe, in: quiet), 0, "auto is off over SSH")
        let asked = try run([], environment: ssh.merging(["PIVOT_TUI_GRAPHICS": "auto"]) { $1 }, answers: answers)
        XCTAssertEqual(count(Self.probe, in: asked), 1)
        XCTAssertEqual(sixels(in: asked).count, 1)
    }
}
