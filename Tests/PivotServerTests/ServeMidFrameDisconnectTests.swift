import Foundation
import PivotTestSupport
import Glibc
import XCTest

/// Clients that vanish (a TCP reset, as when a client is killed with unread data) while their
/// reader is busy with a screen: during the first paint of a 1000x1000 window; halfway
/// through a full repaint of it (about a second of work for a debug build); with the reader
/// blocked in write() behind a client that stopped reading; while scrolling fast. Every time
/// the reader ends within a few seconds and is collected, and the session's end is logged;
/// afterwards the server holds the descriptors it held before and serves the next client.
final class ServeMidFrameDisconnectTests: InProcessClientTestCase {
    /// One of each kind; `PIVOT_MIDFRAME_ROUNDS` runs more, the kinds in turn.
    static let rounds = ProcessInfo.processInfo.environment["PIVOT_MIDFRAME_ROUNDS"].flatMap(Int.init) ?? 4
    /// The server hangs the reader up at once and kills it after 2 s; collecting takes a moment.
    static let readerEndBound: TimeInterval = 5
    /// write(2)'s number, as /proc/PID/syscall shows it.
    #if arch(x86_64)
    static let writeCall = 1
    #else
    static let writeCall = 64  // arm64 and the other generic-syscall architectures
    #endif

    func testReadersCutOffMidFrameEndAndLeaveNothingBehind() throws {
        let server = try startServer(page: ServeConcurrentReadersTests.longPage)
        let warmUp = try openReader(on: server)
        warmUp.1.send("q")
        _ = try warmUp.1.waitForEnd()
        warmUp.0.close()
        let baseline = try ProcessResources.settled(server.pid)

        var slowest = 0.0
        var caught: [String: Int] = [:]
        var exitStatuses: [String] = []
        for round in 0..<Self.rounds {
            let connection = try connect(to: server, smallBuffers: round % 4 == 2)
            let reader: pid_t
            switch round % 4 {
            case 0:  // the first paint of the largest window, cut after its first bytes
                let session = try connection.openReader(columns: Int(UInt32.max), rows: Int(UInt32.max))
                try session.waitForOutput(after: 0)
                reader = try onlyReader(of: server)
            case 1:  // a full repaint of the largest window, cut while the reader is at it
                let session = try connection.openReader(columns: 1000, rows: 1000)
                try session.waitForOutput(ServedPage.title)
                reader = try onlyReader(of: server)
                session.send("\u{0C}")
                try waitUntilBusy(reader)
            case 2:  // a client that reads nothing more: the reader blocked in write()
                let session = try connection.openReader(columns: 200, rows: 60)
                try session.waitForOutput(ServedPage.title)
                try connection.stopReading()
                reader = try onlyReader(of: server)
                try pageUntilBlocked(session, reader: reader)
            default:  // scrolling fast: 300 keys, one SSH message each, cut while the reader is at them
                let session = try connection.openReader(columns: 200, rows: 60)
                try session.waitForOutput(ServedPage.title)
                reader = try onlyReader(of: server)
                for key in 0..<300 { session.send(key % 2 == 0 ? "j" : " ") }
                _ = ProcessTable.waitUntil(timeout: 1) { Self.activity(of: reader) != "waiting" }
            }
            caught[Self.activity(of: reader), default: 0] += 1
            let endsBefore = Self.sessionEnds(in: server.log).count
            let cut = Date()
            connection.close(abruptly: true)
            XCTAssertTrue(ProcessTable.waitUntil(timeout: Self.readerEndBound) { ProcessTable.entry(reader) == nil },
                          "round \(round): the reader \(reader) was still there \(Self.readerEndBound) s after its client went")
            slowest = max(slowest, Date().timeIntervalSince(cut))
            XCTAssertTrue(ProcessTable.waitUntil(timeout: 5) { Self.sessionEnds(in: server.log).count > endsBefore })
            let ending = Self.sessionEnds(in: server.log).last ?? ""
            XCTAssertTrue(ending.contains("reason=client-left"), String(ending))
            exitStatuses.append(ending.split(separator: " ").first { $0.hasPrefix("exit_status=") }.map { String($0.dropFirst(12)) } ?? "?")
            if round % 4 == 2 {
                // Blocked in write(): once the pty is hung up the write fails and the reader exits by itself.
                XCTAssertEqual(exitStatuses.last, "129", "the blocked reader ended on its hang-up, not killed after 2 s")
            }
        }
        XCTAssertGreaterThanOrEqual(caught["writing", default: 0], (Self.rounds + 1) / 4, "the readers blocked in write(): \(caught)")
        let after = try ProcessResources.settled(server.pid)
        XCTAssertEqual(after.descriptors.count, baseline.descriptors.count, "added: \(after.descriptorsAdded(since: baseline))")
        XCTAssertEqual(after.children, [])
        let next = try openReader(on: server)
        next.1.send("q")
        XCTAssertEqual(try next.1.waitForEnd(), 0, "the next client is served")
        ReliabilityReport.record("mid-frame", "\(Self.rounds) clients reset mid-frame, readers caught \(caught.sorted { $0.key < $1.key }); "
                                 + "exit statuses \(exitStatuses.joined(separator: " ")) (129: the hang-up, 137: killed after 2 s); "
                                 + "slowest reader end \(String(format: "%.2f", slowest)) s; descriptors \(baseline.descriptors.count) before, "
                                 + "\(after.descriptors.count) after")
    }

    /// The log's "session end" lines so far.
    private static func sessionEnds(in log: String) -> [Substring] {
        log.split(separator: "\n").filter { $0.hasSuffix("] session end") }
    }

    /// The one reader process running now.
    private func onlyReader(of server: ServeServer) throws -> pid_t {
        var readers: [pid_t] = []
        _ = ProcessTable.waitUntil(timeout: 5) {
            readers = server.readers
            return readers.count == 1
        }
        guard readers.count == 1 else { throw TestFailure("expected one reader, found \(readers)") }
        return readers[0]
    }

    /// Pages down and up until the reader sits in write() and writes no more: the SSH
    /// window, the sockets and the pty are full. Fails after 20 s.
    private func pageUntilBlocked(_ session: SSHTestSession, reader: pid_t) throws {
        let deadline = Date().addingTimeInterval(20)
        var previous = -1
        var key = 0
        while Date() < deadline {
            for _ in 0..<10 {
                session.send(key % 2 == 0 ? " " : "b")
                key += 1
                usleep(5_000)
            }
            let written = Self.bytesWritten(by: reader)
            if Self.activity(of: reader) == "writing" && written == previous { return }
            previous = written
        }
        throw TestFailure("the reader never blocked in write() (\(previous) bytes written, \(Self.activity(of: reader)))")
    }

    /// Waits until the reader is at work (running, or writing) on what it was asked.
    private func waitUntilBusy(_ reader: pid_t) throws {
        guard ProcessTable.waitUntil(timeout: 5, { Self.activity(of: reader) != "waiting" }) else {
            throw TestFailure("the reader \(reader) did not start on the repaint")
        }
    }

    /// "running" (on a CPU or ready to), "writing" (in write()), or "waiting" (for input).
    private static func activity(of pid: pid_t) -> String {
        if ProcessTable.entry(pid)?.state == "R" { return "running" }
        return systemCall(of: pid) == writeCall ? "writing" : "waiting"
    }

    private static func systemCall(of pid: pid_t) -> Int? {
        (try? String(contentsOfFile: "/proc/\(pid)/syscall", encoding: .utf8))?.split(separator: " ").first.flatMap { Int($0) }
    }

    private static func bytesWritten(by pid: pid_t) -> Int {
        guard let io = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8),
              let line = io.split(separator: "\n").first(where: { $0.hasPrefix("wchar:") }) else { return -2 }
        return Int(line.dropFirst("wchar:".count).trimmingCharacters(in: .whitespaces)) ?? -2
    }
}
