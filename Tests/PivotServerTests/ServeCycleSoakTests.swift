import Foundation
import Glibc
import XCTest

/// A thousand connect - first paint - disconnect cycles against one server (the in-process
/// client, so no ssh process each time), ended three ways in turn: `q` (the reader quits), the
/// channel closed, the TCP connection reset. Afterwards the server holds as many descriptors
/// and children as after the warm-up, and its memory is back within a small allowance.
final class ServeCycleSoakTests: InProcessClientTestCase {
    static let warmUpCycles = 20
    /// Allocator noise: arenas and caches that grow once and stay; a leak of 1 KiB a cycle
    /// would show as 1 MiB over the thousand cycles.
    static let memoryAllowanceKiB = 1024

    func testAThousandCyclesLeaveNothingBehind() throws {
        let cycles = ProcessInfo.processInfo.environment["PIVOT_SOAK_CYCLES"].flatMap(Int.init) ?? 1_000
        let server = try startServer()
        for cycle in 0..<Self.warmUpCycles { try runCycle(cycle, on: server) }
        let baseline = try ProcessResources.settled(server.pid)
        XCTAssertTrue(baseline.children.isEmpty, "readers left after the warm-up: \(baseline.children)")
        ReliabilityReport.record("soak-baseline", "\(baseline)")

        let started = Date()
        for cycle in 0..<cycles {
            do {
                try runCycle(cycle, on: server)
            } catch {
                return XCTFail("cycle \(cycle): \(error)\nthe server's log ends:\n\(server.log.suffix(3000))")
            }
            if (cycle + 1) % 100 == 0 {
                forgetClosedConnections()
                ReliabilityReport.record("soak-after-\(cycle + 1)", "\(try ProcessResources.of(server.pid))")
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        let after = try ProcessResources.settled(server.pid)
        ReliabilityReport.record("soak-cycles", "\(cycles) cycles in \(String(format: "%.1f", elapsed)) s "
                                 + "(\(String(format: "%.1f", elapsed * 1000 / Double(max(cycles, 1)))) ms each); after: \(after); "
                                 + "RSS \(after.residentKiB - baseline.residentKiB) KiB, USS \(after.uniqueKiB - baseline.uniqueKiB) KiB over the baseline")
        XCTAssertEqual(after.children, [], "readers left running")
        XCTAssertEqual(after.descriptors.count, baseline.descriptors.count,
                       "descriptors added: \(after.descriptorsAdded(since: baseline))")
        XCTAssertLessThanOrEqual(after.uniqueKiB - baseline.uniqueKiB, Self.memoryAllowanceKiB, "USS grew: \(baseline) -> \(after)")
        XCTAssertLessThanOrEqual(after.residentKiB - baseline.residentKiB, Self.memoryAllowanceKiB, "RSS grew: \(baseline) -> \(after)")
        XCTAssertTrue(ProcessTable.isRunning(server.pid))
    }

    private func runCycle(_ cycle: Int, on server: ServeServer) throws {
        let (connection, session) = try openReader(on: server)
        switch cycle % 3 {
        case 0:
            session.send("q")
            XCTAssertEqual(try session.waitForEnd(), 0, "cycle \(cycle): the reader's exit status")
            connection.close()
        case 1:
            session.close()
            connection.close()
        default:
            connection.close(abruptly: true)
        }
    }
}
