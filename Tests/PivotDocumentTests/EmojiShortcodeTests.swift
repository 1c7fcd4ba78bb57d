import Foundation
import XCTest
@testable import PivotDocument

/// `:shortcode:` as GitHub and jemoji show it, from the generated table; never inside code.
final class EmojiShortcodeTests: XCTestCase {
    func testShortcodesBecomeEmoji() {
        XCTAssertEqual(Emoji.replacingShortcodes(in: "Party :tada: :+1: :-1: :heart:"), "Party 🎉 👍 👎 ❤️")
        XCTAssertEqual(Emoji.replacingShortcodes(in: "at 10:30:45, a:b, :no_such_code:, ::"), "at 10:30:45, a:b, :no_such_code:, ::")
        XCTAssertEqual(Emoji.replacingShortcodes(in: "x:tada:y"), "x🎉y")
        XCTAssertEqual(Emoji.replacingShortcodes(in: ":smile::smile:"), "😄😄")
    }

    func testTheTableCarriesGitHubsNames() {
        for name in ["smile", "thumbsup", "rocket", "warning", "white_check_mark", "x", "heavy_check_mark", "sparkles"] {
            XCTAssertNotNil(Emoji.table[Substring(name)], name)
        }
        XCTAssertGreaterThan(Emoji.table.count, 4_000)
    }

    func testNotInCode() {
        let document = PageParser.document(from: "Done :white_check_mark: but `:tada:` stays.\n\n```\n:tada:\n```\n")
        guard case .paragraph(let spans)? = document.blocks.first?.kind else { return XCTFail("no paragraph") }
        XCTAssertEqual(spans.plainText, "Done ✅ but :tada: stays.")
        guard case .code(_, let code)? = document.blocks.last?.kind else { return XCTFail("no code") }
        XCTAssertEqual(code.trimmingCharacters(in: .newlines), ":tada:")
    }
}
