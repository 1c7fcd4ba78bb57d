import Foundation
import PivotTestSupport
import XCTest

/// External links as terminal hyperlinks (OSC 8): only where asked or known to work, only
/// printable addresses inside them, and a screen that is the same with or without them.
final class HyperlinkTests: EndToEndTestCase {
    private func writeLinkPage() throws -> URL {
        var text = "---\ntitle: Link Garden\n---\n\n"
        text += "See [the garden](https://example.org/garden) and [write to us](mailto:team@example.org).\n\n"
        text += "A hostile [address](https://evil.example/a\u{1B}]0;pwned\u{07}b%20c) and [a local page](other.md).\n\n"
        for part in 1...30 {
            text += "Line \(part) of the page with [link \(part)](https://example.org/page/\(part)) in it.\n\n"
        }
        return try writePage(text, named: "links.md")
    }

    /// Every OSC in the bytes: it must be an OSC 8 whose address is printable ASCII, ended by ST.
    private func oscProblems(_ bytes: [UInt8]) -> (problems: [String], addresses: [String]) {
        var problems: [String] = []
        var addresses: [String] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == 0x1B, bytes[index + 1] == UInt8(ascii: "]") else { index += 1; continue }
            let prefix = Array("\u{1B}]8;;".utf8)
            guard Array(bytes[index..<min(bytes.count, index + prefix.count)]) == prefix else {
                problems.append("an OSC other than 8 at \(index)")
                index += 2
                continue
            }
            var end = index + prefix.count
            while end < bytes.count, (0x21...0x7E).contains(bytes[end]) { end += 1 }
            guard end + 1 < bytes.count, bytes[end] == 0x1B, bytes[end + 1] == UInt8(ascii: "\\") else {
                problems.append("an OSC 8 not ended by ST right after printable ASCII at \(index)")
                index = end
                continue
            }
            addresses.append(String(decoding: bytes[(index + prefix.count)..<end], as: UTF8.self))
            index = end + 2
        }
        return (problems, addresses)
    }

    func testForcedHyperlinksCarryOnlyPrintableAddresses() throws {
        let page = try writeLinkPage()
        let result = try PseudoTerminal.run(
            binary, [page.path], environment: TestEnvironment.childEnvironment(["TERM": "xterm-256color", "FORCE_HYPERLINK": "1"]),
            directory: workDirectory, keys: ["j", " ", "q"], quiet: 0.2)
        XCTAssertEqual(result.exitStatus, 0)
        let (problems, addresses) = oscProblems(result.output)
        XCTAssertEqual(problems, [])
        XCTAssertTrue(addresses.contains("https://example.org/garden"), "\(Set(addresses))")
        XCTAssertTrue(addresses.contains("mailto:team@example.org"), "\(Set(addresses))")
        XCTAssertTrue(addresses.contains { $0.hasPrefix("https://evil.example/a%E2%90%9B]0%3Bpwned%E2%90%87b%20c") },
                      "the page's ESC and BEL (shown as ␛ and ␇) are percent-encoded: \(Set(addresses))")
        XCTAssertFalse(addresses.contains { $0.contains("other.md") }, "local links are no hyperlinks")
        XCTAssertTrue(addresses.contains("https://example.org/page/3"), "links scrolled into view get theirs too")
    }

    func testNoHyperlinksUnlessAskedOrKnown() throws {
        let page = try writeLinkPage()
        for (arguments, environment) in [([page.path], ["TERM": "xterm-256color"]),
                                         (["--no-hyperlinks", page.path], ["TERM": "xterm-kitty", "FORCE_HYPERLINK": "1"])] {
            let result = try PseudoTerminal.run(
                binary, arguments, environment: TestEnvironment.childEnvironment(environment),
                directory: workDirectory, keys: ["j", "q"], quiet: 0.2)
            XCTAssertEqual(result.exitStatus, 0)
            XCTAssertFalse(result.output.contains("\u{1B}]8;"), "\(arguments) \(environment)")
        }
    }

    func testTheScreenIsTheSameWithHyperlinks() throws {
        let page = try writeLinkPage()
        var screens: [[String]] = []
        for force in ["1", "0"] {
            let terminal = try startSession(script: "FORCE_HYPERLINK=\(force) " + [binary.path, page.path].map(shellQuoted).joined(separator: " ")
                                            + "; sleep 30")
            try terminal.waitForText("Link Garden")
            for key in ["j", "j", "Space", "k", "Tab", "Enter"] {
                try terminal.sendKeys(key)
                usleep(100_000)
            }
            // No repaint asked for: ncurses' picture of the screen must have stayed true. The screen
            // is taken once it has stopped changing (two looks 200 ms apart agree).
            var last = try terminal.capture().lines
            for _ in 0..<25 {
                usleep(200_000)
                let now = try terminal.capture().lines
                if now == last { break }
                last = now
            }
            screens.append(last)
        }
        XCTAssertEqual(screens[0], screens[1])
    }
}
