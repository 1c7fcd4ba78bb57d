import PivotDocument
import PivotTestSupport
import XCTest
@testable import PivotReader

/// The hostile corpus through the whole core: every screen the reader can draw of it (the
/// page scrolled end to end, folded, with the focus on each section, the panels, search
/// messages) holds no control in any cell, at several window sizes; plain text neither.
final class HostileRenderTests: XCTestCase {
    private struct HostileSite: SiteContext {
        func permalink(forPath path: String) -> String? { "/linked/" + HostileCorpus.raw }
        func value(forKey key: String) -> String? { "site " + HostileCorpus.raw }
    }

    private static let document: Document = {
        // swiftlint:disable:next force_try
        let text = try! PageSource.text(from: HostileCorpus.pageBytes)
        return PageParser.document(from: text, site: HostileSite())
    }()

    private let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12), Size(width: 20, height: 3),
                         Size(width: 200, height: 60), Size(width: 33, height: 7), Size(width: 121, height: 9)]

    /// Draws and checks the state; returns the grid.
    @discardableResult
    private func check(_ state: ReaderState, _ situation: String, file: StaticString = #filePath,
                       line: UInt = #line) -> CellGrid {
        let grid = render(state)
        GridChecks.assertClean(grid, state, situation, file: file, line: line)
        return grid
    }

    func testLayoutOfTheHostilePageIsClean() {
        for width in [12, 20, 40, 80, 200] {
            for folds in [Set<Int>(), Set(Self.document.sections.map(\.id))] {
                let layout = Layout(document: Self.document, options: LayoutOptions(width: width), folds: folds)
                let problems = GridChecks.layoutProblems(layout)
                XCTAssertTrue(problems.isEmpty, "width \(width), \(folds.count) folds: \(problems.prefix(5))")
            }
        }
    }

    func testEveryScreenOfTheHostilePageIsClean() {
        var sawPlaceholder = false
        for size in sizes {
            let start = Fixtures.state(Self.document, width: size.width, height: size.height)
            let label = "\(size.width)x\(size.height)"
            // The page, top to bottom.
            var state = start
            var screens = 0
            while true {
                let grid = check(state, "\(label) top \(state.top)")
                sawPlaceholder = sawPlaceholder || grid.cells.contains { $0.text == "\u{241B}" }
                screens += 1
                if state.top >= state.maxTop || screens > 2000 { break }
                state = press(state, .pageDown)
            }
            // Folded, then every section focused in turn (the status line shows its title).
            state = press(start, .character("-"))
            check(state, "\(label) folded")
            state = press(state, .character("+"), .home)
            for step in 0..<(Self.document.sections.count + 2) {
                state = press(state, .tab)
                check(state, "\(label) tab \(step), focus \(state.focus.map(String.init) ?? "none")")
            }
            state = press(state, .enter)
            check(state, "\(label) focused section folded")
            // The panels, scrolled through.
            for panel in ["i", "t", "?"] {
                state = press(start, .character(Character(panel)))
                for step in 0..<60 {
                    check(state, "\(label) panel \(panel) step \(step)")
                    state = press(state, panel == "t" ? .down : .pageDown)
                }
            }
            // Search: the prompt, the match message, the highlight, the not-found message.
            state = type(press(start, .character("/")), "pwned")
            check(state, "\(label) search prompt")
            state = press(state, .enter)
            check(state, "\(label) search result: \(state.message ?? "")")
            for step in 0..<5 {
                state = press(state, .character("n"))
                check(state, "\(label) search next \(step)")
            }
            state = press(type(press(state, .character("/")), "␛[2J"), .enter)
            check(state, "\(label) search for a placeholder: \(state.message ?? "")")
            state = press(type(press(state, .character("/")), "no such words here"), .enter)
            check(state, "\(label) search not found: \(state.message ?? "")")
        }
        XCTAssertTrue(sawPlaceholder, "the escapes should show as ␛ somewhere")
    }

    /// The first note about the page shows in the status line at start: it is clean too.
    func testTheFirstNoteInTheStatusLineIsClean() {
        let state = Fixtures.state(Self.document)
        XCTAssertNotNil(state.message, "the page has notes (removed Liquid tag)")
        check(state, "note in the status line")
    }

    func testAsciiGlyphsToo() {
        var state = ReaderState(document: Self.document, settings: ReaderSettings(glyphs: .ascii),
                                size: Size(width: 60, height: 20))
        for step in 0..<40 {
            check(state, "ascii glyphs, step \(step)")
            state = press(state, step % 3 == 0 ? .tab : .pageDown)
        }
    }

    func testPlainTextOfTheHostilePageIsClean() {
        for width in [20, 40, 80, 200] {
            let text = PlainText.render(Self.document, width: width)
            XCTAssertEqual(HostileCorpus.forbiddenScalars(in: text, allowingNewline: true), [], "width \(width)")
            XCTAssertTrue(text.contains("\u{241B}[2J"), "placeholders expected at width \(width)")
        }
    }
}
