import PivotTestSupport
import XCTest
@testable import PivotReader

/// What may go into a terminal hyperlink: printable ASCII of http, https and mailto addresses.
final class HyperlinkEncodingTests: XCTestCase {
    func testOnlyWebAndMailAddresses() {
        XCTAssertEqual(Hyperlink.encoded("https://example.org/a?b=c#d"), "https://example.org/a?b=c#d")
        XCTAssertEqual(Hyperlink.encoded("HTTP://example.org/"), "HTTP://example.org/")
        XCTAssertEqual(Hyperlink.encoded("mailto:team@example.org"), "mailto:team@example.org")
        for url in ["javascript:alert(1)", "file:///etc/passwd", "ftp://x/", "about.md", "/about/", "#top", "data:text/html,x", ""] {
            XCTAssertNil(Hyperlink.encoded(url), url)
        }
    }

    func testEverythingElseIsPercentEncoded() {
        XCTAssertEqual(Hyperlink.encoded("https://x/a b"), "https://x/a%20b")
        XCTAssertEqual(Hyperlink.encoded("https://x/\u{1B}]0;t\u{07}"), "https://x/%1B]0%3Bt%07")
        XCTAssertEqual(Hyperlink.encoded("https://x/\u{9B}2J"), "https://x/%C2%9B2J")
        XCTAssertEqual(Hyperlink.encoded("https://x/é\\$"), "https://x/%C3%A9%5C%24")
        XCTAssertEqual(Hyperlink.encoded("https://x/%41"), "https://x/%41")
        XCTAssertNil(Hyperlink.encoded("https://x/" + String(repeating: "a", count: 3_000)))
    }

    func testEncodedAddressesAreAlwaysPrintable() {
        var random = SeededGenerator(state: 8)
        for _ in 0..<500 {
            let scalars = (0..<40).compactMap { _ in Unicode.Scalar(UInt32.random(in: 0...0x2FF, using: &random)) }
            var tail = String.UnicodeScalarView()
            tail.append(contentsOf: scalars)
            guard let encoded = Hyperlink.encoded("https://x/" + String(tail)) else { continue }
            XCTAssertTrue(encoded.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }, encoded)
        }
    }
}
