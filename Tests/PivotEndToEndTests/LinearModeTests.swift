import Foundation
import PivotTestSupport
import XCTest

/// The screen-reader mode (`--linear`, PIVOT_TUI_LINEAR=1): the page flows as lines in reading
/// order, and after the first screen the terminal is sent no cursor addressing: only text,
/// newlines (which scroll), a carriage return and erase-line for the prompt.
final class LinearModeTests: EndToEndTestCase {
    private static let parts = 6
    private static let linesPerPart = 8

    private static var page: String {
        "# Linear Fixture\n\n" + (1...parts).map { part in
            "## Part \(part)\n\n" + (1...linesPerPart).map { "Line \(part).\($0) of the fixture.\n\n" }.joined()
        }.joined()
    }

    /// Starts the reader once its output is being recorded; returns the session and the record.
    private func startRecorded(_ prefix: String, arguments: [String]) throws -> (TmuxSession, URL) {
        let page = try writePage(Self.page)
        let record = workDirectory.appendingPathComponent("bytes")
        let go = workDirectory.appendingPathComponent("go")
        let command = ([binary.path] + arguments + [page.path]).map(shellQuoted).joined(separator: " ")
        let session = try startSession(script: "while [ ! -e \(shellQuoted(go.path)) ]; do sleep 0.05; done; \(prefix)\(command); echo EXIT=$?; sleep 30")
        try session.recordOutput(to: record.path)
        FileManager.default.createFile(atPath: go.path, contents: Data())
        return (session, record)
    }

    /// The "Line P.L" lines of the whole transcript (scrolled off included), as (P, L), in order.
    private func fixtureLines(_ session: TmuxSession) throws -> [[Int]] {
        try session.capture(history: true).lines.compactMap { line in
            guard let range = line.range(of: #"Line \d+\.\d+ of"#, options: .regularExpression) else { return nil }
            return line[range].dropFirst(5).dropLast(3).split(separator: ".").compactMap { Int($0) }
        }
    }

    func testThePageFlowsInReadingOrderWithoutCursorAddressing() throws {
        let (session, record) = try startRecorded("", arguments: ["--linear"])
        try session.waitForText("?: help")
        let firstScreen = try Data(contentsOf: record).count
        // Space to the end: every line once, in the page's order.
        for _ in 0..<6 { try session.sendKeys("Space") }
        try session.waitForScreen("the last line") { $0.contains("Line \(Self.parts).\(Self.linesPerPart) of") }
        let expected = (1...Self.parts).flatMap { part in (1...Self.linesPerPart).map { [part, $0] } }
        XCTAssertEqual(try fixtureLines(session), expected)
        // Search works as on the full screen: the match's line is written again.
        try session.type("/Line 3.4")
        try session.sendKeys("Enter")
        try session.waitForScreen("the match written after the end") { screen in
            let last = screen.lines.lastIndex { $0.contains("Line \(Self.parts).\(Self.linesPerPart) of") } ?? 0
            return screen.lines.dropFirst(last + 1).contains { $0.contains("Line 3.4 of") }
        }
        try session.sendKeys("q")
        try session.waitForText("EXIT=0")

        let bytes = try Data(contentsOf: record)
        XCTAssertGreaterThan(bytes.count, firstScreen)
        XCTAssertEqual(Self.cursorAddressing(in: Array(bytes.dropFirst(firstScreen))), [],
                       "only text, CR, LF, erase-line and modes after the first screen")
        XCTAssertEqual(Self.cursorAddressing(in: Array(bytes.prefix(firstScreen))), [], "nor on the first screen")
    }

    func testTheEnvironmentTurnsItOn() throws {
        let (session, record) = try startRecorded("PIVOT_TUI_LINEAR=1 ", arguments: [])
        try session.waitForText("?: help")
        try session.sendKeys("q")
        try session.waitForText("EXIT=0")
        let bytes = Array(try Data(contentsOf: record))
        XCTAssertEqual(Self.cursorAddressing(in: bytes), [])
        // No alternate screen either: what was read stays in the terminal's scrollback.
        XCTAssertFalse(String(decoding: bytes, as: UTF8.self).contains("\u{1B}[?1049h"))
    }

    /// The escape sequences in `bytes` that place the cursor or set a scrolling region (CSI
    /// H f A-G d r s u, ESC 7 8 M D E); erase-line, SGR and mode switches are fine.
    private static func cursorAddressing(in bytes: [UInt8]) -> [String] {
        var found: [String] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x1B, index + 1 < bytes.count else { index += 1; continue }
            if bytes[index + 1] == UInt8(ascii: "[") {
                var end = index + 2
                while end < bytes.count, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
                if end < bytes.count, "HfABCDEFGdrsu".utf8.contains(bytes[end]) {
                    found.append(String(decoding: bytes[index...end].dropFirst(), as: UTF8.self))
                }
                index = end + 1
            } else {
                if "78MDE".utf8.contains(bytes[index + 1]) { found.append("ESC " + String(UnicodeScalar(bytes[index + 1]))) }
                index += 2
            }
        }
        return found
    }
}
