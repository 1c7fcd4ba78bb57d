import Foundation
import Glibc
import XCTest
import PivotTestSupport

/// Clients that are not SSH clients: garbage before the version line, an HTTP request, a
/// line or a version line of 1 MB, a TLS hello, a valid version line followed by a packet
/// claiming 4 GiB; and clients that say nothing at all. Each costs only its own connection:
/// the server drops a garbage connection at once (long before the login grace), serves a
/// normal `ssh` client while the silent ones wait and right after, and gives every
/// descriptor back.
final class ServeHostileClientTests: ServeTestCase {
    static let silentClients = 5
    /// Well under the login grace (30 s): a garbage connection is dropped for its garbage.
    static let dropBound: TimeInterval = 10

    static func garbage() -> [(name: String, bytes: [UInt8])] {
        var random = SeededGenerator(state: 20_261_125)
        let randomBytes = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &random) }
        let megabyte = [UInt8](repeating: UInt8(ascii: "A"), count: 1_048_576)
        return [
            ("64 KiB of random bytes", randomBytes),
            ("an HTTP request", Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: curl/8.0\r\nAccept: */*\r\n\r\n".utf8)),
            ("a 1 MB line without a newline", megabyte),
            ("a 1 MB version line", Array("SSH-2.0-".utf8) + megabyte + Array("\r\n".utf8)),
            ("a TLS client hello", [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03] + randomBytes.prefix(512)),
            ("a version line, then a packet of 4 GiB", Array("SSH-2.0-OpenSSH_9.2\r\n".utf8) + [0xFF, 0xFF, 0xFF, 0xFF] + randomBytes.prefix(1024)),
            ("a version line of another protocol", Array("SSH-1.5-Ancient\r\n".utf8)),
            ("a lone line feed", [0x0A]),
            ("64 KiB of NUL bytes", [UInt8](repeating: 0, count: 65_536)),
        ]
    }

    func testGarbageBeforeTheBannerCostsOnlyItsConnection() throws {
        let server = try startServer(["--max-per-address", "16"])
        XCTAssertEqual(try runSSH(port: server.port, ["-T", "reader@127.0.0.1"]).exitStatus, 0)
        let baseline = try ProcessResources.settled(server.pid)

        let silent = try (0..<Self.silentClients).map { _ in try connectWhenListening(port: server.port) }
        defer { silent.forEach { close($0) } }
        var slowest = 0.0
        var bytesSent = 0
        for (name, bytes) in Self.garbage() {
            let connection = try connectWhenListening(port: server.port)
            defer { close(connection) }
            let started = Date()
            bytesSent += send(bytes, to: connection)
            let received = readUntilClosed(connection, timeout: Self.dropBound)
            let elapsed = Date().timeIntervalSince(started)
            slowest = max(slowest, elapsed)
            XCTAssertFalse(String(decoding: received, as: UTF8.self).hasSuffix("<still open>"),
                           "\(name): the connection was still open after \(Self.dropBound) s")
            XCTAssertTrue(received.starts(with: Array("SSH-2.0-".utf8)), "\(name): the server's version line first")
        }
        XCTAssertTrue(ProcessTable.isRunning(server.pid))
        XCTAssertEqual(try ProcessResources.settled(server.pid).descriptors.count, baseline.descriptors.count + Self.silentClients,
                       "the silent clients hold a descriptor each, the garbage ones none")

        // While the silent clients still wait: a plain session and a reader.
        let plain = try runSSH(port: server.port, ["-T", "reader@127.0.0.1"])
        XCTAssertEqual(plain.exitStatus, 0, plain.stderrText)
        XCTAssertTrue(plain.stdoutText.hasPrefix(ServedPage.title))
        let reader = try startSSH(port: server.port, ["-tt", "reader@127.0.0.1"])
        try reader.waitForOutput("the first paint") { $0.contains(ServedPage.title) }
        reader.killGroup(SIGKILL)

        silent.forEach { close($0) }
        let after = try ProcessResources.settled(server.pid)
        XCTAssertEqual(after.descriptors.count, baseline.descriptors.count, "added: \(after.descriptorsAdded(since: baseline))")
        XCTAssertEqual(after.children, [])
        XCTAssertEqual(try runSSH(port: server.port, ["-T", "reader@127.0.0.1"]).exitStatus, 0, "served right after")
        ReliabilityReport.record("pre-banner", "\(Self.garbage().count) kinds of garbage, \(bytesSent) bytes sent before the hang-ups, "
                                 + "slowest drop \(String(format: "%.2f", slowest)) s; \(Self.silentClients) silent clients waited meanwhile")
    }

    /// Sends what the server takes before it hangs up; returns the count. No SIGPIPE, and a
    /// server that stops reading cannot block the test for more than a few seconds.
    private func send(_ bytes: [UInt8], to connection: Int32) -> Int {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { break }
            offset += sent
        }
        return offset
    }
}
