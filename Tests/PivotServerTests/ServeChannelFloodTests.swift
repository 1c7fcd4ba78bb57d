import Foundation
import PivotTestSupport
import NIOCore
import XCTest

/// One connection asking for 200 session channels: 100 at once before any session runs,
/// 100 more while its reader runs. The server grants one (as `MaxSessions 1` would) and
/// refuses the others with a channel-open failure; the reader goes on answering, another
/// client is served meanwhile, and once the connection is gone every descriptor is back.
final class ServeChannelFloodTests: InProcessClientTestCase {
    static let burst = 100

    func testAHundredChannelsOnOneConnectionGetOneSession() throws {
        let server = try startServer()
        _ = try openReader(on: server).0.close()
        let baseline = try ProcessResources.settled(server.pid)

        let connection = try connect(to: server)
        let first = try outcomes(of: (0..<Self.burst).map { _ in connection.requestSession() })
        XCTAssertEqual(first.granted.count, 1, "one session channel per connection")
        XCTAssertEqual(first.refused, Self.burst - 1)
        let session = try XCTUnwrap(first.granted.first)
        XCTAssertTrue(try session.requestTerminal(columns: 80, rows: 24))
        XCTAssertTrue(try session.startShell())
        try session.waitForOutput(ServedPage.title)

        let second = try outcomes(of: (0..<Self.burst).map { _ in connection.requestSession() })
        XCTAssertEqual(second.granted.count, 0, "no second session while one runs")
        XCTAssertEqual(second.refused, Self.burst)
        try server.waitForLog("refused")
        let refusals = server.log.split(separator: "\n").filter { $0.contains("channel=second-session") }.count
        XCTAssertEqual(refusals, 2 * Self.burst - 1, "each refusal is logged")

        // The session still answers (Ctrl-L: a full repaint), and the server still serves others.
        let before = session.record.outputCount
        session.send("\u{0C}")
        try session.waitForOutput(after: before)
        let other = try openReader(on: server)
        other.1.send("q")
        XCTAssertEqual(try other.1.waitForEnd(), 0)
        session.send("q")
        XCTAssertEqual(try session.waitForEnd(), 0, "the granted session ends normally")
        connection.close()
        other.0.close()

        let after = try ProcessResources.settled(server.pid)
        XCTAssertEqual(after.descriptors.count, baseline.descriptors.count, "added: \(after.descriptorsAdded(since: baseline))")
        XCTAssertEqual(after.children, [])
        ReliabilityReport.record("channel-flood", "\(2 * Self.burst) session channels asked for on one connection: "
                                 + "1 granted, \(first.refused + second.refused) refused; descriptors \(baseline.descriptors.count) before, "
                                 + "\(after.descriptors.count) after")
    }

    private func outcomes(of requests: [EventLoopFuture<SSHTestSession>]) throws -> (granted: [SSHTestSession], refused: Int) {
        var granted: [SSHTestSession] = []
        var refused = 0
        for request in requests {
            do {
                granted.append(try request.wait(timeout: 15, for: "a channel-open answer"))
            } catch let failure as TestFailure {
                throw failure  // no answer at all
            } catch {
                refused += 1
            }
        }
        return (granted, refused)
    }
}
