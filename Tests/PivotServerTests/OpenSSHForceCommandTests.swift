import Foundation
import PivotTestSupport
import Glibc
import XCTest

/// The reader as OpenSSH's ForceCommand (docs/deploy/openssh.md): Debian's sshd on 127.0.0.1
/// and a free port, with a throwaway host key and client key, the forced command being the
/// built binary, and the policy of the deployment guide in a `Match User` block.
final class OpenSSHForceCommandTests: ServeTestCase {
    private var daemon: OpenSSHDaemon?
    private var sshd: SpawnedProcess? { daemon?.process }
    private var sshdPort: Int { daemon?.port ?? 0 }
    private var clientKey: String { daemon?.clientKey ?? "" }
    private var user: String { daemon?.user ?? "" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        let page = try write(ServedPage.text, to: "served.md")
        daemon = try OpenSSHDaemon.start(forcedCommand: "\(binary) \(page)", in: self)
    }

    override func tearDown() {
        daemon?.stop()
        daemon = nil
        super.tearDown()
    }

    /// The reader processes under sshd: sshd forks per connection, then the user's shell runs
    /// the forced command (bash execs it directly).
    private var readers: [pid_t] {
        guard let sshd else { return [] }
        return ProcessTable.descendants(of: sshd.pid).filter { ProcessTable.entry($0)?.name == "pivot-tui" }
    }

    func testReaderUnderForceCommandReadsResizesAndQuits() throws {
        let terminal = try startTerminal(port: sshdPort, key: clientKey, user: user)
        try waitForReader(terminal)
        try terminal.resize(width: 50, height: 15)
        try terminal.waitForScreen("the reader redrew at 50x15") { screen in
            screen.count == 15 && screen.allSatisfy { $0.count <= 50 }
                && (screen.first ?? "").trimmingCharacters(in: .whitespaces).hasPrefix(ServedPage.title)
                && (screen.last ?? "").contains("?: help")
        }
        try terminal.sendKeys("q")
        XCTAssertEqual(try waitForExitStatus(terminal), "0")
    }

    func testDroppedConnectionEndsTheReaderWithinTwoSeconds() throws {
        let terminal = try startTerminal(port: sshdPort, key: clientKey, user: user)
        try waitForReader(terminal)
        let reader = try XCTUnwrap(readers.first, "the reader under sshd")
        XCTAssertEqual(kill(try sshProcess(in: terminal), SIGKILL), 0)
        XCTAssertTrue(ProcessTable.waitUntil(timeout: 2) { !ProcessTable.isRunning(reader) },
                      "the reader \(reader) outlived its connection by more than 2 s")
        let sshdPID = try XCTUnwrap(sshd?.pid)
        XCTAssertTrue(ProcessTable.waitUntil(timeout: 2) { ProcessTable.descendants(of: sshdPID).isEmpty },
                      "left behind under sshd: \(ProcessTable.descendants(of: sshdPID))")
    }

    func testCommandsArePlainTextAndRunNothing() throws {
        let marker = path("MARKER")
        let plain = try runSSH(port: sshdPort, key: clientKey, ["\(user)@127.0.0.1", "plain"])
        XCTAssertEqual(plain.exitStatus, 0, plain.stderrText)
        XCTAssertTrue(plain.stdoutText.hasPrefix(ServedPage.title), plain.stdoutText)
        let command = try runSSH(port: sshdPort, key: clientKey, ["\(user)@127.0.0.1", "touch \(marker)"])
        XCTAssertEqual(command.exitStatus, 0, "the forced command runs instead: \(command.stderrText)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "the client's command ran")
        let noTerminal = try runSSH(port: sshdPort, key: clientKey, ["-T", "\(user)@127.0.0.1"])
        XCTAssertTrue(noTerminal.stdoutText.hasPrefix(ServedPage.title))
        XCTAssertFalse(noTerminal.stdout.contains(0x1b))
    }

    func testForwardingIsDisabled() throws {
        let stdio = try runSSH(port: sshdPort, key: clientKey, ["-W", "127.0.0.1:\(sshdPort)", "\(user)@127.0.0.1"])
        XCTAssertNotEqual(stdio.exitStatus, 0)
        let remote = try runSSH(port: sshdPort, key: clientKey, ["-N", "-o", "ExitOnForwardFailure=yes",
                                                                 "-R", "127.0.0.1:0:127.0.0.1:\(sshdPort)", "\(user)@127.0.0.1"])
        XCTAssertEqual(remote.exitStatus, 255, remote.stderrText)
        XCTAssertTrue(remote.stderrText.contains("remote port forwarding failed"), remote.stderrText)
    }
}
