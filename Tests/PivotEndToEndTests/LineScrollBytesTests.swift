import Foundation
import PivotTestSupport
import XCTest

/// Line scrolls keep one scrolling region on the terminal (rows 2 to 23 at 80x24): it is set
/// once for a run of `j` and `k`, each `j` after the first scrolls with a bare LF (each `k` with
/// a reverse index), and the region is
/// given back before anything else is drawn and when the reader quits. The screen stays what a
/// full repaint shows (judged on tmux, which interprets the bytes).
final class LineScrollBytesTests: EndToEndTestCase {
    private static let keptRegion = Array("\u{1B}[2;23r".utf8)
    private static let wholeScreen = Array("\u{1B}[1;24r".utf8)
    private static let reverseIndex = Array("\u{1B}M".utf8)

    private static var page: String {
        "# Scroll Fixture\n\n" + (1...80).map { "Line \($0) has **bold** and *italic* words.\n\n" }.joined()
    }

    /// Starts the reader once its output is being recorded, then `seq` on the shell after it.
    private func startRecorded(_ arguments: [String] = []) throws -> (TmuxSession, URL) {
        let page = try writePage(Self.page)
        let name = arguments.joined()
        let record = workDirectory.appendingPathComponent("bytes" + name)
        let go = workDirectory.appendingPathComponent("go" + name)
        let command = ([binary.path] + arguments + [page.path]).map(shellQuoted).joined(separator: " ")
        let session = try startSession(script: "while [ ! -e \(shellQuoted(go.path)) ]; do sleep 0.05; done; \(command); echo EXIT=$?; seq 1 40; sleep 30")
        try session.recordOutput(to: record.path)
        FileManager.default.createFile(atPath: go.path, contents: Data())
        return (session, record)
    }

    private func bytes(_ record: URL) throws -> [UInt8] { Array(try Data(contentsOf: record)) }

    /// Sends `key` and waits until the screen changed and the record stopped growing.
    private func press(_ key: String, _ session: TmuxSession, _ record: URL) throws {
        let before = try session.captureWithStyles()
        try session.sendKeys(key)
        let deadline = Date().addingTimeInterval(10)
        while try session.captureWithStyles() == before, Date() < deadline { usleep(20_000) }
        try settle(record)
    }

    private func settle(_ record: URL) throws {
        var size = try bytes(record).count
        while true {
            usleep(150_000)
            let now = try bytes(record).count
            if now == size { return }
            size = now
        }
    }

    /// What the pane shows, with styles, compared with what a full repaint (Ctrl-L) shows.
    private func assertScreenIsARepaint(_ session: TmuxSession, _ record: URL, _ what: String) throws {
        let shown = try session.captureWithStyles()
        let before = try bytes(record).count
        try session.sendKeys("C-l")
        let deadline = Date().addingTimeInterval(10)
        while try bytes(record).count == before, Date() < deadline { usleep(20_000) }
        try settle(record)
        XCTAssertEqual(shown, try session.captureWithStyles(), what)
    }

    func testARunOfLineScrollsSetsTheRegionOnceAndScrollsWithABareLineFeed() throws {
        let (session, record) = try startRecorded()
        try session.waitForText("Line 1 has")
        try settle(record)
        let start = try bytes(record).count
        try press("j", session, record)
        let afterFirst = try bytes(record).count
        for _ in 0..<10 { try press("j", session, record) }
        let presses = Array(try bytes(record)[start...])
        XCTAssertEqual(PseudoTerminal.occurrences(of: Self.keptRegion, in: presses), 1, "the region set once")
        XCTAssertEqual(PseudoTerminal.occurrences(of: Self.wholeScreen, in: presses), 0, "and kept")
        let later = Array(try bytes(record)[afterFirst...])
        XCTAssertFalse(Self.containsRegionSequence(later), "no region sequence after the first press")
        XCTAssertEqual(PseudoTerminal.occurrences(of: [0x0A], in: later), 10, "one LF a press")
        try assertScreenIsARepaint(session, record, "after ten line scrolls")
    }

    /// Nothing on the status line changes between the page's ends, so a `j` writes its new line
    /// and no byte for the last row; `--percent` asks for a percentage there, rewritten each time.
    func testLineScrollsLeaveTheStatusLineAloneUnlessAPercentageIsAskedFor() throws {
        for (arguments, rewritesStatus) in [([String](), false), (["--percent"], true)] {
            let (session, record) = try startRecorded(arguments)
            try session.waitForText("Line 1 has")
            try settle(record)
            try press("j", session, record)  // "Top" leaves the status line
            let start = try bytes(record).count
            for _ in 0..<10 { try press("j", session, record) }
            let later = String(decoding: try bytes(record)[start...], as: UTF8.self)
            // The last row addressed: ESC [ 24 ; column H, or ESC [ 24 d.
            let addressesStatus = later.range(of: "\u{1B}\\[24[;d]", options: .regularExpression) != nil
            XCTAssertEqual(addressesStatus, rewritesStatus, "\(arguments): \(later.debugDescription)")
            let status = try session.waitForScreen("the status line") { !$0.statusLine.isEmpty }.statusLine
            XCTAssertEqual(status.range(of: "[0-9]+%", options: .regularExpression) != nil, rewritesStatus, status)
            try assertScreenIsARepaint(session, record, "\(arguments): after ten line scrolls")
            try session.sendKeys("q")
            try session.waitForText("EXIT=0", history: true)
            session.kill()
        }
    }

    /// `k` keeps the same region and scrolls back with one reverse index (ESC M) a press, also
    /// when it alternates with `j`.
    func testLineScrollsBackKeepTheRegionAndScrollWithOneReverseIndex() throws {
        let (session, record) = try startRecorded()
        try session.waitForText("Line 1 has")
        try settle(record)
        for _ in 0..<12 { try press("j", session, record) }
        let start = try bytes(record).count
        for _ in 0..<10 { try press("k", session, record) }
        let backPresses = Array(try bytes(record)[start...])
        XCTAssertEqual(PseudoTerminal.occurrences(of: Self.reverseIndex, in: backPresses), 10, "one ESC M a k")
        for key in ["j", "k", "j", "k"] { try press(key, session, record) }
        let presses = Array(try bytes(record)[start...])
        XCTAssertFalse(Self.containsRegionSequence(presses), "the region of the j run is kept")
        try assertScreenIsARepaint(session, record, "after ten line scrolls back and four alternating")
    }

    func testOtherKeysBetweenLineScrollsLeaveTheScreenAsARepaintWouldAndQuitGivesTheRegionBack() throws {
        let (session, record) = try startRecorded()
        try session.waitForText("Line 1 has")
        try settle(record)
        for key in ["j", "j", "k", "j", "j", "Space", "j", "j", "Tab", "j", "k", "k", "j", "j"] {
            try press(key, session, record)
        }
        try assertScreenIsARepaint(session, record, "after line scrolls mixed with other keys")
        try press("j", session, record)
        try press("j", session, record)
        try session.sendKeys("q")
        try session.waitForText("EXIT=0", history: true)
        let all = try bytes(record)
        let lastKept = PseudoTerminal.lastIndex(of: Self.keptRegion, in: all) ?? 0
        XCTAssertGreaterThan(PseudoTerminal.occurrences(of: Self.wholeScreen, in: Array(all[lastKept...])), 0,
                             "the whole screen scrolls again after the reader")
        // The shell's output scrolls the whole window: forty numbers, the last ones at the bottom.
        let screen = try session.waitForScreen("the shell's numbers") { $0.lines.contains("40") }
        let numbers = screen.lines.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        XCTAssertEqual(numbers.last, 40)
        XCTAssertEqual(numbers, Array((41 - numbers.count)...40), "consecutive lines: \(screen)")
        XCTAssertGreaterThan(numbers.count, 20)
    }

    /// A DECSTBM sequence (ESC [ digits ; digits r) anywhere in `bytes`.
    private static func containsRegionSequence(_ bytes: [UInt8]) -> Bool {
        String(decoding: bytes, as: UTF8.self).range(of: "\u{1B}\\[[0-9]*;[0-9]*r", options: .regularExpression) != nil
    }
}
