import Foundation
import XCTest

/// Where the things under test live: the built binary, tmux, the repository's content.
enum TestEnvironment {
    /// The package root: this file is <root>/Tests/PivotEndToEndTests/TestEnvironment.swift.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The page built into the binary; tests derive expectations from it, never hard-code them.
    static let pivotPage: URL = repositoryRoot.appendingPathComponent("content/pivot.md")
    /// Its animation, the stand-in of the page's image (docs/frames.md).
    static let pivotFrames: URL = repositoryRoot.appendingPathComponent("content/pivot.frames")

    /// The binary under test: `PIVOT_TUI_BINARY`, else the debug build of this checkout.
    static func binary() throws -> URL {
        let override = ProcessInfo.processInfo.environment["PIVOT_TUI_BINARY"].flatMap { $0.isEmpty ? nil : $0 }
        let url = override.map { URL(fileURLWithPath: $0) }
            ?? repositoryRoot.appendingPathComponent(".build/debug/pivot-tui")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw XCTSkip("pivot-tui binary not found at \(url.path): run `swift build` first "
                          + "(or `make test`), or set PIVOT_TUI_BINARY")
        }
        return url
    }

    /// tmux from PATH; end-to-end tests need a real terminal to drive.
    static func tmux() throws -> URL {
        try tool("tmux", package: "tmux")
    }

    /// A program from PATH; the test is skipped, naming the Debian package, when it is missing.
    static func tool(_ name: String, package: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw XCTSkip("\(name) not found in PATH: install \(package) (`make test` does, via scripts/install-deps.sh)")
    }

    /// Our environment for child programs, with a UTF-8 locale and no link to an enclosing tmux
    /// (tests started from inside tmux must still get their own private servers).
    static func childEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["TMUX_PANE"] = nil
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        environment["NO_COLOR"] = nil
        // The user's own config file never reaches the reader under test; tests that want one
        // write it and point XDG_CONFIG_HOME at it.
        environment["XDG_CONFIG_HOME"] = "/nonexistent/pivot-tui-tests"
        return environment.merging(extra) { $1 }
    }
}
