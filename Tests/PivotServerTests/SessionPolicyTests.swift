@testable import PivotServer
import XCTest

/// The only things a session can get: the reader, the text, or a refusal.
final class SessionPolicyTests: XCTestCase {
    func testShellGetsTheReaderOnlyWithATerminal() {
        XCTAssertEqual(SessionCommand.forShell(hasTerminal: true), .reader)
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
        }
    }

    func testReaderEnvironmentIsFixed() {
        let variables = ReaderEnvironment.variables(terminalType: "../../etc/passwd", connection: "10.0.0.1 5000 10.0.0.2 22")
        XCTAssertEqual(variables, [
            "TERM=xterm-256color", "LANG=C.UTF-8", "PATH=/usr/local/bin:/usr/bin:/bin", "SWIFT_BACKTRACE=enable=no",
            "SSH_CONNECTION=10.0.0.1 5000 10.0.0.2 22",
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
