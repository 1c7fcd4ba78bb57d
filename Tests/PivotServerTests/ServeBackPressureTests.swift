@testable import PivotServer
import Foundation
import Glibc
import Logging
import XCTest

/// A client that stops reading stops the reader: the server reads the pty only while the SSH
/// channel can take more, so nothing piles up in between. The server runs in this process
/// with `yes` as its reader, which writes as fast as it is let.
final class ServeBackPressureTests: ServeTestCase {
    private func bytesWritten(by pid: pid_t) -> Int? {
        guard let io = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8),
              let line = io.split(separator: "\n").first(where: { $0.hasPrefix("wchar:") }) else { return nil }
        return Int(line.dropFirst("wchar:".count).trimmingCharacters(in: .whitespaces))
    }

    func testStalledClientStopsTheReader() throws {
        let yes = "/usr/bin/yes"
        guard FileManager.default.isExecutableFile(atPath: yes) else { throw XCTSkip("no \(yes)") }
        let configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, readerExecutable: yes, readerArguments: ["yes", "flood"],
            plainText: "", authorizedKeys: nil, limits: ServerLimits())
        let server = try PivotSSHServer(configuration: configuration, hostKey: try HostKey.loadOrCreate(at: hostKeyPath),
                                        logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        defer { server.shutDown() }
        let port = try XCTUnwrap(server.localAddress.port)

        let client = try startSSH(port: port, ["-tt", "reader@127.0.0.1"])
        try client.waitForOutput("the flood") { $0.contains("flood\r\nflood") }
        var reader: pid_t?
        XCTAssertTrue(ProcessTable.waitUntil(timeout: 5) {
            reader = ProcessTable.children(of: getpid()).first { ProcessTable.entry($0)?.name == "yes" }
            return reader != nil
        })
        let readerPID = try XCTUnwrap(reader)

        client.kill(SIGSTOP)
        defer { client.kill(SIGCONT) }
        // Once the socket, the SSH window and the pty are full, `yes` must wait.
        var previous = -1
        var settled = false
        for _ in 0..<60 {
            usleep(500_000)
            let now = bytesWritten(by: readerPID) ?? -2
            if now == previous { settled = true; break }
            previous = now
        }
        XCTAssertTrue(settled, "the reader kept writing while its client read nothing (\(previous) bytes)")
        XCTAssertLessThan(previous, 64 * 1_048_576, "far more was taken from the reader than the buffers on the way hold")
        XCTAssertEqual(ProcessTable.entry(readerPID)?.state, "S", "the reader waits in write()")
    }
}
