import Foundation
import PivotTestSupport
import Glibc
import XCTest

/// Debian's sshd on 127.0.0.1 and a free port, for the ForceCommand tests: a throwaway host key
/// and client key in the test's folder, and the deployment guide's `Match User` block around
/// the forced command. Starts as root only (sshd needs it).
struct OpenSSHDaemon {
    let process: SpawnedProcess
    let port: Int
    let clientKey: String
    let user: String

    static func start(forcedCommand: String, in test: ServeTestCase) throws -> OpenSSHDaemon {
        let sshdPath = try TestTools.sshd()
        guard getuid() == 0 else { throw XCTSkip("sshd must start as root") }
        guard let name = getpwuid(getuid())?.pointee.pw_name else { throw XCTSkip("no user name") }
        let user = String(cString: name)
        // Debian's sshd insists on its privilege separation directory.
        if !FileManager.default.fileExists(atPath: "/run/sshd") {
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        }
        let hostKey = test.path("ssh_host_ed25519_key")
        let keygen = try ProcessRunner.run(try TestTools.sshKeygen(), ["-q", "-t", "ed25519", "-N", "", "-f", hostKey],
                                           environment: TestTools.childEnvironment())
        XCTAssertEqual(keygen.exitStatus, 0, keygen.stderrText)
        let clientKey = try test.makeClientKey("client")
        try test.write(test.publicKey(of: clientKey), to: "authorized_keys")

        let port = try freeLoopbackPort()
        let config = try test.write("""
            ListenAddress 127.0.0.1
            Port \(port)
            HostKey \(hostKey)
            PidFile \(test.path("sshd.pid"))
            UsePAM no
            # The test directory is under /tmp, which StrictModes would reject.
            StrictModes no
            AuthorizedKeysFile \(test.path("authorized_keys"))
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            PermitUserEnvironment no
            LoginGraceTime 20
            LogLevel VERBOSE

            Match User \(user)
                ForceCommand \(forcedCommand)
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
        try daemon.waitForOutput("sshd to listen") { $0.contains("Server listening on 127.0.0.1 port \(port)") }
        return OpenSSHDaemon(process: daemon, port: port, clientKey: clientKey, user: user)
    }

    /// Ends sshd and whatever it left running.
    func stop() {
        let left = ProcessTable.descendants(of: process.pid)
        process.kill(SIGTERM)
        if process.wait(timeout: 5) == nil { process.kill(SIGKILL); _ = process.wait(timeout: 5) }
        left.forEach { kill($0, SIGKILL) }
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
