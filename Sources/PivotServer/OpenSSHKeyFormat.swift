import Crypto
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Ed25519 keys in OpenSSH's own file format ("openssh-key-v1", unencrypted), as
/// `ssh-keygen -t ed25519 -N ''` writes them: an operator can make the host key with
/// ssh-keygen, or read the fingerprint of ours with `ssh-keygen -l -f FILE`.
enum OpenSSHKeyFormat {
    static let keyType = "ssh-ed25519"
    private static let magic = Array("openssh-key-v1".utf8) + [0]
    private static let header = "-----BEGIN OPENSSH PRIVATE KEY-----"
    private static let footer = "-----END OPENSSH PRIVATE KEY-----"
    private static let lineLength = 70

    /// The file text of `key`. `check` is the random pair of numbers that tells a wrong
    /// passphrase in encrypted files; here it only has to be there.
    static func fileText(of key: Curve25519.Signing.PrivateKey, comment: String = "pivot-tui host key",
                         check: UInt32 = .random(in: .min ... .max)) -> String {
        let publicKey = Array(key.publicKey.rawRepresentation)
        var secret = SSHWireWriter()
        secret.append(check)
        secret.append(check)
        secret.append(string: keyType)
        secret.append(bytes: publicKey)
        secret.append(bytes: Array(key.rawRepresentation) + publicKey)
        secret.append(string: comment)
        var pad: UInt8 = 1
        while secret.bytes.count % 8 != 0 {
            secret.bytes.append(pad)
            pad += 1
        }

        var file = SSHWireWriter()
        file.bytes = magic
        file.append(string: "none")  // cipher
        file.append(string: "none")  // key derivation
        file.append(bytes: [])       // its options
        file.append(UInt32(1))
        file.append(bytes: publicKeyBlob(key.publicKey))
        file.append(bytes: secret.bytes)

        let encoded = Data(file.bytes).base64EncodedString()
        var lines = [header]
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: lineLength, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[start..<end]))
            start = end
        }
        lines.append(footer)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The key in `text`; throws with a reason a person can act on.
    static func privateKey(fromFileText text: String) throws -> Curve25519.Signing.PrivateKey {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
        guard let begin = lines.firstIndex(of: Substring(header)),
              let end = lines.firstIndex(of: Substring(footer)), begin < end
        else { throw FormatError("not an OpenSSH private key (no BEGIN OPENSSH PRIVATE KEY line)") }
        guard let data = Data(base64Encoded: lines[(begin + 1)..<end].joined()) else {
            throw FormatError("the key's base64 text is damaged")
        }
        var file = SSHWireReader(Array(data))
        guard file.read(count: magic.count) == magic else { throw FormatError("not an openssh-key-v1 key") }
        guard file.readString() == "none", file.readString() == "none", file.readBytes() != nil else {
            throw FormatError("the key is encrypted: remove its passphrase with ssh-keygen -p -N ''")
        }
        guard file.readUInt32() == 1, file.readBytes() != nil, let secretBytes = file.readBytes() else {
            throw FormatError("the file must hold exactly one key")
        }
        var secret = SSHWireReader(secretBytes)
        guard let check1 = secret.readUInt32(), let check2 = secret.readUInt32(), check1 == check2 else {
            throw FormatError("the key's check numbers differ")
        }
        guard let type = secret.readString(), type == keyType else {
            throw FormatError("only Ed25519 host keys are supported (ssh-keygen -t ed25519)")
        }
        guard let publicKey = secret.readBytes(), let privateKey = secret.readBytes(),
              publicKey.count == 32, privateKey.count == 64,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: privateKey[0..<32]),
              Array(key.publicKey.rawRepresentation) == publicKey
        else { throw FormatError("the Ed25519 key data is damaged") }
        return key
    }

    /// The public key as SSH sends it: the key type, then the 32 bytes.
    static func publicKeyBlob(_ key: Curve25519.Signing.PublicKey) -> [UInt8] {
        var blob = SSHWireWriter()
        blob.append(string: keyType)
        blob.append(bytes: Array(key.rawRepresentation))
        return blob.bytes
    }

    /// `SHA256:...`, the fingerprint ssh and ssh-keygen show for the key.
    static func fingerprint(of key: Curve25519.Signing.PublicKey) -> String {
        let digest = Data(SHA256.hash(data: publicKeyBlob(key))).base64EncodedString()
        return "SHA256:" + digest.filter { $0 != "=" }
    }

    /// The public key as one authorized_keys or known_hosts line.
    static func publicKeyLine(of key: Curve25519.Signing.PublicKey) -> String {
        "\(keyType) \(Data(publicKeyBlob(key)).base64EncodedString())"
    }

    struct FormatError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// SSH's wire encoding (RFC 4251): big-endian uint32s and length-prefixed strings.
struct SSHWireWriter {
    var bytes: [UInt8] = []

    mutating func append(_ value: UInt32) {
        bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)]
    }

    mutating func append(bytes more: [UInt8]) {
        append(UInt32(more.count))
        bytes += more
    }

    mutating func append(string: String) {
        append(bytes: Array(string.utf8))
    }
}

/// Reads what `SSHWireWriter` writes; every read is nil past the end instead of trapping.
struct SSHWireReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func read(count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func readUInt32() -> UInt32? {
        read(count: 4).map { $0.reduce(0) { $0 << 8 | UInt32($1) } }
    }

    mutating func readBytes() -> [UInt8]? {
        guard let length = readUInt32() else { return nil }
        return read(count: Int(length))
    }

    mutating func readString() -> String? {
        readBytes().map { String(decoding: $0, as: UTF8.self) }
    }
}
