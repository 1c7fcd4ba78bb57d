@testable import PivotTerminal
import XCTest

/// The terminal's answers to the graphics query, read byte by byte.
final class GraphicsProbeTests: XCTestCase {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func testAnswersNameTheProtocol() {
        XCTAssertEqual(GraphicsProbe.protocolIn(bytes("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[?62;22c")), .kitty)
        XCTAssertEqual(GraphicsProbe.protocolIn(bytes("\u{1B}[?62;4;22c")), .sixel)
        XCTAssertEqual(GraphicsProbe.protocolIn(bytes("\u{1B}[?64;1;2;6;9;15;18;21;22c")), nil, "no 4: no sixel")
        XCTAssertEqual(GraphicsProbe.protocolIn(bytes("\u{1B}[?62;44c")), nil, "44 is not 4")
        XCTAssertEqual(GraphicsProbe.protocolIn(bytes("\u{1B}_Gi=31;ENOENT:x\u{1B}\\\u{1B}[?1;2c")), nil, "kitty's error")
        XCTAssertEqual(GraphicsProbe.protocolIn([]), nil)
    }

    func testTheAnswerIsCompleteAtDA1() {
        XCTAssertFalse(GraphicsProbe.isComplete(bytes("\u{1B}_Gi=31;OK\u{1B}\\")))
        XCTAssertFalse(GraphicsProbe.isComplete(bytes("\u{1B}[?62;4")))
        XCTAssertTrue(GraphicsProbe.isComplete(bytes("\u{1B}[?62;4c")))
    }

    /// Keys typed while the answers came go back to the reader, in order.
    func testKeysAroundTheAnswersAreKept() {
        XCTAssertEqual(GraphicsProbe.keys(in: bytes("j\u{1B}_Gi=31;OK\u{1B}\\k\u{1B}[?62;4cq")), bytes("jkq"))
        XCTAssertEqual(GraphicsProbe.keys(in: bytes("jk")), bytes("jk"))
    }
}
