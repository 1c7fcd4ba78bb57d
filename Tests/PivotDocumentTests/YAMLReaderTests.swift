import XCTest
@testable import PivotDocument

final class YAMLReaderTests: XCTestCase {
    func testReadsNestedValuesInOrder() throws {
        let value = try YAMLReader.read("title: A\ntags: [x, y]\nauthor:\n  name: N\n  url: u\nempty:\n")
        XCTAssertEqual(value["title"], .scalar("A"))
        XCTAssertEqual(value["tags"], .sequence([.scalar("x"), .scalar("y")]))
        XCTAssertEqual(value["author"]?["name"], .scalar("N"))
        XCTAssertEqual(value["empty"], .null)
        guard case .mapping(let pairs) = value else { return XCTFail("not a mapping") }
        XCTAssertEqual(pairs.map(\.key), ["title", "tags", "author", "empty"])
    }

    func testQuotedNullIsAString() throws {
        XCTAssertEqual(try YAMLReader.read("a: 'null'")["a"], .scalar("null"))
    }

    func testDeepNestingIsRefused() {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        XCTAssertThrowsError(try YAMLReader.read(deep)) { error in
            XCTAssertTrue("\(error)".contains("deeper"))
        }
    }

    func testAliasesAreNotExpanded() throws {
        // A "billion laughs" document stays small: aliases read as null.
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 { yaml += "l\(level): &l\(level) [*\(level == 1 ? "a" : "l\(level - 1)"), *\(level == 1 ? "a" : "l\(level - 1)")]\n" }
        let value = try YAMLReader.read(yaml)
        XCTAssertEqual(value["l8"], .sequence([.null, .null]))
    }

    func testSyntaxErrorsSayWhere() {
        XCTAssertThrowsError(try YAMLReader.read("a: [1, 2\nb: c")) { error in
            XCTAssertTrue("\(error)".contains("line"), "\(error)")
        }
    }
}
