import XCTest
@testable import PivotDocument

final class SanitizerTests: XCTestCase {
    /// Every scalar a terminal could act on, in any string of a document.
    private func assertSafe(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            XCTAssertFalse(value < 0x20 && value != 0x0A, "control \(value) in \(text.debugDescription)", file: file, line: line)
            XCTAssertFalse((0x7F...0x9F).contains(value), "C1/DEL \(value)", file: file, line: line)
            XCTAssertFalse((0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value), "bidi", file: file, line: line)
        }
    }

    func testControlsBecomeVisiblePlaceholders() {
        XCTAssertEqual(TextSanitizer.clean("a\u{1B}[31mb\u{07}c\u{7F}"), "a\u{241B}[31mb\u{2407}c\u{2421}")
        XCTAssertEqual(TextSanitizer.clean("x\u{9B}y\u{202E}z"), "x\u{FFFD}y\u{FFFD}z")
        XCTAssertEqual(TextSanitizer.clean("cr\r\nlf"), "cr lf")
    }

    func testEscapesInEveryPartOfAPageAreCleaned() {
        let esc = "\u{1B}"
        let page = """
            ---
            title: "T\(esc)]0;owned\u{07}"
            key: "\(esc)[2J"
            ---

            # Head \(esc)[31m

            Text \(esc)]52;c;AAAA\u{07} and &#27;[1m entity &#x9b;2J and \u{202E}evil and `code \(esc)[0m`

            - **lead\(esc)[5m**: item
            - **two**: x

            ```
            block \(esc)P+q\(esc)\\
            ```

            <p>html \(esc)[7m &#27;]8;;http://x\(esc)\\</p>

            [link](http://x.example/\(esc)[1m) <img alt="\(esc)[31m" src="y">

            | a\(esc)[1m | b |
            |---|---|
            | \u{9D}x | y |
            """
        let document = PageParser.document(from: page)
        assertSafe(document.title ?? "")
        document.metadata.forEach { assertSafe($0.key + $0.value) }
        document.links.forEach { assertSafe($0.text + $0.target) }
        document.sections.forEach { assertSafe($0.title) }
        document.warnings.forEach { assertSafe($0) }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .paragraph(let spans), .heading(_, let spans): assertSafe(spans.plainText)
                case .code(let language, let text): assertSafe(language + text)
                case .image(let image): assertSafe(image.alt + image.source)
                case .table(let table): ([table.header] + table.rows).flatMap { $0 }.forEach { assertSafe($0.plainText) }
                case .section(_, let body), .quote(let body): visit(body)
                case .list(let list): list.items.forEach { visit($0.blocks) }
                case .rule: break
                }
            }
        }
        visit(document.blocks)
        XCTAssertTrue(PlainTextProbe.words(of: document).contains("entity"))
    }

    func testInvalidUTF8IsRepairedNotFatal() throws {
        let bytes: [UInt8] = Array("ok ".utf8) + [0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xFF] + Array(" end".utf8)
        let text = try PageSource.text(from: bytes)
        XCTAssertTrue(text.hasPrefix("ok "))
        XCTAssertTrue(text.hasSuffix(" end"))
        XCTAssertTrue(text.unicodeScalars.contains("\u{FFFD}"))
    }

    func testBinaryAndHugeInputAreRefused() {
        XCTAssertThrowsError(try PageSource.text(from: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00])) {
            XCTAssertEqual($0 as? PageError, .binary)
        }
        XCTAssertNoThrow(try PageSource.text(from: [UInt8]()))
        let huge = [UInt8](repeating: 0x61, count: PageSource.byteLimit + 1)
        XCTAssertThrowsError(try PageSource.text(from: huge))
    }

    func testFileReaderErrorsAreOneLine() throws {
        XCTAssertThrowsError(try FileReader.read("/nonexistent/x.md", limit: 10)) {
            XCTAssertEqual("\($0)", "/nonexistent/x.md: no such file")
        }
        XCTAssertThrowsError(try FileReader.read("/", limit: 10)) {
            XCTAssertEqual("\($0)", "/: is a directory, not a page")
        }
    }
}
