import Foundation
import PivotTestSupport
import Glibc
import XCTest

/// Shared setup for the tests that run `pivot-tui serve` and the real OpenSSH client: a
/// private directory with throwaway keys, and every server, client and tmux started through
/// it torn down afterwards, whatever the test did.
class ServeTestCase: XCTestCase {
    private(set) var binary = ""
    private(set) var ssh = ""
    private(set) var directory = URL(fileURLWithPath: "/nonexistent")
    private var servers: [ServeServer] = []
    private var clients: [SpawnedProcess] = []
    private var terminals: [TmuxSession] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        binary = try TestTools.binary()
        ssh = try TestTools.ssh()
        directory = try TestTools.makeTemporaryDirectory()
    }

    override func tearDown() {
        terminals.forEach { $0.kill() }
        clients.forEach { $0.killGroup(SIGKILL); _ = $0.wait(timeout: 5) }
        servers.forEach { $0.stop() }
        terminals = []
        clients = []
        servers = []
        try? FileManager.default.removeItem(at: directory)
        super.tearDown()
    }

    // MARK: Files and keys

    var hostKeyPath: String { directory.appendingPathComponent("state/host_ed25519").path }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes `text` as a file in the test's directory; returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    /// A new key pair without passphrase (`name` and `name.pub`); returns the private key's path.
    func makeClientKey(_ name: String, type: String = "ed25519") throws -> String {
        let keyPath = path(name)
        let result = try ProcessRunner.run(try TestTools.sshKeygen(),
                                           ["-q", "-t", type, "-N", "", "-C", name, "-f", keyPath],
                                           environment: TestTools.childEnvironment())
        guard result.exitStatus == 0 else { throw TestFailure("ssh-keygen failed: \(result.stderrText)") }
        return keyPath
    }

    func publicKey(of keyPath: String) throws -> String {
        try String(contentsOfFile: keyPath + ".pub", encoding: .utf8)
    }

    // MARK: The server

    /// Starts `pivot-tui serve` on a free port, serving the fixture page unless told otherwise.
    func startServer(_ arguments: [String] = [], page: String? = ServedPage.text) throws -> ServeServer {
        var arguments = arguments
        if let page { arguments += ["--page", try write(page, to: "served.md")] }
        let server = try ServeServer(binary: binary, hostKeyPath: hostKeyPath, arguments: arguments)
        servers.append(server)
        return server
    }

    // MARK: The client

    /// ssh's options for these tests: no config file, agent, known hosts or prompts.
    func sshArguments(port: Int, key: String? = nil, logLevel: String = "ERROR", _ extra: [String] = []) -> [String] {
        var arguments = ["-F", "/dev/null", "-p", "\(port)",
                         "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                         "-o", "BatchMode=yes", "-o", "LogLevel=\(logLevel)", "-o", "ConnectTimeout=10",
                         "-o", "IdentityAgent=none", "-o", "IdentitiesOnly=yes"]
        if let key { arguments += ["-i", key] } else { arguments += ["-o", "PubkeyAuthentication=no"] }
        return arguments + extra
    }

    /// Runs ssh to completion (standard input empty).
    func runSSH(port: Int, key: String? = nil, _ extra: [String], timeout: TimeInterval = 30) throws -> ProcessResult {
        try ProcessRunner.run(ssh, sshArguments(port: port, key: key, extra),
                              environment: TestTools.childEnvironment(), timeout: timeout)
    }

    /// Starts ssh in the background (standard input empty, output in pipes).
    func startSSH(port: Int, key: String? = nil, logLevel: String = "ERROR", _ extra: [String],
                  environment: [String: String] = TestTools.childEnvironment()) throws -> SpawnedProcess {
        let client = try SpawnedProcess(ssh, sshArguments(port: port, key: key, logLevel: logLevel, extra),
                                        environment: environment)
        clients.append(client)
        return client
    }

    /// Starts `ssh -t` in a tmux window; when ssh ends the window shows `SSH_EXIT=<status>`.
    func startTerminal(port: Int, key: String? = nil, width: Int = 80, height: Int = 24,
                       user: String = "reader", _ extra: [String] = [], remoteCommand: String? = nil) throws -> TmuxSession {
        let command = ([ssh] + sshArguments(port: port, key: key, extra + ["-t", "\(user)@127.0.0.1"])
                       + (remoteCommand.map { [$0] } ?? []))
            .map(shellQuoted).joined(separator: " ")
        let terminal = try TmuxSession(width: width, height: height,
                                       script: "\(command); echo SSH_EXIT=$?; sleep 60")
        terminals.append(terminal)
        return terminal
    }

    /// Waits until the reader shows `title` in its header and its help hint in the status line.
    @discardableResult
    func waitForReader(_ terminal: TmuxSession, title: String = ServedPage.title) throws -> Screen {
        try terminal.waitForScreen("the reader shows \"\(title)\"") { screen in
            (screen.first ?? "").trimmingCharacters(in: .whitespaces).hasPrefix(title)
                && (screen.last ?? "").contains("?: help")
        }
    }

    /// The exit status ssh reported in the window, once it has ended.
    func waitForExitStatus(_ terminal: TmuxSession, timeout: TimeInterval = 15) throws -> String {
        let screen = try terminal.waitForScreen("ssh has ended", timeout: timeout) { $0.containsText("SSH_EXIT=") }
        let line = screen.first { $0.hasPrefix("SSH_EXIT=") } ?? ""
        return String(line.dropFirst("SSH_EXIT=".count))
    }

    /// The live ssh process in a tmux window (the child of its shell).
    func sshProcess(in terminal: TmuxSession) throws -> pid_t {
        let shell = try terminal.panePID()
        var found: pid_t?
        _ = ProcessTable.waitUntil(timeout: 5) {
            found = ProcessTable.children(of: shell).first { ProcessTable.entry($0)?.name == "ssh" }
            return found != nil
        }
        guard let found else { throw TestFailure("no ssh process under the tmux window's shell") }
        return found
    }
}


/// The page the tests serve: a title no other page has, sections to fold, and a paragraph
/// long enough to wrap differently at 80 and at 50 columns.
enum ServedPage {
    static let title = "Served Garden Notes"
    static let bodyText = "lavender fills the southern bed"
    static let text = """
        ---
        title: \(title)
        ---

        The first group of plants grows in the shade of the old wall, where the morning light \
        arrives late and leaves early, so only the patient ferns and the mosses do well there.

        - **alpha**: ferns line the northern path and keep the soil cool all summer long.
        - **beta**: mosses cover the stones and the steps near the old fountain.

        The second group of plants needs full sun all day long.

        - **gamma**: \(bodyText) with scent from June to September.
        - **delta**: rosemary grows in the dry corner by the gate.

        """
}
