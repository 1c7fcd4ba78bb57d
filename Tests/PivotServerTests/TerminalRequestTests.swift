@testable import PivotServer
import XCTest

/// What a client claims about its terminal is clamped and sanitised before a reader sees it.
final class TerminalRequestTests: XCTestCase {
    func testPlainTerminfoNamesAreKept() {
        for name in ["xterm-256color", "tmux-256color", "screen.xterm-256color", "vt100", "rxvt-unicode+x", "linux_x"] {
            XCTAssertEqual(TerminalRequest.sanitizedType(name), name)
        }
    }

    func testPathsControlsAndOverlongNamesBecomeXterm() {
        let hostile = ["", "../../etc/passwd", "/usr/share/terminfo/x/xterm", "xterm\u{1b}[31m", "xterm 256",
                       "xterm\n", "x\u{0}y", "é", String(repeating: "x", count: 65), "xterm;rm"]
        for name in hostile {
            XCTAssertEqual(TerminalRequest.sanitizedType(name), "xterm-256color", "TERM \(name.debugDescription)")
        }
        XCTAssertEqual(TerminalRequest.sanitizedType(String(repeating: "x", count: 64)).count, 64)
    }

    func testZeroSizeMeansEightyByTwentyFour() {
        XCTAssertEqual(WindowSize(clampingColumns: 0, rows: 0), WindowSize(clampingColumns: 80, rows: 24))
        XCTAssertEqual(WindowSize(clampingColumns: 0, rows: 50).description, "80x50")
        XCTAssertEqual(WindowSize(clampingColumns: 120, rows: 0).description, "120x24")
    }

    func testHugeSizesAreClampedToOneThousand() {
        XCTAssertEqual(WindowSize(clampingColumns: 65535, rows: 65535).description, "1000x1000")
        XCTAssertEqual(WindowSize(clampingColumns: Int(UInt32.max), rows: 1).description, "1000x1")
        XCTAssertEqual(WindowSize(clampingColumns: -5, rows: -5).description, "80x24")
    }

    func testRequestCombinesBoth() {
        let request = TerminalRequest(type: "../x", columns: 0, rows: 70000)
        XCTAssertEqual(request.type, "xterm-256color")
        XCTAssertEqual(request.size.description, "80x1000")
    }
}
