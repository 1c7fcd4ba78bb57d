import Foundation
import PivotDocument
import PivotReader
import XCTest

enum Fixtures {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var pivotSource: String {
        // swiftlint:disable:next force_try
        try! String(contentsOf: repositoryRoot.appendingPathComponent("content/pivot.md"), encoding: .utf8)
    }

    static var pivot: Document { PageParser.document(from: pivotSource) }

    /// A page written by the tests: a heading, two lead-word groups and a closing passage.
    static let groupsPage = """
        ---
        title: Fixture Page
        ---

        Opening paragraph that leads into the first list. It explains things:

        - **alpha**: the first item, which is long enough to wrap when the window is narrow enough for it.
        - **beta**: the second item with a hidden needle word.
        - **gamma**: the third item.

        Middle paragraph. Here is the second list:

        - **delta**: fourth.
        - **epsilon**: fifth, with nested examples:
            - one
            - two

        Closing words with a [link](https://example.org/x).
        """

    static func state(_ document: Document, width: Int = 80, height: Int = 24, readingWidth: Int = 80) -> ReaderState {
        ReaderState(document: document, settings: ReaderSettings(readingWidth: readingWidth),
                    size: Size(width: width, height: height))
    }
}

/// Feeds events through `update`, as the terminal front does.
func press(_ state: ReaderState, _ keys: Key...) -> ReaderState {
    keys.reduce(state) { update($0, .key($1)).0 }
}

func type(_ state: ReaderState, _ text: String) -> ReaderState {
    text.reduce(state) { update($0, .key(.character($1))).0 }
}

/// Compares a rendered screen with a stored text file under __Snapshots__.
/// Set PIVOT_RECORD_SNAPSHOTS=1 to write the files anew after an intended change.
func assertSnapshot(_ grid: CellGrid, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    assertSnapshot(grid.textLines, named: "\(name).\(grid.width)x\(grid.height)", file: file, line: line)
}

/// The grid's colour roles, one letter a cell (`CellGrid.roleLines`), as a snapshot of its own.
func assertStyleSnapshot(_ grid: CellGrid, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    assertSnapshot(grid.roleLines, named: "\(name)-roles.\(grid.width)x\(grid.height)", file: file, line: line)
}

func assertSnapshot(_ lines: [String], named fullName: String, file: StaticString = #filePath, line: UInt = #line) {
    let directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let url = directory.appendingPathComponent("\(fullName).txt")
    let actual = lines.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["PIVOT_RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("no snapshot at \(url.path); run with PIVOT_RECORD_SNAPSHOTS=1 to record it", file: file, line: line)
        return
    }
    if expected != actual {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        XCTFail("""
            snapshot \(url.lastPathComponent) differs at row \(firstDifference):
            expected: \(firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "(none)")
            actual:   \(firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "(none)")
            """, file: file, line: line)
    }
}


extension CellGrid {
    /// A letter for each cell's role where it shows a character (a space elsewhere): `.` text,
    /// `=` code, `K`eyword, `T`ype, `S`tring, `C`omment, `N`umber, `P`reprocessor, `F`unction,
    /// `V`ariable, `m`uted, `h`eading, `x` any other.
    var roleLines: [String] {
        let letters: [ColorRole: Character] = [
            .text: ".", .code: "=", .codeKeyword: "K", .codeType: "T", .codeString: "S", .codeComment: "C",
            .codeNumber: "N", .codePreprocessor: "P", .codeFunction: "F", .codeVariable: "V", .muted: "m",
            .heading: "h", .title: "h",
        ]
        return (0..<height).map { row in
            String(self.row(row).map { cell in cell.text == " " || cell.text.isEmpty ? " " : letters[cell.style.role] ?? "x" })
        }
    }
}
