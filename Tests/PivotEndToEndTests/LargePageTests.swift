import Foundation
import XCTest
import PivotTestSupport

/// A large page opens on its top while the rest is parsed on another thread; the end key
/// reaches the end of the whole page, and the terminal is restored as always.
final class LargePageTests: EndToEndTestCase {
    /// About 4 MB: chapters with headings, lead-word lists and code, numbered so each is unique.
    private static var largePage: String { largePage(chapters: 12_000) }

    /// About 260 bytes a chapter.
    private static func largePage(chapters: Int) -> String {
        var text = "---\ntitle: Large Fixture\n---\n\nThe first words of the large page.\n\n"
        for chapter in 1...chapters {
            text += "## Chapter \(chapter)\n\nChapter \(chapter) leads into a list:\n\n"
            text += "- **alpha**: the first item of chapter \(chapter).\n- **beta**: the second one.\n\n"
            text += "```\ncode of chapter \(chapter)\n```\n\nSome closing words of chapter \(chapter), long enough "
                + "to wrap at eighty columns so that the text takes a few lines.\n\n"
        }
        return text + "The last words of the large page.\n"
    }

    func testTheEndKeyReachesTheEndOfTheWholePage() throws {
        let page = try writePage(Self.largePage)
        let session = try startReader([page.path], width: 80, height: 24)
        try session.waitForScreen("the top of the page") { $0.contains("The first words of the large page.") }
        try session.sendKeys("G")
        try session.waitForScreen("the end of the whole page", timeout: 30) { screen in
            screen.contains("The last words of the large page.") && screen.statusLine.contains("Bot")
        }
        try session.sendKeys("g")
        try session.waitForScreen("the top again") { $0.contains("The first words of the large page.") }
        try session.sendKeys("q")
        try session.waitForText("EXIT=0")
    }

    /// A page this large is read in pieces (never parsed whole): a search still counts every
    /// match in the page and goes to one near its end, and back to the top.
    func testASearchFindsWordsNearTheEndOfAPageReadInPieces() throws {
        let page = try writePage(Self.largePage)
        let session = try startReader([page.path], width: 80, height: 24)
        try searchNearTheEnd(session)
        try session.sendKeys("n")
        try session.waitForScreen("the second match") { $0.statusLine.contains("match 2 of 5") }
        try session.sendKeys("g")
        try session.waitForScreen("the top again") { $0.contains("The first words of the large page.") }
        try session.sendKeys("n")
        try session.waitForScreen("the first match again, from the top") { screen in
            screen.statusLine.contains("match 1 of 5") && screen.contains("Chapter 11990")
        }
        try session.sendKeys("q")
        try session.waitForText("EXIT=0")
    }

    /// A site search reads a page this large a piece at a time too; its hit opens the page at
    /// the match.
    func testASiteSearchHitInAPageReadInPiecesOpensAtTheMatch() throws {
        _ = try writePage(Self.largePage, named: "large.md")
        _ = try writePage("---\ntitle: Small Home\n---\n\nSee [the large page](large.md).\n", named: "home.md")
        let session = try startReader([workDirectory.path], width: 80, height: 24)
        try session.waitForText("Small Home")
        try session.type("/chapter 11990")
        try session.sendKeys("Enter")
        try session.waitForScreen("the hits", timeout: 30) { $0.contains("Large Fixture") && $0.contains("chapter 11990") }
        try session.sendKeys("Enter")
        try session.waitForScreen("the page at the match", timeout: 30) { screen in
            screen.statusLine.contains("chapter 11990: match 1 of 5") && screen.contains("Chapter 11990")
        }
        try session.sendKeys("q")
        try session.waitForText("EXIT=0")
    }

    func testALinkToALargePageOpensItsTopAndBackAndForthKeepThePlace() throws {
        _ = try writePage(Self.largePage, named: "large.md")
        let home = try writePage("---\ntitle: Small Home\n---\n\nSee [the large page](large.md).\n", named: "home.md")
        let session = try startReader([home.path], width: 80, height: 24)
        try session.waitForText("Small Home")
        try session.type("f1")
        try session.sendKeys("Enter")
        try session.waitForScreen("the large page's top") { $0.contains("The first words of the large page.") }
        try session.sendKeys("G")
        let end = try session.waitForScreen("its end", timeout: 30) { screen in
            screen.contains("The last words of the large page.") && screen.statusLine.contains("Bot")
        }
        try session.sendKeys("B")
        try session.waitForScreen("home again") { $0.header.contains("Small Home") }
        try session.sendKeys("F")
        let again = try session.waitForScreen("the end of the large page again", timeout: 30) { screen in
            screen.contains("The last words of the large page.") && screen.statusLine.contains("Bot")
        }
        XCTAssertEqual(Array(again.pageLines), Array(end.pageLines))
        try session.sendKeys("q")
        try session.waitForText("EXIT=0")
    }

    func testResizingAndFoldingAtTheEndOfALargePage() throws {
        let page = try writePage(Self.largePage)
        let session = try startReader([page.path], width: 80, height: 24)
        try session.waitForScreen("the top of the page") { $0.contains("The first words of the large page.") }
        try session.sendKeys("G")
        try session.waitForScreen("the end", timeout: 30) { $0.contains("The last words of the large page.") }
        try session.resize(width: 40, height: 12)
        // The text at the top stays at the top; the end is a key away again.
        try session.waitForScreen("the last chapters at 40x12") { screen in
            screen.lines.count == 12 && screen.contains("chapter 11999") && screen.statusLine.hasSuffix("?: help")
        }
        try session.sendKeys("G")
        try session.waitForScreen("the end at 40x12") { screen in
            screen.contains("large page.") && screen.statusLine.contains("Bot")
        }
        try session.sendKeys("[")
        try session.sendKeys("Enter")
        try session.waitForScreen("the last chapter folded") { $0.contains("▸") }
        try session.sendKeys("q")
        try session.waitForText("EXIT=0", history: true)
    }

    /// Plain text of a page read in pieces is written a piece at a time: the title once, every
    /// chapter once and in order, to the last words. Standard input this large goes to a
    /// temporary file (unlinked at once) and is read in pieces too: the same text.
    func testPlainTextOfAPageReadInPiecesHasEveryChapterOnceAndStandardInputGivesTheSame() throws {
        let chapters = 4_500
        let page = try writePage(Self.largePage(chapters: chapters))
        let size = try FileManager.default.attributesOfItem(atPath: page.path)[.size] as? Int ?? 0
        XCTAssertGreaterThan(size, 1_048_576, "the page is read in pieces")
        let spillFolder = workDirectory.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: spillFolder, withIntermediateDirectories: true)
        let environment = TestEnvironment.childEnvironment(["TERM": "xterm-256color", "TMPDIR": spillFolder.path])
        let inPieces = try ProcessRunner.run(binary.path, ["--plain", page.path], environment: environment,
                                             currentDirectory: workDirectory.path, timeout: 120)
        let piped = try ProcessRunner.run(binary.path, ["--plain", "-"], environment: environment,
                                          currentDirectory: workDirectory.path, stdin: page.path, timeout: 120)
        XCTAssertEqual(inPieces.exitStatus, 0, inPieces.stderrText)
        XCTAssertEqual(piped.exitStatus, 0, piped.stderrText)
        let text = inPieces.stdoutText
        XCTAssertTrue(text.hasPrefix("Large Fixture\n"), "the title, once")
        XCTAssertEqual(text.components(separatedBy: "Large Fixture").count, 2)
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("Chapter ") && $0.split(separator: " ").count == 2 }
        XCTAssertEqual(headings.map(String.init), (1...chapters).map { "Chapter \($0)" }, "every chapter once, in order")
        XCTAssertTrue(text.hasSuffix("The last words of the large page.\n"))
        XCTAssertTrue(inPieces.stdout == piped.stdout, "standard input gives the same text")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: spillFolder.path), [], "no temporary file left")
    }

    /// A large page on standard input opens on screen and is read in pieces like a file: the
    /// end key and a search near the end work, and the keys come from the terminal.
    func testALargePageOnStandardInputIsReadInPieces() throws {
        let page = try writePage(Self.largePage)
        let command = "cat \(shellQuoted(page.path)) | \(shellQuoted(binary.path)) -; echo EXIT=$?; sleep 30"
        let session = try startSession(script: command)
        try searchNearTheEnd(session)
        try session.sendKeys("G")
        try session.waitForScreen("the end of the page", timeout: 30) { screen in
            screen.contains("The last words of the large page.") && screen.statusLine.contains("Bot")
        }
        try session.sendKeys("q")
        try session.waitForText("EXIT=0")
    }

    /// From the top of the large page: a search for a chapter near its end goes to its first
    /// of five matches, counted over the whole page.
    private func searchNearTheEnd(_ session: TmuxSession) throws {
        try session.waitForScreen("the top of the page") { $0.contains("The first words of the large page.") }
        try session.type("/chapter 11990")
        try session.sendKeys("Enter")
        try session.waitForScreen("the first match, near the end", timeout: 30) { screen in
            screen.statusLine.contains("chapter 11990: match 1 of 5") && screen.contains("Chapter 11990")
        }
    }
}
