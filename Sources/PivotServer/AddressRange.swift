import Glibc

/// An IP network in CIDR form (`10.0.0.0/8`, `::1/128`; a bare address is the one host):
/// the balancers whose PROXY headers are believed.
public struct AddressRange: Equatable, Sendable, CustomStringConvertible {
    private let network: [UInt8]
    private let prefixLength: Int
    public let description: String

    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let network = Self.bytes(of: String(parts[0])) else { return nil }
        let bits = network.count * 8
        let prefix: Int
        if parts.count == 2 {
            guard let value = Int(parts[1]), (0...bits).contains(value), parts[1].allSatisfy(\.isNumber) else { return nil }
            prefix = value
        } else {
            prefix = bits
        }
        self.network = network
        prefixLength = prefix
        description = "\(parts[0])/\(prefix)"
    }

    /// True when `address` (an IPv4 or IPv6 address in text) is inside the range. An IPv4
    /// address written as IPv6 (`::ffff:10.0.0.1`) counts as the IPv4 address.
    public func contains(_ address: String) -> Bool {
        guard var bytes = Self.bytes(of: address) else { return false }
        if bytes.count == 16, network.count == 4, bytes.prefix(12).elementsEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]) {
            bytes = Array(bytes.suffix(4))
        }
        guard bytes.count == network.count else { return false }
        var remaining = prefixLength
        for (ours, theirs) in zip(network, bytes) where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if ours & mask != theirs & mask { return false }
            remaining -= 8
        }
        return true
    }

    /// The loopback networks: the default when a balancer runs on the same machine.
    public static let loopback = [AddressRange("127.0.0.0/8")!, AddressRange("::1/128")!]

    private static func bytes(of address: String) -> [UInt8]? {
        var storage = [UInt8](repeating: 0, count: 16)
        if inet_pton(AF_INET, address, &storage) == 1 { return Array(storage.prefix(4)) }
        if inet_pton(AF_INET6, address, &storage) == 1 { return storage }
        return nil
    }
}
