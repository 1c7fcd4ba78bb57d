import Foundation
import PivotTestSupport
import XCTest

/// Window sizes no terminal has, in `pty-req` and in `window-change`: 0x0, 1x1, 65535x65535,
/// 4294967295 (the largest the protocol carries) and mixtures. The server clamps them (0 means
/// 80x24, more than 1000 means 1000); the reader keeps answering keys at every size and quits
/// cleanly on `q`; the server stays up.
final class ServeWindowSizeTests: InProcessClientTestCase {
    static let largest = Int(UInt32.max)
    /// (columns, rows) asked for, and the size the server's log must report for a `pty-req`.
    static let sizes: [(columns: Int, rows: Int, clamped: String)] = [
        (0, 0, "80x24"), (1, 1, "1x1"), (65_535, 65_535, "1000x1000"), (largest, largest, "1000x1000"),
        (0, largest, "80x1000"), (largest, 1, "1000x1"), (2, 65_535, "2x1000"),
    ]

    func testAbsurdTerminalRequestsAreClampedAndTheReaderAnswers() throws {
        let server = try startServer()
        for size in Self.sizes {
            let connection = try connect(to: server)
            let session = try connection.openReader(columns: size.columns, rows: size.rows)
            try server.waitForEvent("session start", "size=\(size.clamped)")
            try session.waitForOutput(after: 0, timeout: 30)
            try expectAnswer(from: session, "\(size.columns)x\(size.rows)")
            session.send("q")
            XCTAssertEqual(try session.waitForEnd(timeout: 30), 0, "\(size.columns)x\(size.rows): the reader quits on q")
            connection.close()
        }
        XCTAssertTrue(ProcessTable.isRunning(server.pid))
        XCTAssertTrue(ProcessTable.waitUntil(timeout: 10) { server.readers.isEmpty })
        ReliabilityReport.record("window-sizes", "pty-req: \(Self.sizes.map { "\($0.columns)x\($0.rows)->\($0.clamped)" }.joined(separator: ", "))")
    }

    func testAbsurdWindowChangesKeepTheReaderAlive() throws {
        let server = try startServer()
        let (connection, session) = try openReader(on: server)
        let reader = try XCTUnwrap(server.readers.first)
        for size in Self.sizes + [(80, 24, "80x24")] {
            try session.changeWindow(columns: size.columns, rows: size.rows)
            try waitForQuiet(session)
            try expectAnswer(from: session, "after window-change \(size.columns)x\(size.rows)")
            XCTAssertEqual(server.readers, [reader], "the same reader runs on")
        }
        session.send("q")
        XCTAssertEqual(try session.waitForEnd(timeout: 30), 0, "the reader quits on q after every window-change")
        connection.close()
        XCTAssertTrue(ProcessTable.isRunning(server.pid))
        ReliabilityReport.record("window-changes", "\(Self.sizes.count + 1) window-changes on one reader, Ctrl-L answered after each")
    }

    /// Ctrl-L makes the reader repaint everything: at any size, some bytes must come back.
    private func expectAnswer(from session: SSHTestSession, _ what: String) throws {
        let before = session.record.outputCount
        session.send("\u{0C}")
        do {
            try session.waitForOutput(after: before, timeout: 30)
        } catch {
            XCTFail("\(what): no answer to Ctrl-L: \(error)")
        }
    }

    /// Waits until the redraw a resize causes is over: no output for 300 ms.
    private func waitForQuiet(_ session: SSHTestSession) throws {
        var last = -1
        let deadline = Date().addingTimeInterval(30)
        while session.record.outputCount != last {
            guard Date() < deadline else { throw TestFailure("the reader never stopped writing") }
            last = session.record.outputCount
            usleep(300_000)
        }
    }
}
