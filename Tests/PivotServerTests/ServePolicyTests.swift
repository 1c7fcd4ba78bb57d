import Foundation
import PivotTestSupport
import Glibc
import XCTest

/// What a remote reader may do with `pivot-tui serve`: read the page, as a reader or as text.
/// Commands, subsystems, forwarding and client environment change nothing.
final class ServePolicyTests: ServeTestCase {
    func testNoTerminalGetsThePlainTextAndStatusZero() throws {
        let server = try startServer()
        let result = try runSSH(port: server.port, ["-T", "reader@127.0.0.1"])
        XCTAssertEqual(result.exitStatus, 0, result.stderrText)
        XCTAssertTrue(result.stdoutText.hasPrefix(ServedPage.title), result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains(ServedPage.bodyText), result.stdoutText)
        XCTAssertFalse(result.stdout.contains(0x1b), "plain text has no escape sequences")
        XCTAssertEqual(server.readers, [], "no reader process for a plain session")
    }

    func testExecPlainGetsThePlainText() throws {
        let server = try startServer()
        let result = try runSSH(port: server.port, ["reader@127.0.0.1", "plain"])
        XCTAssertEqual(result.exitStatus, 0, result.stderrText)
        XCTAssertTrue(result.stdoutText.hasPrefix(ServedPage.title), result.stdoutText)
        XCTAssertFalse(result.stdoutText.contains("\r"), "no terminal, so no carriage returns")
    }

    func testOtherCommandsAreRefusedAndRunNothing() throws {
        let server = try startServer()
        let marker = path("MARKER")
        for command in ["ls", "touch \(marker)", "sh -c 'touch \(marker)'"] {
            let result = try runSSH(port: server.port, ["reader@127.0.0.1", command])
            XCTAssertEqual(result.exitStatus, 1, "\(command): \(result.stderrText)")
            XCTAssertEqual(result.stdoutText, "", command)
            XCTAssertTrue(result.stderrText.contains("pivot-tui: commands are not run here"), result.stderrText)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "a refused command ran")
        XCTAssertEqual(server.readers, [])
        try server.waitForEvent("refused", "exec=touch?\(marker)")
    }

    func testSubsystemsAreRefused() throws {
        let server = try startServer()
        let result = try runSSH(port: server.port, ["-s", "reader@127.0.0.1", "sftp"])
        XCTAssertNotEqual(result.exitStatus, 0)
        XCTAssertTrue(result.stderrText.contains("subsystem request failed"), result.stderrText)
        try server.waitForEvent("refused", "subsystem=sftp")
    }

    func testLocalForwardingIsRefused() throws {
        let server = try startServer()
        // -W asks for a direct-tcpip channel at once, as -L does for each connection.
        let stdio = try runSSH(port: server.port, ["-W", "127.0.0.1:\(server.port)", "reader@127.0.0.1"])
        XCTAssertNotEqual(stdio.exitStatus, 0)
        XCTAssertTrue(stdio.stderrText.contains("stdio forwarding failed"), stdio.stderrText)

        let localPort = try freeLoopbackPort()
        let forwarder = try startSSH(port: server.port, logLevel: "INFO", ["-N", "-o", "ExitOnForwardFailure=yes",
                                                         "-L", "127.0.0.1:\(localPort):127.0.0.1:\(server.port)",
                                                         "reader@127.0.0.1"])
        let connection = try connectWhenListening(port: localPort)
        defer { close(connection) }
        XCTAssertEqual(readUntilClosed(connection), Data(), "the forwarded connection must carry nothing")
        try forwarder.waitForOutput("ssh to report the refusal") { $0.contains("open failed") }
        try server.waitForEvent("refused", "channel=direct-tcpip")
    }

    func testRemoteForwardingIsRefused() throws {
        let server = try startServer()
        let result = try runSSH(port: server.port, ["-N", "-o", "ExitOnForwardFailure=yes",
                                                    "-R", "127.0.0.1:0:127.0.0.1:\(server.port)", "reader@127.0.0.1"])
        XCTAssertEqual(result.exitStatus, 255)
        XCTAssertTrue(result.stderrText.contains("remote port forwarding failed"), result.stderrText)
        try server.waitForEvent("refused", "request=tcpip-forward")
    }

    func testAgentForwardingAndClientEnvironmentChangeNothing() throws {
        let server = try startServer()
        let agentSocket = path("agent.sock")
        let agent = try SpawnedProcess(try TestTools.sshAgent(), ["-D", "-a", agentSocket], environment: TestTools.childEnvironment())
        defer { agent.kill(SIGTERM); _ = agent.wait(timeout: 5) }
        XCTAssertTrue(ProcessTable.waitUntil(timeout: 5) { FileManager.default.fileExists(atPath: agentSocket) })

        let reader = try startSSH(port: server.port,
                                  ["-tt", "-A", "-o", "IdentityAgent=\(agentSocket)",
                                   "-o", "SetEnv=LD_PRELOAD=/tmp/evil.so PIVOT_TUI_NO_ANIMATION=1 PIVOT_TUI_GRAPHICS=../x",
                                   "-o", "SendEnv=*", "reader@127.0.0.1"],
                                  environment: TestTools.childEnvironment(["TERM": "../../etc/passwd",
                                                                           "SSH_AUTH_SOCK": agentSocket]))
        try reader.waitForOutput("the first paint") { $0.contains(ServedPage.title) }
        let pid = try XCTUnwrap(server.readers.first, "a reader process")
        let environment = try String(contentsOfFile: "/proc/\(pid)/environ", encoding: .utf8)
            .split(separator: "\0").map(String.init).sorted()
        XCTAssertEqual(environment.filter { !$0.hasPrefix("SSH_CONNECTION=") }, [
            "LANG=C.UTF-8", "PATH=/usr/local/bin:/usr/bin:/bin", "PIVOT_TUI_NO_CONFIG=1", "SWIFT_BACKTRACE=enable=no",
            "TERM=xterm-256color",
        ])
        XCTAssertTrue(environment.contains { $0.hasPrefix("SSH_CONNECTION=127.0.0.1 ") }, "\(environment)")
        let arguments = try String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8).split(separator: "\0")
        XCTAssertEqual(arguments, ["pivot-tui", "read", Substring(realPath(path("served.md")))])
        XCTAssertTrue(server.log.contains("term=xterm-256color"), server.log)
    }

    /// The one variable a reader may set: pictures in pixels, with one of its four values.
    func testAReaderMayAskForPicturesInPixels() throws {
        let server = try startServer()
        let reader = try startSSH(port: server.port, ["-tt", "-o", "SetEnv=PIVOT_TUI_GRAPHICS=kitty", "reader@127.0.0.1"],
                                  environment: TestTools.childEnvironment(["TERM": "xterm-256color"]))
        try reader.waitForOutput("the first paint") { $0.contains(ServedPage.title) }
        let pid = try XCTUnwrap(server.readers.first, "a reader process")
        let environment = try String(contentsOfFile: "/proc/\(pid)/environ", encoding: .utf8).split(separator: "\0")
        XCTAssertTrue(environment.contains("PIVOT_TUI_GRAPHICS=kitty"), "\(environment)")
    }

    /// NIOSSH 0.15.1 cannot skip a channel request it does not know when the request carries
    /// data (apple/swift-nio-ssh#221), so `ssh -X` loses its connection instead of getting a
    /// polite refusal (docs/deploy/openssh.md says so). Only that connection: nothing is
    /// forwarded, and the server goes on serving.
    func testX11RequestCostsOnlyItsOwnConnection() throws {
        let server = try startServer()
        let x11 = try ProcessRunner.run(ssh, sshArguments(port: server.port, ["-X", "-o", "ForwardX11Trusted=yes",
                                                                              "reader@127.0.0.1", "plain"]),
                                        environment: TestTools.childEnvironment(["DISPLAY": ":42"]), timeout: 30)
        XCTAssertFalse(x11.timedOut)
        XCTAssertEqual(server.readers, [])
        XCTAssertEqual(try runSSH(port: server.port, ["-T", "reader@127.0.0.1"]).exitStatus, 0)
        XCTAssertTrue(ProcessTable.isRunning(server.pid))
    }

    private func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A TCP connection to 127.0.0.1:port, retried until something listens there.
func connectWhenListening(port: Int, timeout: TimeInterval = 10) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        if connected { return socket }
        close(socket)
        if Date() > deadline { throw TestFailure("nothing listens on 127.0.0.1:\(port)") }
        usleep(50_000)
    }
}

/// Everything the peer sends until it closes (or 15 s pass, which fails the caller's check).
func readUntilClosed(_ socket: Int32, timeout: TimeInterval = 15) -> Data {
    var received = Data()
    var buffer = [UInt8](repeating: 0, count: 4096)
    let deadline = Date().addingTimeInterval(timeout)
    var pollDescriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
    while Date() < deadline {
        guard poll(&pollDescriptor, 1, 100) > 0 else { continue }
        let count = read(socket, &buffer, buffer.count)
        if count <= 0 { return received }
        received.append(contentsOf: buffer[0..<count])
    }
    received.append(contentsOf: Array("<still open>".utf8))
    return received
}
