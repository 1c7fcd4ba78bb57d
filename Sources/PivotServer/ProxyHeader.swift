import Glibc

/// The PROXY protocol header a load balancer (HAProxy's `send-proxy` / `send-proxy-v2`) sends
/// before the client's bytes: who the client really is. Version 1 is a text line, version 2
/// binary; both are read here, bounded (https://www.haproxy.org/download/2.6/doc/proxy-protocol.txt).
public struct ProxyHeader: Equatable, Sendable {
    public enum Command: Equatable, Sendable {
        /// A relayed connection: `source` is the client.
        case proxy
        /// The balancer's own connection (a health check): no client to name.
        case local
    }

    public var command: Command
    /// The client's address and port; nil for LOCAL, UNSPEC and v1's UNKNOWN (the
    /// connection's own peer is then the one to use).
    public var source: (host: String, port: Int)?
    public var destination: (host: String, port: Int)?

    public init(command: Command, source: (host: String, port: Int)?, destination: (host: String, port: Int)?) {
        self.command = command
        self.source = source
        self.destination = destination
    }

    public static func == (lhs: ProxyHeader, rhs: ProxyHeader) -> Bool {
        lhs.command == rhs.command && lhs.source?.host == rhs.source?.host && lhs.source?.port == rhs.source?.port
            && lhs.destination?.host == rhs.destination?.host && lhs.destination?.port == rhs.destination?.port
    }

    /// What the first bytes of a connection say.
    public enum Parsed: Equatable, Sendable {
        /// Not enough bytes yet to tell.
        case incomplete
        /// A header, `length` bytes long; the client's bytes follow it.
        case header(ProxyHeader, length: Int)
        /// Not a header, or a malformed one: the connection is dropped.
        case invalid(String)
    }

    /// Version 2's signature: no text protocol can start like this.
    static let signature: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A]
    static let v1Prefix = Array("PROXY ".utf8)
    /// The longest v1 line (the specification's 107 bytes, CRLF included).
    static let v1MaxLength = 107
    /// The longest v2 header: its 16 fixed bytes and at most 520 of addresses and TLVs.
    public static let v2MaxLength = 536

    public static func parse(_ bytes: [UInt8]) -> Parsed {
        if startsOrCouldStart(bytes, with: signature) {
            return bytes.count < signature.count ? .incomplete : parseV2(bytes)
        }
        if startsOrCouldStart(bytes, with: v1Prefix) {
            return bytes.count < v1Prefix.count ? .incomplete : parseV1(bytes)
        }
        return .invalid("no PROXY protocol header")
    }

    /// True when `bytes` begins with `prefix`, or is a beginning of it.
    private static func startsOrCouldStart(_ bytes: [UInt8], with prefix: [UInt8]) -> Bool {
        bytes.prefix(prefix.count).elementsEqual(prefix.prefix(min(prefix.count, bytes.count)))
    }

    // MARK: Version 1

    private static func parseV1(_ bytes: [UInt8]) -> Parsed {
        let window = bytes.prefix(v1MaxLength)
        guard let cr = window.indices.first(where: { window[$0] == 0x0D && $0 + 1 < window.endIndex && window[$0 + 1] == 0x0A })
        else {
            return bytes.count >= v1MaxLength ? .invalid("a v1 header longer than \(v1MaxLength) bytes") : .incomplete
        }
        guard let line = String(validating: bytes[..<cr], as: UTF8.self), line.allSatisfy({ $0.isASCII && $0 != "\n" }) else {
            return .invalid("a v1 header that is not text")
        }
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        let length = cr + 2
        if words.count >= 2, words[1] == "UNKNOWN" {
            return .header(ProxyHeader(command: .proxy, source: nil, destination: nil), length: length)
        }
        guard words.count == 6, words[1] == "TCP4" || words[1] == "TCP6" else { return .invalid("a malformed v1 header") }
        let family = words[1] == "TCP4" ? AF_INET : AF_INET6
        guard let source = address(String(words[2]), family: family), let destination = address(String(words[3]), family: family),
              let sourcePort = port(words[4]), let destinationPort = port(words[5]) else {
            return .invalid("a v1 header with a malformed address or port")
        }
        return .header(ProxyHeader(command: .proxy, source: (source, sourcePort), destination: (destination, destinationPort)),
                       length: length)
    }

    /// A decimal port, 0 to 65535, without sign or leading zeros.
    private static func port(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber),
              text == "0" || text.first != "0", let value = Int(text), value <= 65535 else { return nil }
        return value
    }

    /// The address in its canonical form, when it is one of `family`.
    private static func address(_ text: String, family: Int32) -> String? {
        var storage = [UInt8](repeating: 0, count: 16)
        guard inet_pton(family, text, &storage) == 1 else { return nil }
        return format(storage, family: family)
    }

    private static func format(_ bytes: [UInt8], family: Int32) -> String? {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(family, bytes, &text, socklen_t(text.count)) != nil else { return nil }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: Version 2

    private static func parseV2(_ bytes: [UInt8]) -> Parsed {
        guard bytes.count >= 16 else { return .incomplete }
        guard bytes[12] >> 4 == 2 else { return .invalid("a v2 header of version \(bytes[12] >> 4)") }
        let command: Command
        switch bytes[12] & 0x0F {
        case 0: command = .local
        case 1: command = .proxy
        default: return .invalid("a v2 header with an unknown command")
        }
        let length = 16 + (Int(bytes[14]) << 8 | Int(bytes[15]))
        guard length <= v2MaxLength else { return .invalid("a v2 header longer than \(v2MaxLength) bytes") }
        guard bytes.count >= length else { return .incomplete }
        let body = Array(bytes[16..<length])
        func endpoint(_ size: Int, _ family: Int32) -> (source: (String, Int), destination: (String, Int))? {
            guard body.count >= 2 * size + 4, let source = format(Array(body[0..<size]) + [UInt8](repeating: 0, count: 16 - size), family: family),
                  let destination = format(Array(body[size..<(2 * size)]) + [UInt8](repeating: 0, count: 16 - size), family: family)
            else { return nil }
            let ports = 2 * size
            return ((source, Int(body[ports]) << 8 | Int(body[ports + 1])),
                    (destination, Int(body[ports + 2]) << 8 | Int(body[ports + 3])))
        }
        switch bytes[13] {
        case 0x00:
            return .header(ProxyHeader(command: command, source: nil, destination: nil), length: length)
        case 0x11, 0x21:
            let family = bytes[13] == 0x11 ? AF_INET : AF_INET6
            guard let addresses = endpoint(bytes[13] == 0x11 ? 4 : 16, family) else {
                return .invalid("a v2 header too short for its addresses")
            }
            // LOCAL carries addresses only by accident: there is no client to name.
            return .header(command == .local ? ProxyHeader(command: .local, source: nil, destination: nil)
                                             : ProxyHeader(command: .proxy, source: addresses.source,
                                                           destination: addresses.destination), length: length)
        default:
            return command == .local ? .header(ProxyHeader(command: .local, source: nil, destination: nil), length: length)
                                     : .invalid("a v2 header for another transport than TCP")
        }
    }
}
