import Foundation
import PivotTestSupport
import Glibc
import XCTest

/// Degenerate inputs through the real binary with `--plain` (stdout a pipe): each opens, or
/// fails with one line on stderr and a non-zero status, within a generous deadline (a hang or
/// a runaway is a failure, not a slow test). Wall time and peak memory are measured with
/// /usr/bin/time when present and printed as `LIMITS|` lines (docs/limits.md holds a run of
/// them); set PIVOT_LIMITS_REPORT=<file> to collect them in a file.
///
/// The 50 MB page runs only with PIVOT_TUI_LARGE_INPUTS=1 (about 30 s with a debug build);
/// a 4 MB page stands in for it in every run.
final class HostileInputTests: EndToEndTestCase {
    /// Generous: the slowest case here takes a few seconds with a debug build.
    static let deadline = 20

    enum Expectation {
        /// Exit 0, and stdout holds each of these.
        case opens(showing: [String])
        /// A non-zero status, stdout empty, one line on stderr holding this.
        case refused(saying: String)
    }

    struct Measurement {
        var seconds: Double
        var maxRSSKiB: Int?
    }

    // MARK: - Files that are not pages

    func testABinaryFileIsRefused() throws {
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 56)
            + (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        try check("ELF binary", file: "elf.md", bytes: elf, expect: .refused(saying: "binary file"))
    }

    func testAFolderWithoutPagesIsRefused() throws {
        // A folder opens a site; one without a single Markdown page is refused like a bad page.
        let directory = workDirectory.appendingPathComponent("dir.md")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try check("directory", path: directory.path, expect: .refused(saying: "no Markdown pages"))
    }

    func testAMissingFileIsRefused() throws {
        try check("missing file", path: workDirectory.appendingPathComponent("nothing.md").path,
                  expect: .refused(saying: "no such file"))
    }

    func testAnUnreadableFileIsRefused() throws {
        guard getuid() != 0 else {
            throw XCTSkip("running as root, which reads a chmod 000 file anyway: the unreadable case needs a normal user")
        }
        let url = workDirectory.appendingPathComponent("secret.md")
        try "# Secret\n".write(to: url, atomically: true, encoding: .utf8)
        chmod(url.path, 0)
        defer { chmod(url.path, 0o644) }
        try check("unreadable file", path: url.path, expect: .refused(saying: "cannot be read"))
    }

    /// A FIFO with no writer would block a plain open(2) forever; the reader opens with
    /// O_NONBLOCK and refuses anything but a regular file.
    func testAFIFOIsRefusedWithoutHanging() throws {
        let path = workDirectory.appendingPathComponent("fifo.md").path
        XCTAssertEqual(mkfifo(path, 0o644), 0, String(cString: strerror(errno)))
        try check("FIFO", path: path, expect: .refused(saying: "not a regular file"))
    }

    func testACharacterDeviceIsRefused() throws {
        try check("character device (/dev/zero)", path: "/dev/zero", expect: .refused(saying: "not a regular file"))
    }

    func testASymlinkLoopIsRefused() throws {
        let path = workDirectory.appendingPathComponent("loop.md").path
        XCTAssertEqual(symlink(path, path), 0)
        try check("symlink loop", path: path, expect: .refused(saying: "cannot be read"))
    }

    // MARK: - Front matter

    func testAnEmptyFileOpens() throws {
        try check("empty file", file: "empty.md", bytes: [], expect: .opens(showing: []))
    }

    func testAFileOfOnlyFrontMatterOpens() throws {
        try check("only front matter", file: "only.md", text: "---\ntitle: Only Front Matter\nauthor: x\n---\n",
                  expect: .opens(showing: ["Only Front Matter"]))
    }

    func testFrontMatterNeverClosedOpensAsText() throws {
        try check("front matter never closed", file: "open.md",
                  text: "---\ntitle: Never Closed\n\n# Heading\n\nBody text.\n",
                  expect: .opens(showing: ["title: Never Closed", "Body text."]))
    }

    func testHugeFrontMatterOpens() throws {
        var text = "---\ntitle: Huge Front Matter\n"
        var index = 0
        while text.utf8.count < 1_048_576 {
            text += "key\(index): \"value number \(index) with some words\"\n"
            index += 1
        }
        text += "---\n\nBody after a megabyte of YAML.\n"
        try check("1 MB YAML front matter (\(index) keys)", file: "huge-yaml.md", text: text,
                  expect: .opens(showing: ["Huge Front Matter", "Body after a megabyte of YAML."]))
    }

    /// Just under the 100,000-node limit, in 0.6 MB: the limit exists to bound the cost of a
    /// hostile front matter, so a page at the limit must open within the deadline too (10 s:
    /// a linear reader takes well under a second).
    func testFrontMatterAtTheNodeLimitOpensInBoundedTime() throws {
        let items = (0..<99_990).map(String.init).joined(separator: ",")
        try check("YAML at the node limit (99,990 items, 0.6 MB)", file: "node-limit.md",
                  text: "---\ntitle: Node Limit\nitems: [\(items)]\n---\n\nBody at the node limit.\n",
                  expect: .opens(showing: ["Node Limit", "Body at the node limit."]), deadline: 10)
    }

    func testDeeplyNestedFrontMatterOpens() throws {
        try check("YAML nested 10,000 deep", file: "deep-yaml.md",
                  text: "---\ntitle: Deep\nx: " + String(repeating: "[", count: 10_000) + "\n---\n\nBody after deep YAML.\n",
                  expect: .opens(showing: ["Body after deep YAML."]))
    }

    // MARK: - Size

    func testAFourMegabytePageOpens() throws {
        try check("4 MB page", file: "big4.md", text: Self.bigPage(megabytes: 4),
                  expect: .opens(showing: ["Big Page", "Section 0"]))
    }

    func testAFiftyMegabytePageOpens() throws {
        guard ProcessInfo.processInfo.environment["PIVOT_TUI_LARGE_INPUTS"] == "1" else {
            throw XCTSkip("the 50 MB page runs with PIVOT_TUI_LARGE_INPUTS=1 (about 30 s in a debug build)")
        }
        try check("50 MB page", file: "big50.md", text: Self.bigPage(megabytes: 50),
                  expect: .opens(showing: ["Big Page", "Section 0"]), deadline: 120)
    }

    /// Over 64 MiB: refused from the file's size, before anything is read (a sparse file).
    func testAPageOverTheLimitIsRefused() throws {
        let url = workDirectory.appendingPathComponent("over.md")
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: Data("# x\n".utf8)))
        XCTAssertEqual(truncate(url.path, 64 * 1_048_576 + 1), 0)
        try check("65 MiB page (sparse)", path: url.path, expect: .refused(saying: "larger than 64 MiB"))
    }

    func testStandardInputOverTheLimitIsRefused() throws {
        let script = "head -c 67200000 /dev/zero | tr '\\0' a | exec \(shellQuoted(binary.path)) --plain -"
        let start = Date()
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script],
                                           environment: TestEnvironment.childEnvironment(), timeout: 60)
        XCTAssertFalse(result.timedOut, "standard input over the limit did not end")
        XCTAssertNotEqual(result.exitStatus ?? 0, 0)
        XCTAssertTrue(result.stdout.isEmpty)
        XCTAssertTrue(result.stderrText.contains("too large"), result.stderrText)
        XCTAssertEqual(result.stderrText.filter { $0 == "\n" }.count, 1, result.stderrText)
        report("64 MiB + on standard input", Measurement(seconds: Date().timeIntervalSince(start), maxRSSKiB: nil),
               status: result.exitStatus, command: "head -c 67200000 /dev/zero | tr '\\0' a | pivot-tui --plain -")
    }

    func testATwoMegabyteLineWithoutSpacesOpens() throws {
        try check("2 MB line without spaces", file: "line.md", text: String(repeating: "x", count: 2 * 1_048_576) + "\n",
                  expect: .opens(showing: ["xxxxxxxxxx"]))
    }

    // MARK: - Nesting and counts

    func testTenThousandNestedListsOpen() throws {
        try check("10,000 nested lists", file: "lists.md",
                  text: String(repeating: "- ", count: 10_000) + "deepest\n\nAfter the lists.\n",
                  expect: .opens(showing: ["After the lists."]))
    }

    func testTenThousandNestedQuotesOpen() throws {
        try check("10,000 nested block quotes", file: "quotes.md",
                  text: String(repeating: ">", count: 10_000) + " deepest\n\nAfter the quotes.\n",
                  expect: .opens(showing: ["After the quotes."]))
    }

    func testTenThousandNestedInlinesOpen() throws {
        let text = String(repeating: "*", count: 10_000) + "x" + String(repeating: "*", count: 10_000) + " "
            + String(repeating: "[", count: 10_000) + "y" + String(repeating: "]", count: 10_000) + "\n\n"
            + String(repeating: "<div>", count: 10_000) + "\n\nEnd.\n"
        try check("10,000 nested emphasis, brackets, <div>", file: "inlines.md", text: text,
                  expect: .opens(showing: ["End."]))
    }

    /// Unclosed style tags, inline (250,000 `<b>` in a paragraph) and in an HTML block (250,000
    /// `<b>t `): 2 MB, which must open in bounded time like any page under the size limit.
    func testManyUnclosedStyleTagsOpenInBoundedTime() throws {
        let text = String(repeating: "<b>", count: 250_000) + "inline end\n\n<div>\n"
            + String(repeating: "<b>t ", count: 250_000) + "block end\n</div>\n"
        try check("250,000 unclosed <b> inline + 250,000 in an HTML block (2 MB)", file: "tags.md", text: text,
                  expect: .opens(showing: ["inline end", "block end"]), deadline: 10)
    }

    func testATableOfAThousandColumnsOpens() throws {
        let columns = 0..<1000
        let text = "|" + columns.map { "h\($0)" }.joined(separator: "|") + "|\n|"
            + columns.map { _ in "---" }.joined(separator: "|") + "|\n|" + columns.map { "c\($0)" }.joined(separator: "|") + "|\n"
        try check("table of 1,000 columns", file: "table.md", text: text, expect: .opens(showing: ["h999: c999"]))
    }

    func testAHundredThousandLinksOpen() throws {
        let text = (0..<100_000).map { "[l\($0)](http://e.example/\($0))" }.joined(separator: " ") + "\n"
        try check("100,000 links", file: "links.md", text: text,
                  expect: .opens(showing: ["l99999[100000]", "[100000] http://e.example/99999"]))
    }

    // MARK: - Helpers

    static func bigPage(megabytes: Int) -> String {
        let paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
            + "incididunt ut labore et dolore magna aliqua.\n\n"
        var parts = ["# Big Page\n\n"]
        let count = megabytes * 1_048_576 / paragraph.utf8.count
        parts.reserveCapacity(count + count / 200 + 1)
        for index in 0..<count {
            if index % 200 == 0 { parts.append("## Section \(index / 200)\n\n") }
            parts.append(paragraph)
        }
        return parts.joined()
    }

    private func check(_ name: String, file: String, text: String, expect: Expectation, deadline: Int = deadline,
                       sourceFile: StaticString = #filePath, line: UInt = #line) throws {
        try check(name, file: file, bytes: Array(text.utf8), expect: expect, deadline: deadline,
                  sourceFile: sourceFile, line: line)
    }

    private func check(_ name: String, file: String, bytes: [UInt8], expect: Expectation, deadline: Int = deadline,
                       sourceFile: StaticString = #filePath, line: UInt = #line) throws {
        let url = workDirectory.appendingPathComponent(file)
        try Data(bytes).write(to: url)
        try check(name, path: url.path, expect: expect, deadline: deadline, sourceFile: sourceFile, line: line,
                  size: bytes.count)
    }

    /// Runs `pivot-tui --plain PATH` under /usr/bin/timeout (and /usr/bin/time when present).
    private func check(_ name: String, path: String, expect: Expectation, deadline: Int = deadline,
                       sourceFile: StaticString = #filePath, line: UInt = #line, size: Int? = nil) throws {
        let timeFile = workDirectory.appendingPathComponent("time.txt")
        let hasTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        // timeout kills the reader itself at the deadline, so nothing is left running.
        let command = ["/usr/bin/timeout", "-s", "KILL", "\(deadline)", binary.path, "--plain", path]
        let start = Date()
        let result = hasTime
            ? try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/time"), ["-f", "%e %M", "-o", timeFile.path] + command,
                                    environment: TestEnvironment.childEnvironment(), currentDirectory: workDirectory,
                                    timeout: TimeInterval(deadline + 10))
            : try ProcessRunner.run(URL(fileURLWithPath: command[0]), Array(command.dropFirst()),
                                    environment: TestEnvironment.childEnvironment(), currentDirectory: workDirectory,
                                    timeout: TimeInterval(deadline + 10))
        var measurement = Measurement(seconds: Date().timeIntervalSince(start), maxRSSKiB: nil)
        if hasTime, let lines = try? String(contentsOf: timeFile, encoding: .utf8).split(separator: "\n"),
           let fields = lines.last?.split(separator: " "), fields.count == 2,
           let seconds = Double(fields[0]), let rss = Int(fields[1]) {
            measurement = Measurement(seconds: seconds, maxRSSKiB: rss)
        }
        report(name, measurement, status: result.exitStatus, size: size, command: "pivot-tui --plain FILE")

        let killed = result.exitStatus == 137 || result.signal != nil || result.timedOut
        XCTAssertFalse(killed, "\(name): did not finish within \(deadline) s", file: sourceFile, line: line)
        guard !killed else { return }
        let stderr = result.stderrText
        switch expect {
        case .opens(let texts):
            XCTAssertEqual(result.exitStatus, 0, "\(name): exit status; stderr: \(stderr)", file: sourceFile, line: line)
            let output = result.stdoutText
            for text in texts {
                XCTAssertTrue(output.contains(text), "\(name): '\(text)' missing from the output "
                              + "(\(output.utf8.count) bytes, starting \(output.prefix(200).debugDescription))",
                              file: sourceFile, line: line)
            }
            XCTAssertTrue(stderr.isEmpty, "\(name): stderr should be empty: \(stderr)", file: sourceFile, line: line)
        case .refused(let message):
            XCTAssertNotEqual(result.exitStatus ?? 0, 0, "\(name): should fail", file: sourceFile, line: line)
            XCTAssertTrue(result.stdout.isEmpty, "\(name): stdout should be empty", file: sourceFile, line: line)
            XCTAssertTrue(stderr.hasPrefix("pivot-tui: ") && stderr.hasSuffix("\n")
                          && stderr.filter { $0 == "\n" }.count == 1,
                          "\(name): stderr should be one 'pivot-tui: ...' line: \(stderr.debugDescription)",
                          file: sourceFile, line: line)
            XCTAssertTrue(stderr.contains(message), "\(name): stderr should say '\(message)': \(stderr)",
                          file: sourceFile, line: line)
        }
    }

    /// One `LIMITS|` line on stdout (and in PIVOT_LIMITS_REPORT, when set).
    private func report(_ name: String, _ measurement: Measurement, status: Int32?, size: Int? = nil, command: String) {
        let rss = measurement.maxRSSKiB.map { String(format: "%.1f MiB", Double($0) / 1024) } ?? "-"
        let bytes = size.map { $0 >= 1_048_576 ? String(format: "%.1f MiB", Double($0) / 1_048_576) : "\($0) B" } ?? "-"
        let line = "LIMITS| \(name) | \(bytes) | \(String(format: "%.2f s", measurement.seconds)) | \(rss) | "
            + "exit \(status.map(String.init) ?? "signal") | `\(command)`"
        print(line)
        if let path = ProcessInfo.processInfo.environment["PIVOT_LIMITS_REPORT"], !path.isEmpty {
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.seekToEndOfFile()
            handle.write(Data((line + "\n").utf8))
            handle.closeFile()
        }
    }
}
