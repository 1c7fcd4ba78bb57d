import PivotServer
import PivotTestSupport
import XCTest

/// The PROXY protocol header, v1 and v2, as HAProxy sends it; everything else refused, with a
/// bound on what is read.
final class ProxyHeaderTests: XCTestCase {
    private func v2(command: UInt8 = 0x21, family: UInt8, body: [UInt8]) -> [UInt8] {
        [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, command, family,
         UInt8(body.count >> 8), UInt8(body.count & 0xFF)] + body
    }

    private var tcp4: [UInt8] { v2(family: 0x11, body: [192, 0, 2, 7, 10, 0, 0, 1, 0xC3, 0x50, 0x08, 0xAE]) }

    private var tcp6: [UInt8] {
        let source: [UInt8] = [0x20, 0x01, 0x0D, 0xB8] + [UInt8](repeating: 0, count: 11) + [9]
        let destination: [UInt8] = [UInt8](repeating: 0, count: 15) + [1]
        return v2(family: 0x21, body: source + destination + [0x01, 0xBB, 0x08, 0xAE])
    }

    func testVersionOneNamesTheClient() {
        let line = Array("PROXY TCP4 192.0.2.7 10.0.0.1 50000 2222\r\nSSH-2.0-OpenSSH".utf8)
        guard case .header(let header, let length) = ProxyHeader.parse(line) else { return XCTFail("\(ProxyHeader.parse(line))") }
        XCTAssertEqual(length, 42)
        XCTAssertEqual(header.command, .proxy)
        XCTAssertEqual(header.source?.host, "192.0.2.7")
        XCTAssertEqual(header.source?.port, 50000)
        XCTAssertEqual(header.destination?.port, 2222)
        let six = Array("PROXY TCP6 2001:db8::9 ::1 443 2222\r\n".utf8)
        guard case .header(let header6, _) = ProxyHeader.parse(six) else { return XCTFail("\(ProxyHeader.parse(six))") }
        XCTAssertEqual(header6.source?.host, "2001:db8::9")
        guard case .header(let unknown, _) = ProxyHeader.parse(Array("PROXY UNKNOWN\r\n".utf8)) else { return XCTFail() }
        XCTAssertNil(unknown.source, "UNKNOWN: the connection's own peer is used")
    }

    func testVersionTwoNamesTheClientOrNoOne() {
        guard case .header(let four, let length) = ProxyHeader.parse(tcp4 + Array("SSH-2.0".utf8)) else { return XCTFail() }
        XCTAssertEqual(length, 28)
        XCTAssertEqual(four.source?.host, "192.0.2.7")
        XCTAssertEqual(four.source?.port, 50000)
        XCTAssertEqual(four.destination?.host, "10.0.0.1")
        XCTAssertEqual(four.destination?.port, 2222)
        guard case .header(let six, _) = ProxyHeader.parse(tcp6) else { return XCTFail() }
        XCTAssertEqual(six.source?.host, "2001:db8::9")
        XCTAssertEqual(six.source?.port, 443)
        // LOCAL (a health check) and UNSPEC name nobody.
        guard case .header(let local, _) = ProxyHeader.parse(v2(command: 0x20, family: 0x11, body: Array(tcp4[16...]))) else {
            return XCTFail()
        }
        XCTAssertEqual(local.command, .local)
        XCTAssertNil(local.source)
        guard case .header(let unspec, _) = ProxyHeader.parse(v2(family: 0x00, body: [])) else { return XCTFail() }
        XCTAssertNil(unspec.source)
        // TLVs after the addresses are skipped, within the length.
        guard case .header(_, let withTLV) = ProxyHeader.parse(v2(family: 0x11, body: Array(tcp4[16...]) + [0x04, 0x00, 0x01, 0x00])) else {
            return XCTFail()
        }
        XCTAssertEqual(withTLV, 32)
    }

    func testEveryShortPrefixOfAHeaderWaitsForMore() {
        for header in [tcp4, tcp6, Array("PROXY TCP4 192.0.2.7 10.0.0.1 50000 2222\r\n".utf8)] {
            for count in 0..<header.count {
                XCTAssertEqual(ProxyHeader.parse(Array(header.prefix(count))), .incomplete, "\(count) of \(header.count)")
            }
        }
    }

    func testMalformedAndOversizedHeadersAreRefused() {
        let refused: [(String, [UInt8])] = [
            ("an SSH banner", Array("SSH-2.0-OpenSSH_9.2\r\n".utf8)),
            ("a wrong signature", [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0B] + [UInt8](repeating: 0, count: 20)),
            ("v2 of version 3", [UInt8](tcp4.prefix(12)) + [0x31] + tcp4[13...]),
            ("v2 with command 2", [UInt8](tcp4.prefix(12)) + [0x22] + tcp4[13...]),
            ("v2 longer than 536 bytes", v2(family: 0x11, body: [UInt8](repeating: 1, count: 521))),
            ("v2 too short for its addresses", v2(family: 0x21, body: [UInt8](repeating: 1, count: 12))),
            ("v2 over UDP", v2(family: 0x12, body: Array(tcp4[16...]))),
            ("v1 without its end in 107 bytes", Array(("PROXY TCP4 " + String(repeating: "1", count: 120)).utf8)),
            ("v1 with a bad address", Array("PROXY TCP4 192.0.2.300 10.0.0.1 50000 2222\r\n".utf8)),
            ("v1 with IPv6 under TCP4", Array("PROXY TCP4 ::1 ::1 50000 2222\r\n".utf8)),
            ("v1 with a port too large", Array("PROXY TCP4 192.0.2.7 10.0.0.1 70000 2222\r\n".utf8)),
            ("v1 with a signed port", Array("PROXY TCP4 192.0.2.7 10.0.0.1 +5 2222\r\n".utf8)),
            ("v1 with two spaces", Array("PROXY  TCP4 192.0.2.7 10.0.0.1 5 2222\r\n".utf8)),
            ("v1 of UDP", Array("PROXY UDP4 192.0.2.7 10.0.0.1 5 2222\r\n".utf8)),
        ]
        for (what, bytes) in refused {
            guard case .invalid = ProxyHeader.parse(bytes) else { return XCTFail("\(what): \(ProxyHeader.parse(bytes))") }
        }
    }

    /// Random bytes, and valid headers with a byte changed: never a crash, never a length
    /// past the bytes given or the bound, and every answer the same for the same bytes.
    func testFuzzedHeadersStayInBounds() {
        var random = SeededGenerator(state: 0x5EED)
        let seeds = [tcp4, tcp6, Array("PROXY TCP4 192.0.2.7 10.0.0.1 50000 2222\r\n".utf8), v2(family: 0x00, body: [])]
        for round in 0..<20_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int.random(in: 0...600, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            } else {
                bytes = seeds[round % seeds.count]
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            }
            let parsed = ProxyHeader.parse(bytes)
            XCTAssertEqual(parsed, ProxyHeader.parse(bytes))
            if case .header(_, let length) = parsed {
                XCTAssertLessThanOrEqual(length, min(bytes.count, ProxyHeader.v2MaxLength), "\(bytes)")
            }
            if case .incomplete = parsed { XCTAssertLessThan(bytes.count, ProxyHeader.v2MaxLength, "\(bytes)") }
        }
    }

    func testAddressRanges() {
        let ten = AddressRange("10.0.0.0/8")!
        XCTAssertTrue(ten.contains("10.200.3.4"))
        XCTAssertFalse(ten.contains("11.0.0.1"))
        XCTAssertTrue(ten.contains("::ffff:10.0.0.1"), "an IPv4 address written as IPv6")
        XCTAssertTrue(AddressRange("192.0.2.7")!.contains("192.0.2.7"))
        XCTAssertFalse(AddressRange("192.0.2.7")!.contains("192.0.2.8"))
        XCTAssertTrue(AddressRange("2001:db8::/32")!.contains("2001:db8:1::9"))
        XCTAssertFalse(AddressRange("2001:db8::/32")!.contains("2001:db9::1"))
        XCTAssertTrue(AddressRange("0.0.0.0/0")!.contains("203.0.113.9"))
        XCTAssertTrue(AddressRange("172.16.0.0/12")!.contains("172.31.255.255"))
        XCTAssertFalse(AddressRange("172.16.0.0/12")!.contains("172.32.0.0"))
        for bad in ["10.0.0.0/33", "10.0.0/8", "host", "::1/129", "10.0.0.0/-1", "10.0.0.0/"] {
            XCTAssertNil(AddressRange(bad), bad)
        }
        XCTAssertFalse(ten.contains("not an address"))
    }
}
