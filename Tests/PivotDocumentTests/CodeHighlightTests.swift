import PivotDocument
import XCTest

/// Code blocks' languages and line numbers as pages write them, and `highlightCode` giving
/// tokens to every block with a language, within its limits.
final class CodeHighlightTests: XCTestCase {
    private func codeBlocks(_ blocks: [Block]) -> [Block] {
        blocks.flatMap { block -> [Block] in
            switch block.kind {
            case .code: return [block]
            case .section(_, let body), .quote(let body): return codeBlocks(body)
            case .list(let list): return list.items.flatMap { codeBlocks($0.blocks) }
            default: return []
            }
        }
    }

    private func languages(_ page: String) -> [String] {
        codeBlocks(PageParser.document(from: page).blocks).map {
            if case .code(let language, _) = $0.kind { return language }
            return "?"
        }
    }

    func testFenceLanguagesAreNamesAHighlighterKnows() {
        let page = "```Python\nx\n```\n\n```{.ruby}\nx\n```\n\n```js{1,3}\nx\n```\n\n```c++ title=\"a\"\nx\n```\n\n```\nx\n```\n"
        XCTAssertEqual(languages(page), ["python", "ruby", "js", "c++", ""])
    }

    func testLiquidHighlightTagKeepsItsLanguageAndLineNumbers() {
        let page = "---\ntitle: T\n---\n{% highlight ruby linenos %}\nputs 1\nputs 2\n{% endhighlight %}\n\n{% highlight sh %}\nls\n{% endhighlight %}\n"
        let blocks = codeBlocks(PageParser.document(from: page).blocks)
        XCTAssertEqual(blocks.count, 2)
        guard blocks.count == 2 else { return }
        if case .code(let language, let text) = blocks[0].kind {
            XCTAssertEqual(language, "ruby")
            XCTAssertEqual(text, "puts 1\nputs 2")
        }
        XCTAssertTrue(blocks[0].showsLineNumbers)
        XCTAssertFalse(blocks[1].showsLineNumbers)
    }

    func testEveryBlockWithALanguageIsAskedForOnceWhereverItSits() {
        let page = """
            # Title

            ```python
            top
            ```

            > ```sh
            > quoted
            > ```

            - item

              ```ruby
              listed
              ```

            ```
            no language
            ```
            """
        var document = PageParser.document(from: page)
        XCTAssertTrue(document.hasCodeWithLanguage)
        var asked: [String] = []
        document.highlightCode { language, code in
            asked.append("\(language):\(code)")
            return [CodeToken(line: 0, start: 0, length: 1, kind: .keyword)]
        }
        XCTAssertEqual(asked.sorted(), ["python:top", "ruby:listed", "sh:quoted"])
        let blocks = codeBlocks(document.blocks)
        XCTAssertEqual(blocks.filter { !$0.codeTokens.isEmpty }.count, 3)
    }

    func testAnUnknownLanguageStaysPlain() {
        var document = PageParser.document(from: "```klingon\nqapla'\n```\n")
        document.highlightCode { _, _ in nil }
        XCTAssertEqual(codeBlocks(document.blocks).first?.codeTokens, [])
    }

    func testBlocksPastTheLimitsAreNotHighlighted() {
        let big = String(repeating: "x = 1\n", count: 20)  // 119 bytes
        let page = "```python\nsmall\n```\n\n```python\n\(big)```\n\n```python\nlast\n```\n"
        var document = PageParser.document(from: page)
        var asked: [String] = []
        document.highlightCode(limits: CodeHighlightLimits(bytesPerBlock: 100, bytesPerPage: 8)) { _, code in
            asked.append(code)
            return []
        }
        // The big block is past the block limit; `last` would pass the page's budget of 8 bytes
        // only if the big block had not been counted, and `small` (5) leaves 3.
        XCTAssertEqual(asked, ["small"])
    }

    func testAPageWithoutLanguagesNeedsNoHighlighter() {
        XCTAssertFalse(PageParser.document(from: "# T\n\n    indented code\n\n```\nfenced\n```\n").hasCodeWithLanguage)
    }
}
