import PivotTestSupport
import XCTest
@testable import PivotDocument

/// A very large page's index: pieces that tile the file, cut only where a piece parses alone.
final class PageIndexTests: XCTestCase {
    /// Headings, lead-word lists, fenced code with blank lines and `#` lines, HTML comments and
    /// Liquid raw blocks with blank lines, quotes and paragraphs.
    static func page(sections: Int, seed: UInt64 = 1) -> String {
        var random = SeededGenerator(state: seed)
        var text = "---\ntitle: Indexed page\nlayout: post\n---\n\nOpening words.\n\n"
        for section in 1...sections {
            text += "\(Int.random(in: 0..<3, using: &random) == 0 ? "#" : "##") Section \(section)\n\n"
            for paragraph in 0..<Int.random(in: 1...4, using: &random) {
                text += "Paragraph \(paragraph) of section \(section) with **bold** words and a [link](#s\(section)).\n\n"
            }
            switch Int.random(in: 0..<4, using: &random) {
            case 0: text += "```\n# not a heading\n\nstill code \(section)\n```\n\n"
            case 1: text += "<!--\n\n# hidden heading \(section)\n\n-->\n\n"
            case 2: text += "{% raw %}\n\n# raw \(section)\n\n{% endraw %}\n\n"
            default: text += "- **lead**: an item\n- **other**: another\n\n> a quote \(section)\n\n"
            }
        }
        return text
    }

    private func index(of text: String, pieceBytes: Int, chunk: Int) -> PageIndex {
        var builder = PageIndexBuilder(pieceBytes: pieceBytes)
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            builder.read(Array(bytes[start..<min(bytes.count, start + chunk)]))
            start += chunk
        }
        return builder.finish()
    }

    func testPiecesTileTheFileAndCountItsLines() {
        let text = Self.page(sections: 400)
        let bytes = Array(text.utf8)
        let index = index(of: text, pieceBytes: 2048, chunk: 1 << 20)
        XCTAssertGreaterThan(index.pieces.count, 10)
        XCTAssertEqual(index.byteCount, bytes.count)
        XCTAssertEqual(index.lineCount, bytes.filter { $0 == 0x0A }.count)
        XCTAssertEqual(index.pieces.first, PageIndex.Piece(byteOffset: 0, lineOffset: 0))
        for (number, piece) in index.pieces.enumerated() {
            let before = bytes[..<piece.byteOffset]
            XCTAssertEqual(before.filter { $0 == 0x0A }.count, piece.lineOffset, "piece \(number)")
            guard number > 0 else { continue }
            XCTAssertGreaterThan(piece.byteOffset, index.pieces[number - 1].byteOffset)
            XCTAssertGreaterThanOrEqual(piece.byteOffset - index.pieces[number - 1].byteOffset, 2048)
            // Cut at a line start, after a blank line.
            XCTAssertEqual(bytes[piece.byteOffset - 1], 0x0A)
            XCTAssertEqual(bytes[piece.byteOffset - 2], 0x0A)
        }
        XCTAssertEqual(index.piece(containingLine: 0), 0)
        XCTAssertEqual(index.piece(containingLine: index.pieces[3].lineOffset), 3)
        XCTAssertEqual(index.piece(containingLine: index.pieces[3].lineOffset - 1), 2)
        XCTAssertEqual(index.piece(containingLine: .max), index.pieces.count - 1)
    }

    func testTheIndexDoesNotDependOnHowTheFileIsChunked() {
        let text = Self.page(sections: 200, seed: 9)
        let whole = index(of: text, pieceBytes: 1024, chunk: 1 << 20)
        for chunk in [1, 7, 100, 4096] {
            XCTAssertEqual(index(of: text, pieceBytes: 1024, chunk: chunk), whole, "chunks of \(chunk) bytes")
        }
    }

    func testNoCutFallsInsideCodeCommentsOrRawBlocks() {
        let text = Self.page(sections: 300, seed: 3)
        let bytes = Array(text.utf8)
        let index = index(of: text, pieceBytes: 512, chunk: 1 << 20)
        for piece in index.pieces.dropFirst() {
            let line = bytes[piece.byteOffset...].prefix { $0 != 0x0A }
            let first = String(decoding: line, as: UTF8.self)
            XCTAssertFalse(first.hasPrefix("# not a heading") || first.hasPrefix("# hidden") || first.hasPrefix("# raw")
                           || first.hasPrefix("still code"), "cut at \(first)")
        }
    }

    func testThePageKnowsItsFrontMatterAndHeadings() {
        let text = Self.page(sections: 50, seed: 5)
        let index = index(of: text, pieceBytes: 1024, chunk: 333)
        XCTAssertEqual(index.frontMatter, "---\ntitle: Indexed page\nlayout: post\n---\n")
        let headingLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix("# Section") || $0.hasPrefix("## Section") }
        XCTAssertEqual(index.headings, headingLines.count)
        XCTAssertEqual(index.levelOneHeadings, headingLines.filter { $0.hasPrefix("# ") }.count)
        let later = index.context(for: 2..<3)
        XCTAssertFalse(later.startsPage)
        XCTAssertEqual(later.frontMatter, index.frontMatter)
        XCTAssertTrue(index.context(for: 0..<2).frontMatter.isEmpty)
    }

    /// Pieces parsed together show the blocks the whole page has there, with the page's lines.
    func testPiecesParseAsTheyReadWithinThePage() throws {
        let text = Self.page(sections: 120, seed: 11)
        let bytes = Array(text.utf8)
        let index = index(of: text, pieceBytes: 1500, chunk: 1 << 20)
        let whole = PageParser.document(from: text)
        let wholeTexts = Self.blockTexts(whole, lineOffset: 0)
        for range in [0..<2, 3..<6, (index.pieces.count - 2)..<index.pieces.count] {
            let part = index.document(pieces: range, bytes: Array(bytes[index.byteRange(of: range)]))
            let offset = index.pieces[range.lowerBound].lineOffset
            let texts = Self.blockTexts(try XCTUnwrap(part), lineOffset: offset)
            XCTAssertFalse(texts.isEmpty)
            let start = try XCTUnwrap(wholeTexts.firstIndex { $0.line == texts[0].line }, "pieces \(range)")
            XCTAssertEqual(Array(wholeTexts[start..<start + texts.count]).map(\.text), texts.map(\.text), "pieces \(range)")
            XCTAssertEqual(Array(wholeTexts[start..<start + texts.count]).map(\.line), texts.map(\.line))
        }
    }

    /// Each leaf block's source line and plain text, in reading order.
    static func blockTexts(_ document: Document, lineOffset: Int) -> [(line: Int, text: String)] {
        var found: [(line: Int, text: String)] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .section(_, let inner), .quote(let inner): visit(inner)
                case .list(let list): list.items.forEach { visit($0.blocks) }
                case .paragraph(let spans), .heading(_, let spans): found.append((block.line + lineOffset, spans.plainText))
                case .code(_, let code): found.append((block.line + lineOffset, code))
                default: found.append((block.line + lineOffset, "\(block.kind)".prefix(20).description))
                }
            }
        }
        visit(document.blocks)
        return found
    }
}
