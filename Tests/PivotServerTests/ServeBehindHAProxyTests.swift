import Foundation
import Glibc
import PivotTestSupport
import XCTest

/// Two `serve` instances with one host key behind a real HAProxy sending PROXY v2 headers:
/// sessions spread over both, the per-address limit counts the real client, a killed
/// instance's sessions end and new ones go to the other; and a forged header from anywhere
/// but a trusted balancer is dropped at once.
final class ServeBehindHAProxyTests: ServeTestCase {
    private func startPair(_ arguments: [String] = []) throws -> (ServeServer, ServeServer, HAProxy) {
        let first = try startServer(["--proxy-protocol"] + arguments)
        let second = try startServer(["--proxy-protocol"] + arguments)
        let balancer = try HAProxy(backends: [first.port, second.port], directory: directory)
        // Both checked up before clients come (HAProxy's first checks run at start).
        usleep(700_000)
        return (first, second, balancer)
    }

    /// `ssh -tt` from `source` (an address on 127.0.0.0/8) through the balancer.
    private func startSession(_ balancer: HAProxy, from source: String = "127.0.0.1") throws -> SpawnedProcess {
        try startSSH(port: balancer.port, ["-tt", "-b", source, "reader@127.0.0.1"])
    }

    func testTwentySessionsReachTheFirstPaintSpreadOverBothInstances() throws {
        _ = try TestTools.haproxy()
        let (first, second, balancer) = try startPair(["--max-per-address", "20"])
        let clients = try (0..<20).map { _ in try startSession(balancer) }
        for client in clients {
            try client.waitForOutput("the first paint through the balancer", timeout: 30) { $0.contains(ServedPage.title) }
        }
        XCTAssertEqual(first.readers.count + second.readers.count, 20)
        XCTAssertGreaterThanOrEqual(first.readers.count, 5, "leastconn spreads them")
        XCTAssertGreaterThanOrEqual(second.readers.count, 5, "leastconn spreads them")
        // Each instance logged its sessions' starts (HAProxy's health checks are LOCAL: no session).
        let starts = (first.log + second.log).split(separator: "\n").filter { $0.hasSuffix("] session start") }
        XCTAssertEqual(starts.count, 20)
    }

    func testThePerAddressLimitCountsTheRealClient() throws {
        _ = try TestTools.haproxy()
        let (first, second, balancer) = try startPair(["--max-per-address", "2", "--login-grace", "2"])
        // Two a instance from 127.0.0.2: four in all.
        let admitted = try (0..<4).map { _ in try startSession(balancer, from: "127.0.0.2") }
        for client in admitted {
            try client.waitForOutput("the first paint", timeout: 30) { $0.contains(ServedPage.title) }
        }
        let fifth = try runSSH(port: balancer.port, ["-tt", "-b", "127.0.0.2", "reader@127.0.0.1"])
        XCTAssertEqual(fifth.exitStatus, 1, fifth.stderrText)
        XCTAssertTrue(fifth.stderrText.contains("too many sessions from your address"), fifth.stderrText)
        // Another client is not counted with them (without the header, every session would be
        // HAProxy's 127.0.0.1 and this one refused too).
        let other = try startSession(balancer, from: "127.0.0.3")
        try other.waitForOutput("the first paint of another address", timeout: 30) { $0.contains(ServedPage.title) }
        let logs = first.log + second.log
        XCTAssertTrue(logs.contains("127.0.0.2:") && logs.contains("127.0.0.3:"), "the real addresses in the logs")
        // A connection through the balancer that never logs in has the login grace, as any.
        let idle = try connectWhenListening(port: balancer.port)
        defer { close(idle) }
        let started = Date()
        let received = readUntilClosed(idle, timeout: 10)
        XCTAssertTrue(String(decoding: received, as: UTF8.self).hasPrefix("SSH-2.0-"), "the server's banner through the balancer")
        XCTAssertLessThan(Date().timeIntervalSince(started), 6, "cut after the 2 s grace")
    }

    func testAKilledInstancesSessionsEndAndNewOnesGoToTheOther() throws {
        _ = try TestTools.haproxy()
        let (first, second, balancer) = try startPair(["--max-per-address", "20"])
        let clients = try (0..<6).map { _ in try startSession(balancer) }
        for client in clients {
            try client.waitForOutput("the first paint", timeout: 30) { $0.contains(ServedPage.title) }
        }
        let victims = first.readers.count
        XCTAssertGreaterThan(victims, 0)
        first.process.kill(SIGKILL)
        _ = first.process.wait(timeout: 5)
        // Its sessions end: the balancer closes their client side.
        let deadline = Date().addingTimeInterval(15)
        while clients.filter({ $0.poll() != nil }).count < victims && Date() < deadline { usleep(100_000) }
        XCTAssertEqual(clients.filter { $0.poll() != nil }.count, victims, "the killed instance's sessions ended")
        // Every new session reaches the first paint, on the other instance.
        let later = try (0..<5).map { _ in try startSession(balancer) }
        for client in later {
            try client.waitForOutput("a first paint after the kill", timeout: 30) { $0.contains(ServedPage.title) }
        }
        XCTAssertEqual(second.readers.count, 6 - victims + 5)
    }

    /// HAProxy checks `/healthz`: an instance told to drain (SIGUSR2) answers 503 and gets no
    /// new session, while the sessions it has go on; the other takes every new one.
    func testADrainingInstanceGetsNoNewSessions() throws {
        _ = try TestTools.haproxy()
        let first = try startServer(["--proxy-protocol", "--metrics", "127.0.0.1:0"])
        let second = try startServer(["--proxy-protocol", "--metrics", "127.0.0.1:0"])
        let ports = try [first, second].map { server -> Int in
            let line = try server.waitForEvent("metrics listening")
            return Int(line.split(separator: " ").first { $0.hasPrefix("port=") }!.dropFirst("port=".count))!
        }
        let balancer = try HAProxy(backends: [first.port, second.port], healthPorts: ports, directory: directory)
        usleep(700_000)
        let before = try (0..<4).map { _ in try startSession(balancer) }
        for client in before { try client.waitForOutput("the first paint", timeout: 30) { $0.contains(ServedPage.title) } }
        let draining = first.readers.count
        XCTAssertGreaterThan(draining, 0)
        first.process.kill(SIGUSR2)
        try first.waitForEvent("draining")
        usleep(800_000)  // HAProxy's next checks see 503
        let after = try (0..<4).map { _ in try startSession(balancer) }
        for client in after { try client.waitForOutput("a first paint during the drain", timeout: 30) { $0.contains(ServedPage.title) } }
        XCTAssertEqual(first.readers.count, draining, "no new session on the draining instance; its own go on")
        XCTAssertEqual(second.readers.count, 8 - draining)
    }

    /// A client that writes a PROXY header itself, from an address that is not a trusted
    /// balancer, is dropped at once: no banner, no session, whatever the header claims.
    func testAForgedHeaderFromAnUntrustedPeerIsDroppedAtOnce() throws {
        let server = try startServer(["--proxy-protocol", "--proxy-from", "10.9.9.0/24"])
        let connection = try connectWhenListening(port: server.port)
        defer { close(connection) }
        let header = Array("PROXY TCP4 203.0.113.9 127.0.0.1 4242 22\r\nSSH-2.0-OpenSSH_9.2\r\n".utf8)
        _ = header.withUnsafeBytes { Glibc.write(connection, $0.baseAddress, $0.count) }
        let started = Date()
        let received = readUntilClosed(connection, timeout: 5)
        XCTAssertEqual(received.count, 0, "not even the server's banner: \(String(decoding: received, as: UTF8.self))")
        XCTAssertLessThan(Date().timeIntervalSince(started), 1, "at once")
        try server.waitForEvent("dropped", "peer=127.0.0.1")
        XCTAssertFalse(server.log.contains("203.0.113.9"), "the claimed address is never taken")
    }

    /// From a trusted peer, a connection without a header (a client that bypassed the
    /// balancer), or one whose header does not come, is dropped too.
    func testMissingAndSlowHeadersAreDropped() throws {
        let server = try startServer(["--proxy-protocol"])
        let direct = try connectWhenListening(port: server.port)
        defer { close(direct) }
        _ = Array("SSH-2.0-OpenSSH_9.2\r\n".utf8).withUnsafeBytes { Glibc.write(direct, $0.baseAddress, $0.count) }
        XCTAssertEqual(readUntilClosed(direct, timeout: 5).count, 0, "an SSH banner is no PROXY header")
        let silent = try connectWhenListening(port: server.port)
        defer { close(silent) }
        let started = Date()
        XCTAssertEqual(readUntilClosed(silent, timeout: 10).count, 0)
        let waited = Date().timeIntervalSince(started)
        XCTAssertGreaterThanOrEqual(waited, 2.5, "the header has 3 s")
        XCTAssertLessThan(waited, 6, "and no more")
        try server.waitForEvent("dropped", "reason=no PROXY header within 3 s")
        // And ssh straight to it, bypassing the balancer, gets nothing.
        XCTAssertNotEqual(try runSSH(port: server.port, ["-T", "reader@127.0.0.1", "plain"], timeout: 15).exitStatus, 0)
    }
}
