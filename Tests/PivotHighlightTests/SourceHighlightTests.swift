import PivotDocument
@testable import PivotHighlight
import XCTest

/// GNU Source-highlight through the shim, loaded from the build folder as pivot-tui loads it.
final class SourceHighlightTests: XCTestCase {
    private var highlighter: CodeHighlighter!

    override func setUpWithError() throws {
        // The library is built with the package: missing, the product is broken, not the machine.
        highlighter = try XCTUnwrap(CodeHighlighter.available, "libpivot-highlight.so is not beside the test binary")
    }

    private func text(of token: CodeToken, in code: String) -> String {
        let line = code.split(separator: "\n", omittingEmptySubsequences: false)[Int(token.line)]
        let bytes = Array(line.utf8)[Int(token.start)..<Int(token.start + token.length)]
        return String(decoding: bytes, as: UTF8.self)
    }

    private func kinds(_ code: String, _ language: String) throws -> [String: CodeTokenKind] {
        let tokens = try XCTUnwrap(highlighter.tokens(language: language, code: code))
        return Dictionary(tokens.map { (text(of: $0, in: code), $0.kind) }, uniquingKeysWith: { first, _ in first })
    }

    func testPythonKeywordsStringsNumbersAndComments() throws {
        let code = "def greet(name):\n    # say it\n    return \"hi \" + name * 42\n"
        let found = try kinds(code, "python")
        XCTAssertEqual(found["def"], .keyword)
        XCTAssertEqual(found["return"], .keyword)
        XCTAssertEqual(found["\"hi \""], .string)
        XCTAssertEqual(found["42"], .number)
        XCTAssertEqual(found["# say it"], .comment, "a comment's pieces are joined into one token: \(found)")
        XCTAssertNil(found["name"], "plain names are not tokens")
    }

    func testStateCarriesAcrossLines() throws {
        let code = "int a; /* opens\nstill a comment\ncloses */ int b;"
        let tokens = try XCTUnwrap(highlighter.tokens(language: "c", code: code))
        XCTAssertTrue(tokens.contains { $0.line == 1 && $0.kind == .comment && text(of: $0, in: code) == "still a comment" },
                      "the middle line of a block comment is a comment: \(tokens)")
        XCTAssertTrue(tokens.contains { $0.line == 2 && $0.kind == .type && text(of: $0, in: code) == "int" })
    }

    func testFenceNamesSourceHighlightLacksHaveAliases() throws {
        XCTAssertEqual(try kinds("fn main() { let x = 1; }", "rust")["fn"], .keyword)
        XCTAssertEqual(try kinds("$ ls -l # list", "console")["# list"], .comment)
    }

    func testUnknownAndHostileLanguagesAreNone() {
        for language in ["klingon", "../../../../etc/passwd", "python\0", "sh; rm -rf /", String(repeating: "a", count: 4_000), ""] {
            XCTAssertNil(highlighter.tokens(language: language, code: "x = 1"), language.debugDescription)
        }
    }

    func testTokensStayInsideTheirLines() throws {
        let code = "s = \"héllo ✓\"  # ünïcode\nprint(s)\n\n"
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        let tokens = try XCTUnwrap(highlighter.tokens(language: "python", code: code))
        XCTAssertFalse(tokens.isEmpty)
        for token in tokens {
            XCTAssertLessThan(Int(token.line), lines.count)
            XCTAssertLessThanOrEqual(Int(token.start + token.length), lines[Int(token.line)].utf8.count, "\(token)")
        }
    }

    func testLongLinesStayPlain() throws {
        let long = "x = 1 # " + String(repeating: "y", count: CodeHighlighter.maxLineBytes)
        let tokens = try XCTUnwrap(highlighter.tokens(language: "python", code: "a = 1 # short\n" + long))
        XCTAssertTrue(tokens.contains { $0.line == 0 && $0.kind == .comment })
        XCTAssertFalse(tokens.contains { $0.line == 1 }, "a line over the limit has no tokens")
    }

    func testCodeThatTakesTooLongIsLeftPlain() {
        // Lines just under the limit that no rule matches are the slowest case (about 1 ms each).
        let slow = Array(repeating: String(repeating: "x", count: CodeHighlighter.maxLineBytes - 1), count: 2_000)
        XCTAssertNil(highlighter.tokens(language: "python", code: slow.joined(separator: "\n"), timeLimit: 0.02))
        XCTAssertNotNil(highlighter.tokens(language: "python", code: "x = 1", timeLimit: 0.02))
    }

    func testHostileCodeEndsWithTokensOrNone() {
        // Unclosed strings and comments, control bytes, a long line: highlighting ends either way.
        let hostile = ["\"unclosed\n/* never\n", String(repeating: "(", count: 20_000), "\u{1}\u{7f}'''\n" + String(repeating: "x", count: 65_000)]
        for code in hostile {
            for language in ["c", "python", "sh", "html"] {
                _ = highlighter.tokens(language: language, code: code)
            }
        }
    }

    func testADocumentIsHighlightedThroughTheLibrary() {
        var document = PageParser.document(from: "# Page\n\n```sh\necho \"hi\"\n```\n")
        document.highlightCode { highlighter.tokens(language: $0, code: $1) }
        guard case .code = document.blocks.last?.kind ?? document.blocks[0].kind else { return XCTFail("no code block") }
        let tokens = document.blocks.compactMap { block -> [CodeToken]? in
            if case .code = block.kind { return block.codeTokens }
            if case .section(_, let body) = block.kind { return body.first { if case .code = $0.kind { return true } else { return false } }?.codeTokens }
            return nil
        }.flatMap { $0 }
        XCTAssertTrue(tokens.contains { $0.kind == .string }, "\(tokens)")
    }
}
