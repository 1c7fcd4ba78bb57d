import Foundation
import XCTest

/// Where the things under test live: the built binary, and the OpenSSH and tmux programs.
/// A missing program skips the tests that need it.
enum TestTools {
    /// The package root: this file is <root>/Tests/PivotServerTests/TestTools.swift.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary under test: `PIVOT_TUI_BINARY`, else the debug build of this checkout.
    static func binary() throws -> String {
        let override = ProcessInfo.processInfo.environment["PIVOT_TUI_BINARY"].flatMap { $0.isEmpty ? nil : $0 }
        let path = override ?? repositoryRoot.appendingPathComponent(".build/debug/pivot-tui").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw XCTSkip("pivot-tui binary not found at \(path): run `swift build` first, or set PIVOT_TUI_BINARY")
        }
        return path
    }

    static func ssh() throws -> String { try program("ssh", package: "openssh-client") }
    static func sshKeygen() throws -> String { try program("ssh-keygen", package: "openssh-client") }
    static func sshKeyscan() throws -> String { try program("ssh-keyscan", package: "openssh-client") }
    static func sshAgent() throws -> String { try program("ssh-agent", package: "openssh-client") }
    static func tmux() throws -> String { try program("tmux", package: "tmux") }

    static func sshd() throws -> String {
        let path = "/usr/sbin/sshd"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw XCTSkip("sshd not found at \(path): install openssh-server")
        }
        return path
    }

    static func haproxy() throws -> String {
        let path = "/usr/sbin/haproxy"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw XCTSkip("haproxy not found at \(path): install haproxy (make test's scripts/install-deps.sh does, as root)")
        }
        return path
    }

    private static func program(_ name: String, package: String) throws -> String {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") + ["/usr/bin", "/bin"] {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw XCTSkip("\(name) not found in PATH: install \(package) (Debian)")
    }

    /// Our environment for child programs, with a UTF-8 locale and no link to an enclosing
    /// tmux, ssh agent or terminal type of the person running the tests.
    static func childEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["TMUX", "TMUX_PANE", "SSH_AUTH_SOCK", "SSH_AGENT_PID", "LC_ALL", "NO_COLOR", "SSH_CONNECTION",
                     "SSH_ORIGINAL_COMMAND", "SSH_CLIENT", "SSH_TTY"] {
            environment[name] = nil
        }
        environment["LANG"] = "C.UTF-8"
        return environment.merging(extra) { $1 }
    }

    /// A new private directory, removed by the caller.
    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pivot-serve-\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return url
    }
}
