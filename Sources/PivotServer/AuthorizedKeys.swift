import NIOSSH

/// The keys that may log in when the server is not anonymous (`--authorized-keys`), read from
/// lines in OpenSSH's authorized_keys format. Options before a key (`restrict,from=...`) are
/// skipped and have no effect. NIOSSH verifies Ed25519 and ECDSA signatures only, so RSA, DSA
/// and security-key lines are set aside for a warning instead of failing the whole file.
public struct AuthorizedKeys: Sendable {
    public struct Entry: Sendable {
        public var key: NIOSSHPublicKey
        /// Where it is in the file, so a log line can say which key logged in.
        public var line: Int
    }

    /// A line holding a key NIOSSH cannot check.
    public struct UnsupportedLine: Sendable, Equatable {
        public var line: Int
        public var type: String
    }

    public private(set) var entries: [Entry] = []
    public private(set) var unsupported: [UnsupportedLine] = []

    static let supportedTypes: Set<String> = [
        "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
    ]
    static let unsupportedTypes: Set<String> = [
        "ssh-rsa", "ssh-dss", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ]

    public init(parsing text: String) throws {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            var fields = Self.fieldsAfterOptions(line)
            guard fields.count >= 2 else { throw Failure(line: number, reason: "no key") }
            let type = fields.removeFirst()
            if Self.unsupportedTypes.contains(type) || type.hasSuffix("-cert-v01@openssh.com") {
                unsupported.append(UnsupportedLine(line: number, type: type))
                continue
            }
            guard Self.supportedTypes.contains(type) else {
                throw Failure(line: number, reason: "unknown key type '\(LogValue.sanitized(type))'")
            }
            do {
                entries.append(Entry(key: try NIOSSHPublicKey(openSSHPublicKey: "\(type) \(fields[0])"), line: number))
            } catch {
                throw Failure(line: number, reason: "the \(type) key cannot be read")
            }
        }
    }

    /// The line of `key` in the file, or nil when it is not listed.
    func line(of key: NIOSSHPublicKey) -> Int? {
        entries.first { $0.key == key }?.line
    }

    /// The fields of a line from its key type on. A line that does not start with a key type
    /// starts with options: one field in which spaces inside double quotes do not separate.
    private static func fieldsAfterOptions(_ line: Substring) -> [String] {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = fields.first, !isKeyType(first) else { return fields }
        var inQuotes = false
        var escaped = false
        var end = line.endIndex
        for index in line.indices {
            let character = line[index]
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "\"" { inQuotes.toggle(); continue }
            if !inQuotes && (character == " " || character == "\t") { end = index; break }
        }
        return line[end...].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    private static func isKeyType(_ field: String) -> Bool {
        supportedTypes.contains(field) || unsupportedTypes.contains(field) || field.hasSuffix("-cert-v01@openssh.com")
    }

    public struct Failure: Error, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[start...last]
    }
}
