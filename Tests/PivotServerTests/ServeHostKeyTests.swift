import Foundation
import PivotTestSupport
import XCTest

/// Readers see the same host key after a restart; an unsafe key file stops the server.
final class ServeHostKeyTests: ServeTestCase {
    private func scanHostKey(port: Int) throws -> String {
        let result = try ProcessRunner.run(try TestTools.sshKeyscan(), ["-t", "ed25519", "-p", "\(port)", "127.0.0.1"],
                                           environment: TestTools.childEnvironment())
        let line = result.stdoutText.split(separator: "\n").first { $0.contains("ssh-ed25519") }
        guard let key = line?.split(separator: " ").dropFirst().joined(separator: " ") else {
            throw TestFailure("ssh-keyscan found no key: \(result.stderrText)")
        }
        return key
    }

    func testHostKeyIsTheSameAfterARestart() throws {
        let first = try startServer()
        try first.waitForLog("created host key")
        let before = try scanHostKey(port: first.port)
        XCTAssertEqual(first.stop()?.status, 0)

        let second = try startServer()
        XCTAssertFalse(second.log.contains("created host key"), second.log)
        XCTAssertEqual(try scanHostKey(port: second.port), before)

        let attributes = try FileManager.default.attributesOfItem(atPath: hostKeyPath)
        XCTAssertEqual(attributes[.posixPermissions] as? Int, 0o600)
        let keygen = try ProcessRunner.run(try TestTools.sshKeygen(), ["-y", "-f", hostKeyPath],
                                           environment: TestTools.childEnvironment())
        XCTAssertTrue(keygen.stdoutText.hasPrefix(before), "ssh-keygen -y reads the same key: \(keygen.stdoutText)")
    }

    func testReadableHostKeyStopsTheServer() throws {
        _ = try startServer().stop()
        chmod(hostKeyPath, 0o644)
        let result = try ProcessRunner.run(binary, ["serve", "--listen", "127.0.0.1:0", "--host-key", hostKeyPath],
                                           environment: TestTools.childEnvironment(), timeout: 20)
        XCTAssertEqual(result.exitStatus, 1)
        XCTAssertTrue(result.stderrText.contains("has permissions 644"), result.stderrText)
        XCTAssertTrue(result.stderrText.contains("chmod 600"), result.stderrText)
    }
}
