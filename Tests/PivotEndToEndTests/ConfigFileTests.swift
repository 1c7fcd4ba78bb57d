import Foundation
import PivotTestSupport
import XCTest

/// The config file ($XDG_CONFIG_HOME/pivot-tui/config.yml): read at start, overridden by the
/// command line, refused whole with a one-line warning when wrong, never read by the SSH
/// server's readers (PIVOT_TUI_NO_CONFIG=1), and `--print-config` shows what is in force.
final class ConfigFileTests: EndToEndTestCase {
    private var configHome: URL { workDirectory.appendingPathComponent("config") }

    private func writeConfig(_ text: String) throws {
        let folder = configHome.appendingPathComponent("pivot-tui")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("config.yml"), atomically: true, encoding: .utf8)
    }

    private func run(_ arguments: [String], _ extra: [String: String] = [:]) throws -> ProcessResult {
        let environment = TestEnvironment.childEnvironment(["TERM": "xterm-256color", "XDG_CONFIG_HOME": configHome.path]
            .merging(extra) { $1 })
        let result = try ProcessRunner.run(binary, arguments, environment: environment, currentDirectory: workDirectory)
        XCTAssertFalse(result.timedOut)
        return result
    }

    private func longestLine(_ text: String) -> Int {
        text.split(separator: "\n").map(\.count).max() ?? 0
    }

    func testTheFileSetsTheWidthAndTheCommandLineWins() throws {
        let page = try writePage(Fixtures.longPage)
        try writeConfig("width: 40\n")
        let configured = try run([page.path])
        XCTAssertEqual(configured.exitStatus, 0, configured.stderrText)
        XCTAssertTrue((30...40).contains(longestLine(configured.stdoutText)), configured.stdoutText)
        let overridden = try run(["--width", "70", page.path])
        XCTAssertGreaterThan(longestLine(overridden.stdoutText), 40, overridden.stdoutText)
    }

    func testPrintConfigShowsTheSettingsInForce() throws {
        try writeConfig("theme: light\nwidth: 64\nkeys:\n  down: e\n")
        let result = try run(["--print-config", "--no-mouse"])
        XCTAssertEqual(result.exitStatus, 0, result.stderrText)
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.first?.contains(configHome.path) == true, result.stdoutText)
        for expected in ["theme: light", "width: 64", "mouse: false", "animation: true", "  down: \"e\""] {
            XCTAssertTrue(lines.contains(expected), "\(expected) missing from:\n\(result.stdoutText)")
        }
    }

    func testABadFileIsOneWarningNamingTheLineAndTheDefaults() throws {
        let page = try writePage(Fixtures.longPage)
        try writeConfig("width: 40\ntheme: purple\n")
        let result = try run([page.path])
        XCTAssertEqual(result.exitStatus, 0, result.stderrText)
        let warning = result.stderrText
        XCTAssertEqual(warning.filter { $0 == "\n" }.count, 1, warning)
        XCTAssertTrue(warning.hasPrefix("pivot-tui: ") && warning.contains("config.yml: line 2: theme must be dark or light"),
                      warning)
        XCTAssertGreaterThan(longestLine(result.stdoutText), 40, "the defaults, not the file's width 40")
    }

    func testTheServersReadersReadNoConfigFile() throws {
        try writeConfig("width: 40\n")
        let result = try run(["--print-config"], ["PIVOT_TUI_NO_CONFIG": "1"])
        XCTAssertTrue(result.stdoutText.contains("width: 80"), result.stdoutText)
        XCTAssertFalse(result.stdoutText.contains(configHome.path), result.stdoutText)
    }

    func testAddedKeysAndColoursReachTheScreen() throws {
        let page = try writePage("# Orchard Notes\n\n" + (1...60).map { "Row \($0) of the orchard.\n\n" }.joined())
        try writeConfig("keys:\n  down: e\ncolors:\n  title: red\n")
        let command = [binary.path, page.path].map(shellQuoted).joined(separator: " ")
        let session = try startSession(script: "XDG_CONFIG_HOME=\(shellQuoted(configHome.path)) \(command); sleep 30")
        let first = try session.waitForText("Row 3 of")
        // The title (the page's one top heading) is drawn in the colour the file gives it: red
        // is SGR 31 (the theme's own is yellow, 33).
        let heading = try session.captureWithStyles().dropFirst().first { $0.contains("Orchard Notes") } ?? ""
        XCTAssertTrue(heading.contains("\u{1B}[31m"), heading)
        try session.type("e")
        try session.waitForScreen("e scrolls a line, as j does") { $0.pageLines.first != first.pageLines.first }
        // In the search prompt e is a letter again.
        try session.type("/e")
        try session.waitForScreen("the prompt shows /e") { $0.statusLine.contains("/e") }
    }
}
