import Foundation
import PivotTestSupport
import XCTest

/// The hostile corpus through the real binary, judged by the bytes it writes: piped plain
/// text holds no control at all, and the full-screen reader writes only the sequences ncurses
/// makes itself, with the page's controls shown as visible placeholders.
final class HostileOutputTests: EndToEndTestCase {
    private func writeHostilePage() throws -> URL {
        let url = workDirectory.appendingPathComponent("hostile.md")
        try Data(HostileCorpus.pageBytes).write(to: url)
        // A site around it, whose values Liquid brings into the page.
        try "evil: \(HostileCorpus.yamlQuoted("site " + HostileCorpus.raw))\n"
            .write(to: workDirectory.appendingPathComponent("_config.yml"), atomically: true, encoding: .utf8)
        return url
    }

    // MARK: - Plain output

    func testPlainOutputOfTheHostilePageHoldsNoControl() throws {
        let page = try writeHostilePage()
        for arguments in [["--plain", page.path], [page.path], ["--plain", "--width", "20", page.path],
                          ["--plain", "--width", "300", page.path]] {
            let result = try runPiped(arguments)
            XCTAssertEqual(result.exitStatus, 0, "\(arguments): \(result.stderrText)")
            let bytes = [UInt8](result.stdout)
            XCTAssertGreaterThan(bytes.count, 2000, "\(arguments): the page should be printed")
            let problems = TerminalBytes.plainProblems(bytes)
            XCTAssertTrue(problems.isEmpty, "\(arguments):\n" + problems.joined(separator: "\n"))
            XCTAssertTrue(bytes.contains("\u{241B}[2J"), "\(arguments): ESC should show as ␛")
            XCTAssertTrue(bytes.contains("\u{241B}]0;pwned-title\u{2407}"), "\(arguments): OSC and BEL as ␛ and ␇")
            XCTAssertTrue(bytes.contains("a\u{2408}b"), "\(arguments): backspace as ␈")
            XCTAssertTrue(bytes.contains("\u{FFFD}2J"), "\(arguments): C1 CSI as U+FFFD")
            // The line may break after "site" (where depends on the width and the breaking rules).
            XCTAssertTrue(bytes.contains("site \u{241B}[2J") || bytes.contains("site\n\u{241B}[2J"),
                          "\(arguments): the site's value, made safe")
            XCTAssertTrue(result.stderr.isEmpty, "\(arguments): nothing on stderr: \(result.stderrText)")
        }
    }

    func testPlainOutputFromStandardInputHoldsNoControl() throws {
        let page = try writeHostilePage()
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"),
                                           ["-c", "exec \(shellQuoted(binary.path)) - < \(shellQuoted(page.path))"],
                                           environment: TestEnvironment.childEnvironment(["TERM": "xterm-256color"]),
                                           currentDirectory: workDirectory, timeout: 20)
        XCTAssertFalse(result.timedOut)
        XCTAssertEqual(result.exitStatus, 0, result.stderrText)
        let problems = TerminalBytes.plainProblems([UInt8](result.stdout))
        XCTAssertTrue(problems.isEmpty, problems.joined(separator: "\n"))
        XCTAssertTrue([UInt8](result.stdout).contains("\u{241B}[2J"))
    }

    /// Each invalid UTF-8 sample alone in a page: it opens, shows U+FFFD, exits 0.
    func testInvalidUTF8OpensAndShowsReplacementCharacters() throws {
        for sample in HostileCorpus.invalidUTF8 {
            let url = workDirectory.appendingPathComponent("invalid.md")
            let bytes = Array("# Head ".utf8) + sample.bytes + Array("\n\nBefore ".utf8) + sample.bytes
                + Array(" after.\n".utf8) + sample.bytes
            try Data(bytes).write(to: url)
            let result = try runPiped(["--plain", url.path])
            XCTAssertEqual(result.exitStatus, 0, "\(sample.name): \(result.stderrText)")
            XCTAssertNil(result.signal, sample.name)
            let output = [UInt8](result.stdout)
            XCTAssertTrue(output.contains("Before \u{FFFD}"), "\(sample.name): \(result.stdoutText.debugDescription)")
            XCTAssertTrue(output.contains(" after."), sample.name)
            XCTAssertEqual(TerminalBytes.plainProblems(output), [], sample.name)
        }
    }

    // MARK: - Full screen

    /// The reader on a pty: the first screen, the end of the page, the info panel (front
    /// matter, links, notes), the outline, a search, then q. Nothing but ncurses' own sequences.
    func testFullScreenOutputHoldsOnlyTheTerminalsOwnSequences() throws {
        let page = try writeHostilePage()
        let keys = [" ", " ", "G", "i", " ", "G", "q", "t", "G", "q", "-", "\t", "/", "pwned", "\r", "n", "+", "q", "q", "q"]
        // (The spare q's go out only if the reader is still running: a key that arrived early.)
        for (width, height) in [(200, 80), (80, 24)] {
            let result = try PseudoTerminal.run(
                binary, ["--width", "200", page.path],
                environment: TestEnvironment.childEnvironment(["TERM": "xterm-256color"]),
                directory: workDirectory, width: width, height: height, keys: keys, quiet: 0.15)
            let label = "\(width)x\(height)"
            XCTAssertFalse(result.timedOut, "\(label): the reader did not quit; it wrote \(result.output.count) bytes")
            XCTAssertEqual(result.exitStatus, 0, label)
            let output = result.output
            XCTAssertTrue(output.contains("\u{1B}[?1049h"), "\(label): should have gone full screen")
            let problems = TerminalBytes.screenProblems(output)
            XCTAssertTrue(problems.isEmpty, "\(label):\n" + problems.joined(separator: "\n"))
            XCTAssertTrue(output.contains("\u{241B}"), "\(label): the page's escapes should show as ␛")
            XCTAssertTrue(output.contains("\u{2407}"), "\(label): BEL should show as ␇")
            XCTAssertTrue(output.contains("\u{FFFD}"), "\(label): C1 controls should show as U+FFFD")
            XCTAssertFalse(output.contains("pwned-title\u{07}"), "\(label): a raw BEL after the title payload")
        }
    }

    // MARK: - Files beside the page

    /// A frames file beside the page (docs/frames.md) that does not parse: the reason is shown
    /// in the status line and the info view. Its words come from the file, so they must be made
    /// safe like the page's: ␛ for ESC, ␇ for BEL, never ncurses' "^[" notation or the raw bytes.
    func testABrokenFramesFilesWordsAreMadeSafeInTheNotes() throws {
        let page = try writePage("Intro words.\n\n![evil](evil.png)\n\nLast words.\n")
        try Data(Array("pivot-frames 1\n".utf8) + [0x1B] + Array("]0;pwned".utf8) + [0x07, 0x20, 0x9B]
                 + Array("2J\n".utf8)).write(to: workDirectory.appendingPathComponent("evil.frames"))

        // Bytes: nothing forbidden reaches the terminal (ncurses would show a control as ^X).
        let result = try PseudoTerminal.run(binary, [page.path],
                                            environment: TestEnvironment.childEnvironment(["TERM": "xterm-256color"]),
                                            directory: workDirectory, width: 120, height: 24, keys: ["i", "q", "q"])
        XCTAssertEqual(result.exitStatus, 0)
        XCTAssertEqual(TerminalBytes.screenProblems(result.output), [])

        // Screen: the note names the setting with placeholders.
        let session = try startReader([page.path], width: 120, height: 24)
        let screen = try session.waitForScreen("the status line shows the frames file's error") {
            $0.statusLine.contains("evil.frames")
        }
        let status = screen.statusLine
        XCTAssertTrue(status.contains("unknown setting '\u{241B}]0;pwned\u{2407}"),
                      "the setting should read ␛]0;pwned␇ in the status line: \(status)")
        XCTAssertFalse(status.contains("^[") || status.contains("^G") || status.contains("^]"),
                       "controls reached ncurses, which drew them as ^X: \(status)")
        try session.sendKeys("i")
        let info = try session.waitForText("Notes")
        let note = info.lines.first { $0.contains("evil.frames") } ?? ""
        XCTAssertTrue(note.contains("\u{241B}]0;pwned\u{2407}"), "the info view's note: \(note)")
        try session.sendKeys("q", "q")
        assertTerminalRestored(try waitForReaderExit(session), exitStatus: 0)
    }
}
