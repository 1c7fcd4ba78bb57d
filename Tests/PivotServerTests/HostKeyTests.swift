@testable import PivotServer
import Crypto
import Foundation
import PivotTestSupport
import XCTest

/// The host key file: made once with safe modes, the same key afterwards, refused when others
/// could read it, and in OpenSSH's own format both ways.
final class HostKeyTests: XCTestCase {
    private var directory = URL(fileURLWithPath: "/nonexistent")

    override func setUpWithError() throws {
        directory = try TestTools.makeTemporaryDirectory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    func testCreatedOnceWithPrivateModesThenReused() throws {
        let path = directory.appendingPathComponent("a/b/host_ed25519").path
        let first = try HostKey.loadOrCreate(at: path)
        XCTAssertTrue(first.created)
        XCTAssertEqual(try mode(path), 0o600)
        XCTAssertEqual(try mode(directory.appendingPathComponent("a").path), 0o700)
        XCTAssertEqual(try mode(directory.appendingPathComponent("a/b").path), 0o700)
        let second = try HostKey.loadOrCreate(at: path)
        XCTAssertFalse(second.created)
        XCTAssertEqual(first.fingerprint, second.fingerprint)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("a/b").path),
                       ["host_ed25519"], "no temporary file left behind")
    }

    func testRefusesAKeyOthersCanRead() throws {
        let path = directory.appendingPathComponent("host_ed25519").path
        _ = try HostKey.loadOrCreate(at: path)
        for mode in [0o640, 0o604, 0o620, 0o644] {
            chmod(path, mode_t(mode))
            XCTAssertThrowsError(try HostKey.loadOrCreate(at: path), "mode \(String(mode, radix: 8))") { error in
                XCTAssertTrue("\(error)".contains("chmod 600"), "\(error)")
            }
        }
    }

    func testRefusesAKeyOfAnotherUser() throws {
        guard getuid() == 0 else { throw XCTSkip("changing a file's owner needs root") }
        let path = directory.appendingPathComponent("host_ed25519").path
        _ = try HostKey.loadOrCreate(at: path)
        XCTAssertEqual(chown(path, 65534, 65534), 0)
        XCTAssertThrowsError(try HostKey.loadOrCreate(at: path)) { error in
            XCTAssertTrue("\(error)".contains("belongs to user id 65534"), "\(error)")
        }
    }

    func testRefusesSymbolicLinksAndDirectories() throws {
        let real = directory.appendingPathComponent("real").path
        _ = try HostKey.loadOrCreate(at: real)
        let link = directory.appendingPathComponent("link").path
        XCTAssertEqual(symlink(real, link), 0)
        XCTAssertThrowsError(try HostKey.loadOrCreate(at: link)) { XCTAssertTrue("\($0)".contains("symbolic link")) }
        XCTAssertThrowsError(try HostKey.loadOrCreate(at: directory.path)) { XCTAssertTrue("\($0)".contains("not a regular file")) }
    }

    func testRefusesGarbage() throws {
        let path = directory.appendingPathComponent("garbage").path
        _ = FileManager.default.createFile(atPath: path, contents: Data("not a key\n".utf8), attributes: [.posixPermissions: 0o600])
        XCTAssertThrowsError(try HostKey.loadOrCreate(at: path)) { XCTAssertTrue("\($0)".contains("not an OpenSSH private key")) }
    }

    func testFormatRoundTrips() throws {
        let key = Curve25519.Signing.PrivateKey()
        let text = OpenSSHKeyFormat.fileText(of: key)
        XCTAssertTrue(text.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----\n"))
        XCTAssertEqual(try OpenSSHKeyFormat.privateKey(fromFileText: text).rawRepresentation, key.rawRepresentation)
    }

    func testSSHKeygenReadsOurKeyAndWeReadItsKeys() throws {
        let keygen = try TestTools.sshKeygen()
        let ours = directory.appendingPathComponent("ours").path
        let hostKey = try HostKey.loadOrCreate(at: ours)
        let listed = try ProcessRunner.run(keygen, ["-l", "-f", ours], environment: TestTools.childEnvironment())
        XCTAssertEqual(listed.exitStatus, 0, listed.stderrText)
        XCTAssertTrue(listed.stdoutText.contains(hostKey.fingerprint), "ssh-keygen -l: \(listed.stdoutText)")

        let theirs = directory.appendingPathComponent("theirs").path
        let made = try ProcessRunner.run(keygen, ["-q", "-t", "ed25519", "-N", "", "-f", theirs],
                                         environment: TestTools.childEnvironment())
        XCTAssertEqual(made.exitStatus, 0, made.stderrText)
        let loaded = try HostKey.loadOrCreate(at: theirs)
        XCTAssertFalse(loaded.created)
        let theirList = try ProcessRunner.run(keygen, ["-l", "-f", theirs], environment: TestTools.childEnvironment())
        XCTAssertTrue(theirList.stdoutText.contains(loaded.fingerprint), theirList.stdoutText)

        let encrypted = directory.appendingPathComponent("encrypted").path
        _ = try ProcessRunner.run(keygen, ["-q", "-t", "ed25519", "-N", "secret", "-f", encrypted],
                                  environment: TestTools.childEnvironment())
        XCTAssertThrowsError(try HostKey.loadOrCreate(at: encrypted)) { XCTAssertTrue("\($0)".contains("encrypted")) }
        let ecdsa = directory.appendingPathComponent("ecdsa").path
        _ = try ProcessRunner.run(keygen, ["-q", "-t", "ecdsa", "-N", "", "-f", ecdsa], environment: TestTools.childEnvironment())
        XCTAssertThrowsError(try HostKey.loadOrCreate(at: ecdsa)) { XCTAssertTrue("\($0)".contains("only Ed25519")) }
    }

    func testDefaultPathFollowsXDG() {
        XCTAssertEqual(HostKey.defaultPath(stateHome: "/s", home: "/h"), "/s/pivot-tui/host_ed25519")
        XCTAssertEqual(HostKey.defaultPath(stateHome: "relative", home: "/h"), "/h/.local/state/pivot-tui/host_ed25519")
        XCTAssertNil(HostKey.defaultPath(stateHome: nil, home: nil))
    }
}
