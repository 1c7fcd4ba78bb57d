import Foundation
import PivotTestSupport
import XCTest

/// The reader run without a terminal: errors, piped output, --help and --version.
/// Each run has a deadline, so a hang fails the test instead of stalling the suite.
final class CommandLineTests: EndToEndTestCase {
    private func run(_ arguments: [String]) throws -> ProcessResult {
        let result = try ProcessRunner.run(binary, arguments,
                                           environment: TestEnvironment.childEnvironment(["TERM": "xterm-256color"]),
                                           currentDirectory: workDirectory)
        XCTAssertFalse(result.timedOut, "pivot-tui \(arguments.joined(separator: " ")) did not finish in time")
        return result
    }

    /// A bad FILE: status not 0, one `pivot-tui: <path>: ...` line on stderr, nothing on stdout.
    private func assertFailsCleanly(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try run([path])
        XCTAssertNotEqual(result.exitStatus ?? 0, 0, "exit status", file: file, line: line)
        XCTAssertNil(result.signal, "should exit, not die by a signal", file: file, line: line)
        XCTAssertTrue(result.stdout.isEmpty, "stdout should be empty, got: \(result.stdoutText)", file: file, line: line)
        let stderr = result.stderrText
        XCTAssertTrue(stderr.hasSuffix("\n") && stderr.filter { $0 == "\n" }.count == 1,
                      "stderr should be exactly one line, got: \(stderr.debugDescription)", file: file, line: line)
        XCTAssertTrue(stderr.hasPrefix("pivot-tui: \(path)"),
                      "stderr should start with 'pivot-tui: \(path)', got: \(stderr.debugDescription)",
                      file: file, line: line)
    }

    func testMissingFileFails() throws {
        try assertFailsCleanly("/nonexistent/missing.md")
    }

    func testAFolderWithoutPagesFails() throws {
        try assertFailsCleanly(workDirectory.path)
    }

    func testDeepLinksIntoASiteArePagesOfItOrOneLineOfRefusal() throws {
        let site = try SiteFixtures.write(in: workDirectory)
        let about = try run(["--site", site.path, "about#orchard-part-2"])
        XCTAssertEqual(about.exitStatus, 0, about.stderrText)
        XCTAssertTrue(about.stdoutText.hasPrefix(SiteFixtures.aboutTitle), about.stdoutText)
        let post = try run(["--site", site.path, "_posts/2021-04-05-blossom.md"])
        XCTAssertTrue(post.stdoutText.hasPrefix("Blossom Week"), post.stdoutText)
        for (link, note) in [("../../etc/passwd", "not in this site"), ("/etc/passwd", "not in this site"),
                             ("escape.md", "not in this site: escape.md"), ("shed.md", "no such page in this site: shed.md"),
                             (".git/config", "not in this site")] {
            let result = try run(["--site", site.path, link])
            XCTAssertEqual(result.exitStatus, 1, link)
            XCTAssertTrue(result.stdout.isEmpty, "\(link): \(result.stdoutText)")
            XCTAssertTrue(result.stderrText.hasPrefix("pivot-tui: \(note)") && result.stderrText.filter { $0 == "\n" }.count == 1,
                          "\(link): \(result.stderrText)")
        }
    }

    func testAFolderIsASiteWhosePagesArePrintedWhenPiped() throws {
        try "# Apple notes\n".write(to: workDirectory.appendingPathComponent("apple.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: workDirectory.appendingPathComponent("more"), withIntermediateDirectories: true)
        try "# Pear notes\n".write(to: workDirectory.appendingPathComponent("more/pear.md"), atomically: true, encoding: .utf8)
        let result = try run([workDirectory.path])
        XCTAssertEqual(result.exitStatus, 0, result.stderrText)
        XCTAssertTrue(result.stdoutText.contains("Apple notes  /apple.md  (apple.md)"), result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("Pear notes  /more/pear.md  (more/pear.md)"), result.stdoutText)
    }

    func testPipedOutputIsPlainPageText() throws {
        let page = try String(contentsOf: TestEnvironment.pivotPage, encoding: .utf8)
        let words = Fixtures.proseWords(of: page)
        XCTAssertGreaterThan(words.count, 10, "too few words derived from content/pivot.md")

        let result = try run([])
        XCTAssertEqual(result.exitStatus, 0, "stderr: \(result.stderrText)")
        XCTAssertFalse(result.stdout.contains(0x1B), "piped output must hold no escape sequences")
        let text = result.stdoutText
        var searchFrom = text.startIndex
        for word in words {
            guard let found = text.range(of: word, range: searchFrom..<text.endIndex) else {
                XCTFail("'\(word)' missing from the output, or out of page order; words: \(words)")
                return
            }
            searchFrom = found.upperBound
        }
    }

    func testHelpMentionsUsage() throws {
        let result = try run(["--help"])
        XCTAssertEqual(result.exitStatus, 0)
        XCTAssertTrue(result.stdoutText.lowercased().contains("usage"), "--help output:\n\(result.stdoutText)")
    }

    func testVersion() throws {
        let result = try run(["--version"])
        XCTAssertEqual(result.exitStatus, 0)
        XCTAssertEqual(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
    }
}
