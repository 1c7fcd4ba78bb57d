@testable import PivotServer
import XCTest

/// The only things a session can get: the reader, the text, or a refusal.
final class SessionPolicyTests: XCTestCase {
    func testShellGetsTheReaderOnlyWithATerminal() {
        XCTAssertEqual(SessionCommand.forShell(hasTerminal: true), .reader(page: nil))
        XCTAssertEqual(SessionCommand.forShell(hasTerminal: false), .plainText)
    }

    func testExecPlainGetsText() {
        XCTAssertEqual(SessionCommand.forExec("plain"), .plainText)
        XCTAssertEqual(SessionCommand.forExec(" plain  "), .plainText)
    }

    func testEveryOtherCommandIsRefused() {
        for command in ["", "ls", "plain; ls", "plain ls", "sh", "/bin/sh -c id", "Plain", "plain\n", "pivot-tui",
                        "read /etc/passwd", "$(id)"] {
            XCTAssertEqual(SessionCommand.forExec(command), .refused, "exec \(command.debugDescription)")
            XCTAssertNotEqual(SessionCommand.forExec(command, servesSite: false, hasTerminal: true), .reader(page: command))
        }
    }

    func testOnASiteOneWordWithATerminalNamesAPage() {
        XCTAssertEqual(SessionCommand.forExec("about", servesSite: true, hasTerminal: true), .reader(page: "about"))
        XCTAssertEqual(SessionCommand.forExec("_pages/about.md#our-mission", servesSite: true, hasTerminal: true),
                       .reader(page: "_pages/about.md#our-mission"))
        // The page goes after `--`: never an option of the reader.
        XCTAssertEqual(SessionCommand.reader(page: "--plain").readerArguments(["pivot-tui", "read", "--site", "/s"]),
                       ["pivot-tui", "read", "--site", "/s", "--", "--plain"])
        XCTAssertEqual(SessionCommand.reader(page: nil).readerArguments(["pivot-tui"]), ["pivot-tui"])
        // Without a terminal, with several words, controls or a page too long: refused. `plain` stays text.
        XCTAssertEqual(SessionCommand.forExec("about", servesSite: true, hasTerminal: false), .refused)
        for command in ["a b", "about\u{1b}[2J", "x\n", String(repeating: "a", count: 1_025), ""] {
            XCTAssertEqual(SessionCommand.forExec(command, servesSite: true, hasTerminal: true), .refused,
                           "exec \(command.prefix(20).debugDescription)")
        }
        XCTAssertEqual(SessionCommand.forExec("plain", servesSite: true, hasTerminal: true), .plainText)
    }

    func testReaderEnvironmentIsFixed() {
        let variables = ReaderEnvironment.variables(terminalType: "../../etc/passwd", connection: "10.0.0.1 5000 10.0.0.2 22")
        XCTAssertEqual(variables, [
            "TERM=xterm-256color", "LANG=C.UTF-8", "PATH=/usr/local/bin:/usr/bin:/bin", "SWIFT_BACKTRACE=enable=no",
            "PIVOT_TUI_NO_CONFIG=1", "SSH_CONNECTION=10.0.0.1 5000 10.0.0.2 22",
        ])
        XCTAssertTrue(ReaderEnvironment.variables(terminalType: "vt100", connection: "").contains("SSH_CONNECTION=unknown"))
    }

    func testNotesEndInCarriageReturnOnATerminal() {
        XCTAssertEqual(ReaderNotice.line("x", onTerminal: true), "\r\nx\r\n")
        XCTAssertEqual(ReaderNotice.line("x", onTerminal: false), "x\n")
    }

    func testLogValuesCannotForgeLines() {
        XCTAssertEqual(LogValue.sanitized("root"), "root")
        XCTAssertEqual(LogValue.sanitized("a b\nc=d\u{1b}"), "a?b?c=d?")
        XCTAssertEqual(LogValue.sanitized(""), "\"\"")
        XCTAssertEqual(LogValue.sanitized(String(repeating: "x", count: 100)), String(repeating: "x", count: 64) + "...")
        XCTAssertEqual(LogValue.sentence("bad thing\r\nhappened"), "bad thing??happened")
    }
}
