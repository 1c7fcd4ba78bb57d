import PivotDocument
import XCTest
@testable import PivotReader

/// The Pivot page as a reader sees it, stored as text under __Snapshots__.
final class SnapshotTests: XCTestCase {
    private let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 40, height: 12)]

    func testPivotPageUnfolded() {
        for size in sizes {
            assertSnapshot(render(Fixtures.state(Fixtures.pivot, width: size.width, height: size.height)),
                           named: "pivot-unfolded")
        }
    }

    func testPivotPageFoldedAll() {
        for size in sizes {
            let state = press(Fixtures.state(Fixtures.pivot, width: size.width, height: size.height), .character("-"))
            assertSnapshot(render(state), named: "pivot-folded")
        }
    }

    func testPivotPageTopLevelOpenItemsFolded() {
        // Fold everything, then open the top-level sections: the items show as one-line summaries.
        for size in sizes {
            var state = press(Fixtures.state(Fixtures.pivot, width: size.width, height: size.height), .character("-"))
            for number in Fixtures.pivot.topLevelSections.indices.reversed() {
                state = press(state, .character(Character(String(number + 1))), .character("l"))
            }
            state = press(state, .home)
            assertSnapshot(render(state), named: "pivot-items-folded")
        }
    }

    func testPivotPageScrolledToTheEnd() {
        for size in sizes {
            let state = press(Fixtures.state(Fixtures.pivot, width: size.width, height: size.height), .end)
            assertSnapshot(render(state), named: "pivot-end")
        }
    }

    func testCalloutsAndAttributeLists() {
        let page = PageParser.document(from: """
            ---
            title: Callouts
            ---
            Read the [guide](https://example.org/guide){:target="_blank"} first.

            {: .note .warning}
            Pygments is deprecated and falls back to Rouge, which reads the same stylesheets.

            > [!TIP]
            > Fold this box with the others.

            Shipped :rocket: at last :tada: (but `:tada:` in code stays).

            The end.
            """)
        for size in [Size(width: 80, height: 24), Size(width: 40, height: 12)] {
            assertSnapshot(render(Fixtures.state(page, width: size.width, height: size.height)), named: "callouts")
        }
    }

    func testDetailsFoldedAtFirst() {
        let page = PageParser.document(from: """
            ---
            title: Details
            ---
            Intro text.

            <details>
            <summary>Click to expand</summary>

            Hidden text that shows once the section is unfolded.

            </details>

            After the details.
            """)
        for size in [Size(width: 80, height: 24), Size(width: 40, height: 12)] {
            let state = Fixtures.state(page, width: size.width, height: size.height)
            XCTAssertEqual(state.folds.count, 1)
            assertSnapshot(render(state), named: "details-folded")
            assertSnapshot(render(press(state, .tab, .enter)), named: "details-unfolded")
        }
    }

    func testHTMLTable() {
        let page = PageParser.document(from: """
            ---
            title: Table
            ---
            <table>
            <tr><th>Fruit</th><th>Season</th></tr>
            <tr><td>Apple</td><td>Autumn<br>and winter</td></tr>
            <tr><td>Cherry</td><td>Early summer</td></tr>
            </table>
            """)
        for size in [Size(width: 80, height: 24), Size(width: 40, height: 12)] {
            assertSnapshot(render(Fixtures.state(page, width: size.width, height: size.height)), named: "html-table")
        }
    }

    func testCentredHTMLAndDefinitionLists() {
        let page = PageParser.document(from: """
            ---
            title: Centred
            ---
            <p align="center">
              <b>Centred title</b><br>
              A short centred line.
            </p>

            Left text.

            <dl>
            <dt>Apple</dt>
            <dd>A round fruit that grows on trees in cool places.</dd>
            </dl>
            """)
        for size in [Size(width: 80, height: 24), Size(width: 40, height: 12)] {
            assertSnapshot(render(Fixtures.state(page, width: size.width, height: size.height)), named: "centred")
        }
    }

    func testHelpPanel() {
        assertSnapshot(render(press(Fixtures.state(Fixtures.pivot), .character("?"))), named: "help")
    }

    func testTinyWindows() {
        for size in [Size(width: 1, height: 1), Size(width: 19, height: 2), Size(width: 0, height: 0)] {
            let grid = render(Fixtures.state(Fixtures.pivot, width: size.width, height: size.height))
            XCTAssertEqual(grid.width, size.width)
            XCTAssertEqual(grid.height, size.height)
        }
        assertSnapshot(render(Fixtures.state(Fixtures.pivot, width: 20, height: 3)), named: "pivot-smallest")
    }
}
