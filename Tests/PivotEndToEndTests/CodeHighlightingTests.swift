import Foundation
import Glibc
import PivotTestSupport
import XCTest

/// The real binary highlights a code block through the library it loads at run time, and
/// `--no-highlight` leaves the block in the code colour. Read from tmux's own record of each
/// cell's colours and attributes.
final class CodeHighlightingTests: EndToEndTestCase {
    static let page = """
        # Code Fixture

        ```python
        def greet(name):
            return "hello " + name
        ```
        """

    /// The SGR parameters in force where `word` starts on the first line holding `marker`.
    private func parameters(before word: String, on marker: String, in lines: [String]) -> Set<String> {
        guard let line = lines.first(where: { $0.contains(marker) }), let range = line.range(of: word) else { return [] }
        var active = Set<String>()
        var rest = Substring(line[..<range.lowerBound])
        while let escape = rest.range(of: "\u{1b}[") {
            let tail = rest[escape.upperBound...]
            guard let end = tail.firstIndex(where: { $0.isLetter }) else { break }
            if tail[end] == "m" {
                let codes = tail[..<end].split(separator: ";").map(String.init)
                if codes.isEmpty || codes == ["0"] { active = [] } else { active.formUnion(codes) }
            }
            rest = tail[tail.index(after: end)...]
        }
        return active
    }

    /// The styled pane once `def` has taken a colour (the code is highlighted after the first paint).
    private func waitForColours(_ session: TmuxSession) throws -> [String] {
        let deadline = Date().addingTimeInterval(10)
        var lines = try session.captureWithStyles()
        while parameters(before: "def", on: "greet", in: lines).contains("32"), Date() < deadline {
            usleep(50_000)
            lines = try session.captureWithStyles()
        }
        return lines
    }

    func testKeywordsAndStringsTakeTheirColours() throws {
        let session = try startReader([try writePage(Self.page).path])
        try session.waitForText("return")
        let lines = try waitForColours(session)
        let keyword = parameters(before: "def", on: "greet", in: lines)
        XCTAssertTrue(keyword.contains("33") && keyword.contains("1"), "def is bold yellow: \(keyword)\n\(lines.joined(separator: "\n"))")
        XCTAssertTrue(parameters(before: "\"hello", on: "return", in: lines).contains("32"), "the string is green")
        XCTAssertFalse(parameters(before: "greet", on: "greet", in: lines).contains("32"),
                       "a plain name is in the text colour, not the code colour")
    }

    func testNoHighlightShowsCodeInOneColour() throws {
        let session = try startReader(["--no-highlight", try writePage(Self.page).path])
        try session.waitForText("return")
        // Long enough for highlighting, which follows the first paint within milliseconds, to show.
        usleep(500_000)
        let lines = try session.captureWithStyles()
        for word in ["def", "greet"] {
            let active = parameters(before: word, on: "greet", in: lines)
            XCTAssertTrue(active.contains("32") && !active.contains("33"), "\(word) in the code colour: \(active)")
        }
    }
}
