import XCTest
@testable import PivotDocument

/// HTML tables are read into the same `Table` as Markdown tables.
final class HTMLTableTests: XCTestCase {
    private func table(_ html: String) throws -> Table {
        let document = PageParser.document(from: html)
        for block in document.blocks { if case .table(let table) = block.kind { return table } }
        throw XCTSkip("no table in: \(document.blocks.map { "\($0.kind)" })")
    }

    func testHeaderRowsCellsBreaksAndColspan() throws {
        let table = try table("""
            <table>
            <thead><tr><th>Name</th><th>Kind</th></tr></thead>
            <tbody>
            <tr><td>Apple</td><td>Fruit<br>sweet</td></tr>
            <tr><td colspan="2"><a href="https://x.org">Both</a> <img src="i.png" alt="icon"> columns</td></tr>
            </tbody>
            </table>
            """)
        XCTAssertEqual(table.header.map(\.plainText), ["Name", "Kind"])
        XCTAssertEqual(table.rows.map { $0.map(\.plainText) }, [["Apple", "Fruit\nsweet"], ["Both [image: icon] columns", ""]])
        XCTAssertEqual(table.rows[1][0].first?.link, 0)
    }

    func testATableWithoutHeaderCellsHasNoHeader() throws {
        let table = try table("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>")
        XCTAssertEqual(table.header.count, 0)
        XCTAssertEqual(table.rows.map { $0.map(\.plainText) }, [["a", "b"], ["c", ""]])
    }

    func testAHostileColspanIsBounded() throws {
        let table = try table("<table><tr><th colspan=\"999999\">x</th></tr><tr><td>y</td></tr></table>")
        XCTAssertEqual(table.header.count, HTMLTableBuilder.columnLimit)
    }
}

/// `<p align="center">` and `<center>` centre their blocks; others stay left.
final class CentredHTMLTests: XCTestCase {
    func testCentredBlocks() {
        let document = PageParser.document(from: """
            <p align="center"><img src="logo.png" alt="Logo"></p>

            <center>Middle words</center>

            <p>Left words</p>
            """)
        func centred(_ blocks: [Block]) -> [Bool] {
            blocks.flatMap { block -> [Bool] in
                if case .section(_, let body) = block.kind { return centred(body) }
                return [block.isCentered]
            }
        }
        XCTAssertEqual(centred(document.blocks), [true, true, false])
    }
}

/// `<dl>`: each term in bold, its definition indented under it.
final class DefinitionListTests: XCTestCase {
    func testTermsAndDefinitions() {
        let document = PageParser.document(from: "<dl>\n<dt>Apple</dt>\n<dd>A round fruit.</dd>\n<dt>Pear</dt><dd>A fruit.</dd>\n</dl>\n")
        var shapes: [String] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .paragraph(let spans):
                    shapes.append((spans.first?.style.contains(.bold) == true ? "term " : "text ") + spans.plainText)
                case .quote(let inner) where block.isDefinition:
                    shapes.append("definition:")
                    visit(inner)
                case .section(_, let body): visit(body)
                default: break
                }
            }
        }
        visit(document.blocks)
        XCTAssertEqual(shapes, ["term Apple", "definition:", "text A round fruit.", "term Pear", "definition:", "text A fruit."])
    }
}
