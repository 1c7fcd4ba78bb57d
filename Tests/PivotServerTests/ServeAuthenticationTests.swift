import Foundation
import PivotTestSupport
import XCTest

/// Anonymous by default; with --authorized-keys only the listed keys log in.
final class ServeAuthenticationTests: ServeTestCase {
    func testAnyoneLogsInWithoutKeyOrPassword() throws {
        let server = try startServer()
        let result = try runSSH(port: server.port, ["-T", "anybody@127.0.0.1"])
        XCTAssertEqual(result.exitStatus, 0, result.stderrText)
        try server.waitForEvent("auth", "method=none", "user=anybody")
    }

    func testOnlyListedKeysLogIn() throws {
        let listed = try makeClientKey("listed")
        let unlisted = try makeClientKey("unlisted")
        let rsa = try makeClientKey("rsa", type: "rsa")
        let keys = try write(publicKey(of: listed) + publicKey(of: rsa), to: "authorized_keys")
        let server = try startServer(["--authorized-keys", keys])
        try server.waitForLog("unsupported key skipped")
        XCTAssertTrue(server.log.contains("type=ssh-rsa"), server.log)

        let accepted = try runSSH(port: server.port, key: listed, ["-T", "reader@127.0.0.1"])
        XCTAssertEqual(accepted.exitStatus, 0, accepted.stderrText)
        XCTAssertTrue(accepted.stdoutText.hasPrefix(ServedPage.title))
        try server.waitForEvent("auth", "method=publickey", "key=line-1")

        for key in [unlisted, rsa] {
            let refused = try runSSH(port: server.port, key: key, ["-T", "reader@127.0.0.1"])
            XCTAssertEqual(refused.exitStatus, 255, "key \(key)")
            XCTAssertTrue(refused.stderrText.contains("Permission denied"), refused.stderrText)
        }
        let withoutKey = try runSSH(port: server.port, ["-T", "reader@127.0.0.1"])
        XCTAssertEqual(withoutKey.exitStatus, 255)
    }

    func testAFileWithoutUsableKeysStopsTheServer() throws {
        let rsa = try makeClientKey("rsa", type: "rsa")
        let keys = try write(publicKey(of: rsa), to: "authorized_keys")
        let result = try ProcessRunner.run(binary, ["serve", "--listen", "127.0.0.1:0", "--host-key", hostKeyPath,
                                                    "--authorized-keys", keys],
                                           environment: TestTools.childEnvironment(), timeout: 20)
        XCTAssertEqual(result.exitStatus, 1)
        XCTAssertTrue(result.stderrText.contains("no Ed25519 or ECDSA key"), result.stderrText)
    }
}
