import Foundation
import PivotTestSupport
import Glibc
import XCTest

/// The bounds of `pivot-tui serve`: sessions in all and per address, the login grace, the
/// input-idle timeout, and many readers at once.
final class ServeLimitTests: ServeTestCase {
    /// `ssh -tt` with empty input: a reader session without a terminal of ours; the first
    /// paint is the title in the bytes it receives.
    private func startReaderSession(port: Int) throws -> SpawnedProcess {
        try startSSH(port: port, ["-tt", "reader@127.0.0.1"])
    }

    func testReaderBeyondMaxSessionsIsToldTheServerIsFull() throws {
        let server = try startServer(["--max-sessions", "2"])
        let first = try startReaderSession(port: server.port)
        let second = try startReaderSession(port: server.port)
        for client in [first, second] {
            try client.waitForOutput("the first paint") { $0.contains(ServedPage.title) }
        }
        let third = try runSSH(port: server.port, ["-tt", "reader@127.0.0.1"])
        XCTAssertEqual(third.exitStatus, 1, third.stderrText)
        XCTAssertTrue(third.stderrText.contains("pivot-tui: the server is full, try again later"), third.stderrText)
        XCTAssertFalse(third.stdoutText.contains(ServedPage.title))
        try server.waitForEvent("refused", "limit=max-sessions")
        XCTAssertEqual(server.readers.count, 2)

        // A place that frees up is given to the next reader.
        first.killGroup(SIGKILL)
        XCTAssertTrue(ProcessTable.waitUntil(timeout: 10) { server.readers.count == 1 }, server.log)
        let fourth = try runSSH(port: server.port, ["-T", "reader@127.0.0.1"])
        XCTAssertEqual(fourth.exitStatus, 0, fourth.stderrText)
    }

    func testReaderBeyondMaxPerAddressIsTold() throws {
        let server = try startServer(["--max-per-address", "1"])
        let first = try startReaderSession(port: server.port)
        try first.waitForOutput("the first paint") { $0.contains(ServedPage.title) }
        let second = try runSSH(port: server.port, ["-T", "reader@127.0.0.1"])
        XCTAssertEqual(second.exitStatus, 1)
        XCTAssertTrue(second.stderrText.contains("too many sessions from your address"), second.stderrText)
    }

    func testSilentConnectionIsDroppedAfterTheLoginGrace() throws {
        let server = try startServer(["--login-grace", "1"])
        let started = Date()
        let connection = try connectWhenListening(port: server.port)
        defer { close(connection) }
        let received = readUntilClosed(connection)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertTrue(String(decoding: received, as: UTF8.self).hasPrefix("SSH-2.0-"), "the server's version line")
        XCTAssertFalse(String(decoding: received, as: UTF8.self).contains("<still open>"), "the connection stayed open")
        XCTAssertGreaterThanOrEqual(elapsed, 0.9, "dropped before the grace was over")
        XCTAssertLessThan(elapsed, 5, "the grace is 1 s")
        try server.waitForEvent("login grace over")
        // The server goes on serving.
        XCTAssertEqual(try runSSH(port: server.port, ["-T", "reader@127.0.0.1"]).exitStatus, 0)
    }

    func testIdleReaderIsToldAndDisconnected() throws {
        let server = try startServer(["--idle-timeout", "2"])
        let terminal = try startTerminal(port: server.port)
        try waitForReader(terminal)
        // The fixture page has no animation; the reader's own output would not count anyway.
        let status = try waitForExitStatus(terminal, timeout: 20)
        let screen = try terminal.capture()
        XCTAssertTrue(screen.containsText("pivot-tui: no key pressed for 2 seconds; the session has ended"),
                      screen.joined(separator: "\n"))
        XCTAssertEqual(status, "129", "the reader was hung up")
        try server.waitForEvent("session end", "reason=idle")
        XCTAssertTrue(ProcessTable.waitUntil(timeout: 5) { server.readers.isEmpty })
    }

    func testKeysKeepASessionAlive() throws {
        let server = try startServer(["--idle-timeout", "2"])
        let terminal = try startTerminal(port: server.port)
        try waitForReader(terminal)
        for _ in 0..<8 {
            usleep(500_000)
            try terminal.sendKeys("j")
        }
        XCTAssertFalse(try terminal.capture().containsText("SSH_EXIT="), "a reader pressing keys was cut off")
        XCTAssertFalse(server.log.contains("reason=idle"))
    }

    func testTwentyConcurrentReadersAllSeeTheFirstPaint() throws {
        let server = try startServer(["--max-sessions", "30", "--max-per-address", "30"])
        let readers = try (0..<15).map { _ in try startReaderSession(port: server.port) }
        let plain = try (0..<5).map { _ in try startSSH(port: server.port, ["-T", "reader@127.0.0.1"]) }
        for client in readers + plain {
            try client.waitForOutput("the first paint", timeout: 60) { $0.contains(ServedPage.title) }
        }
        for client in plain {
            XCTAssertEqual(client.wait(timeout: 30)?.status, 0, client.errorText)
        }
        XCTAssertEqual(server.readers.count, 15)
        readers.forEach { $0.killGroup(SIGKILL) }
        XCTAssertTrue(ProcessTable.waitUntil(timeout: 10) { server.readers.isEmpty },
                      "readers left after their clients went: \(server.readers)")
    }
}
