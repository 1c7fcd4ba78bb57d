@testable import PivotServer
import Crypto
import NIOSSH
import XCTest

/// `--authorized-keys` reads OpenSSH's format; RSA lines are set aside for a warning.
final class AuthorizedKeysTests: XCTestCase {
    private let ed25519 = Curve25519.Signing.PrivateKey()
    private let p256 = P256.Signing.PrivateKey()

    private var ed25519Line: String {
        OpenSSHKeyFormat.publicKeyLine(of: ed25519.publicKey) + " alice@laptop"
    }

    private var p256Line: String {
        String(openSSHPublicKey: NIOSSHPrivateKey(p256Key: p256).publicKey) + " bob"
    }

    func testReadsKeysCommentsOptionsAndBlankLines() throws {
        let text = """
            # readers allowed in

            \(ed25519Line)
            restrict,from="10.0.0.0/8",command="echo hi there" \(p256Line)
            ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC carol
            """
        let keys = try AuthorizedKeys(parsing: text)
        XCTAssertEqual(keys.entries.map(\.line), [3, 4])
        XCTAssertEqual(keys.line(of: NIOSSHPrivateKey(ed25519Key: ed25519).publicKey), 3)
        XCTAssertEqual(keys.line(of: NIOSSHPrivateKey(p256Key: p256).publicKey), 4)
        XCTAssertNil(keys.line(of: NIOSSHPrivateKey(ed25519Key: .init()).publicKey))
        XCTAssertEqual(keys.unsupported, [AuthorizedKeys.UnsupportedLine(line: 5, type: "ssh-rsa")])
    }

    func testDamagedLinesAreErrorsWithTheirNumber() {
        XCTAssertThrowsError(try AuthorizedKeys(parsing: "\(ed25519Line)\nssh-ed25519 not-base64!!\n")) { error in
            XCTAssertEqual((error as? AuthorizedKeys.Failure)?.line, 2)
        }
        XCTAssertThrowsError(try AuthorizedKeys(parsing: "hello world\n")) { error in
            XCTAssertEqual((error as? AuthorizedKeys.Failure)?.line, 1)
        }
        XCTAssertThrowsError(try AuthorizedKeys(parsing: "ssh-ed25519\n"))
    }
}
