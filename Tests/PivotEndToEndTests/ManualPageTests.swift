import Foundation
import PivotTestSupport
import XCTest

/// The committed manual pages (docs/man/, written by `make man`): groff and man render them
/// without a warning, pivot-tui(1) has the hand-written sections, and every option the
/// programs take is in their page (a new option without `make man` fails here).
final class ManualPageTests: EndToEndTestCase {
    private static let folder = TestEnvironment.repositoryRoot.appendingPathComponent("docs/man")
    private static let pages = ["pivot-tui.1", "pivot-tui-serve.1"]

    func testGroffAndManRenderThePagesWithoutWarnings() throws {
        let groff = try TestEnvironment.tool("groff", package: "groff-base")
        let man = try TestEnvironment.tool("man", package: "man-db")
        for page in Self.pages {
            let path = Self.folder.appendingPathComponent(page).path
            let strict = try ProcessRunner.run(groff, ["-ww", "-mandoc", "-Tutf8", "-z", path],
                                               environment: TestEnvironment.childEnvironment())
            XCTAssertEqual(strict.exitStatus, 0, page)
            XCTAssertEqual(strict.stderrText, "", "groff -ww on \(page)")
            let rendered = try ProcessRunner.run(man, ["--warnings", "-l", path],
                                                 environment: TestEnvironment.childEnvironment(["MANWIDTH": "80"]))
            XCTAssertEqual(rendered.exitStatus, 0, page)
            XCTAssertEqual(rendered.stderrText, "", "man --warnings on \(page)")
            XCTAssertTrue(rendered.stdoutText.contains("SYNOPSIS"), rendered.stdoutText)
        }
    }

    func testTheReadersPageHasTheHandWrittenSections() throws {
        let man = try TestEnvironment.tool("man", package: "man-db")
        let path = Self.folder.appendingPathComponent("pivot-tui.1").path
        let text = try ProcessRunner.run(man, ["-l", path], environment: TestEnvironment.childEnvironment(["MANWIDTH": "80"]))
            .stdoutText
        let headings = text.split(separator: "\n").filter { $0.first?.isUppercase == true }.map(String.init)
        let wanted = ["NAME", "SYNOPSIS", "DESCRIPTION", "KEYS", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES"]
        XCTAssertEqual(headings.filter(wanted.contains), wanted, "sections, in order:\n\(headings)")
        for words in ["config.yml", "PIVOT_TUI_NO_CONFIG", "fold or unfold the focused section"] {
            XCTAssertTrue(text.contains(words), "\(words) missing")
        }
    }

    func testEveryOptionIsInItsPage() throws {
        let server = binary.deletingLastPathComponent().appendingPathComponent("pivot-tui-server")
        for (program, page) in [(binary, "pivot-tui.1"), (server, "pivot-tui-serve.1")] {
            let manual = try String(contentsOf: Self.folder.appendingPathComponent(page), encoding: .utf8)
            let options = try Self.longOptions(of: program)
            XCTAssertGreaterThan(options.count, 5, "\(program.lastPathComponent): too few options read")
            // `.Fl -name` ends the line or comes before its value (`Ar`) or a comma.
            for option in options where !["\n", " "].contains(where: { manual.contains("Fl -\(option)\($0)") }) {
                XCTFail("\(page) lacks --\(option): run `make man`")
            }
        }
    }

    /// The long options of a program's root and its subcommands, from its own description.
    private static func longOptions(of program: URL) throws -> Set<String> {
        let dump = try ProcessRunner.run(program, ["--experimental-dump-help"], environment: TestEnvironment.childEnvironment())
        let json = try JSONSerialization.jsonObject(with: dump.stdout) as? [String: Any]
        var options = Set<String>()
        func collect(_ command: [String: Any]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["kind"] as? String != "positional" {
                if argument["shouldDisplay"] as? Bool == false { continue }
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    if let text = name["name"] as? String { options.insert(text) }
                }
            }
            (command["subcommands"] as? [[String: Any]] ?? []).forEach(collect)
        }
        collect(json?["command"] as? [String: Any] ?? [:])
        return options
    }
}
