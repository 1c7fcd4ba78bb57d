import Foundation
import PivotTestSupport
import XCTest

/// The completion scripts `--generate-completion-script` prints (and `make install` installs),
/// tried in a real interactive bash: Tab completes the reading options at the root, where
/// people type them, not only after the `read` subcommand the parser takes them through.
final class ShellCompletionTests: EndToEndTestCase {
    private func script(for shell: String) throws -> String {
        let result = try runPiped(["--generate-completion-script", shell])
        XCTAssertEqual(result.exitStatus, 0, result.stderrText)
        return result.stdoutText
    }

    func testBashCompletesTheReadingOptionsAtTheRoot() throws {
        let completion = workDirectory.appendingPathComponent("pivot-tui.bash")
        try script(for: "bash").write(to: completion, atomically: true, encoding: .utf8)
        let folder = binary.deletingLastPathComponent().path
        let session = try startSession(
            width: 100, height: 10,
            script: "PATH=\(shellQuoted(folder)):$PATH PS1='ready$ ' exec bash --norc --noprofile -i")
        try session.waitForText("ready$")
        try session.type("source \(shellQuoted(completion.path)); clear")
        try session.sendKeys("Enter")
        try session.waitForScreen("the prompt again, alone") { $0.lines.first?.hasPrefix("ready$") == true }
        try session.type("pivot-tui --th")
        try session.sendKeys("Tab")
        try session.waitForText("pivot-tui --theme")
        // The option's values come next, and a subcommand's own options still complete after it.
        try session.sendKeys("Tab", "Tab")
        try session.waitForScreen("the theme names offered") { $0.contains("dark") && $0.contains("light") }
        try session.sendKeys("C-u")
        try session.type("pivot-tui frames --cha")
        try session.sendKeys("Tab")
        try session.waitForText("pivot-tui frames --charset")
    }

    func testEveryShellOffersTheReadingOptionsAtTheRoot() throws {
        for shell in ["bash", "zsh", "fish"] {
            let text = try script(for: shell)
            for option in ["theme", "width", "no-mouse", "site"] {
                XCTAssertTrue(Self.rootOffers(option, in: text, shell: shell), "\(shell): no --\(option) at the root")
            }
        }
    }

    /// Whether the root command (not a subcommand) of a script offers `--option`: bash and zsh
    /// list it in the function `_pivot-tui`, fish in a line whose condition names "pivot-tui" alone.
    private static func rootOffers(_ option: String, in script: String, shell: String) -> Bool {
        if shell == "fish" {
            return script.contains("\"pivot-tui\" \(option)' -l '\(option)'")
        }
        guard let start = script.range(of: "\n_pivot-tui() {"),
              let end = script.range(of: "\n}\n", range: start.upperBound..<script.endIndex) else { return false }
        return script[start.upperBound..<end.lowerBound].contains("--\(option)")
    }
}
