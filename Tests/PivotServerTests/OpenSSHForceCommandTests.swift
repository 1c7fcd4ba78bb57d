import Foundation
import Glibc
import XCTest

/// The reader as OpenSSH's ForceCommand (docs/deploy/openssh.md): Debian's sshd on 127.0.0.1
/// and a free port, with a throwaway host key and client key, the forced command being the
/// built binary, and the policy of the deployment guide in a `Match User` block.
final class OpenSSHForceCommandTests: ServeTestCase {
    private var sshd: SpawnedProcess?
    private var sshdPort = 0
    private var clientKey = ""
    private var user = ""

    override func setUpWithError() throws {
        try super.setUpWithError()
        let sshdPath = try TestTools.sshd()
        guard getuid() == 0 else { throw XCTSkip("sshd must start as root") }
        guard let name = getpwuid(getuid())?.pointee.pw_name else { throw XCTSkip("no user name") }
        user = String(cString: name)
        // Debian's sshd insists on its privilege separation directory.
        if !FileManager.default.fileExists(atPath: "/run/sshd") {
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        }
        let hostKey = path("ssh_host_ed25519_key")
        let keygen = try ProcessRunner.run(try TestTools.sshKeygen(), ["-q", "-t", "ed25519", "-N", "", "-f", hostKey],
                                           environment: TestTools.childEnvironment())
        XCTAssertEqual(keygen.exitStatus, 0, keygen.stderrText)
        clientKey = try makeClientKey("client")
        try write(publicKey(of: clientKey), to: "authorized_keys")
        let page = try write(ServedPage.text, to: "served.md")

        sshdPort = try freeLoopbackPort()
        let config = try write("""
            ListenAddress 127.0.0.1
            Port \(sshdPort)
            HostKey \(hostKey)
            PidFile \(path("sshd.pid"))
            UsePAM no
            # The test directory is under /tmp, which StrictModes would reject.
            StrictModes no
            AuthorizedKeysFile \(path("authorized_keys"))
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            PermitUserEnvironment no
            LoginGraceTime 20
            LogLevel VERBOSE

            Match User \(user)
                ForceCommand \(binary) \(page)
                DisableForwarding yes
                PermitTunnel no
                PermitTTY yes
                PermitUserRC no
                MaxSessions 1
                ClientAliveInterval 30
                ClientAliveCountMax 3

            """, to: "sshd_config")
        let check = try ProcessRunner.run(sshdPath, ["-t", "-f", config], environment: TestTools.childEnvironment())
        XCTAssertEqual(check.exitStatus, 0, "sshd -t: \(check.stderrText)")
        let daemon = try SpawnedProcess(sshdPath, ["-D", "-e", "-f", config], environment: TestTools.childEnvironment())
        sshd = daemon
        try daemon.waitForOutput("sshd to listen") { $0.contains("Server listening on 127.0.0.1 port \(self.sshdPort)") }
    }

    override func tearDown() {
        if let sshd {
            let left = ProcessTable.descendants(of: sshd.pid)
            sshd.kill(SIGTERM)
            if sshd.wait(timeout: 5) == nil { sshd.kill(SIGKILL); _ = sshd.wait(timeout: 5) }
            left.forEach { kill($0, SIGKILL) }
        }
        sshd = nil
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

/// A port nothing listens on now (bound, read, released: another program could take it in
/// between, which the caller's start would then report).
func freeLoopbackPort() throws -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
    }
    guard bound else { throw TestFailure("no free port") }
    return Int(UInt16(bigEndian: address.sin_port))
}
