import Crypto
import Glibc
import NIOSSH

/// The server's Ed25519 host key, kept in a file so readers see the same fingerprint after
/// every restart. Made on first start (mode 0600, missing directories 0700); afterwards the
/// file must be a regular file of ours that nobody else may read, as OpenSSH demands.
public struct HostKey: Sendable {
    public var privateKey: NIOSSHPrivateKey
    /// `SHA256:...`, as `ssh-keygen -l -f FILE` and ssh show it.
    public var fingerprint: String
    /// True when this start made the key.
    public var created: Bool

    static let largestFile = 16 * 1024

    /// The key at `path`, made there first when there is no file.
    public static func loadOrCreate(at path: String) throws -> HostKey {
        if let text = try readProtectedFile(path) {
            return try hostKey(fromFileText: text, path: path, created: false)
        }
        try makeDirectories(for: path)
        try writeNewFile(path, text: OpenSSHKeyFormat.fileText(of: Curve25519.Signing.PrivateKey()))
        // Read back what is there: a second server started at the same moment may have won.
        guard let text = try readProtectedFile(path) else { throw HostKeyError(path, "vanished after it was written") }
        return try hostKey(fromFileText: text, path: path, created: true)
    }

    /// `$XDG_STATE_HOME/pivot-tui/host_ed25519`, else `~/.local/state/pivot-tui/host_ed25519`;
    /// nil when neither variable holds an absolute path.
    public static func defaultPath(stateHome: String?, home: String?) -> String? {
        if let stateHome, stateHome.hasPrefix("/") {
            return stateHome + "/pivot-tui/host_ed25519"
        }
        if let home, home.hasPrefix("/") {
            return home + "/.local/state/pivot-tui/host_ed25519"
        }
        return nil
    }

    private static func hostKey(fromFileText text: String, path: String, created: Bool) throws -> HostKey {
        do {
            let key = try OpenSSHKeyFormat.privateKey(fromFileText: text)
            return HostKey(privateKey: NIOSSHPrivateKey(ed25519Key: key),
                           fingerprint: OpenSSHKeyFormat.fingerprint(of: key.publicKey), created: created)
        } catch {
            throw HostKeyError(path, "\(error)")
        }
    }

    /// The file's text, or nil when there is no file. Never follows a symbolic link.
    private static func readProtectedFile(_ path: String) throws -> String? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY)
        if descriptor < 0 {
            switch errno {
            case ENOENT: return nil
            case ELOOP: throw HostKeyError(path, "is a symbolic link; give the real file")
            default: throw HostKeyError(path, "cannot be opened: \(String(cString: strerror(errno)))")
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw HostKeyError(path, "cannot be examined") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw HostKeyError(path, "is not a regular file") }
        guard status.st_uid == geteuid() else {
            throw HostKeyError(path, "belongs to user id \(status.st_uid), not to this user (\(geteuid())); "
                               + "a host key must be the server's own")
        }
        let permissions = status.st_mode & 0o777
        guard permissions & 0o077 == 0 else {
            throw HostKeyError(path, "has permissions \(String(permissions, radix: 8)), open to others; "
                               + "a host key must be readable by its owner only (chmod 600 \(path))")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw HostKeyError(path, "cannot be read: \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            bytes += buffer[0..<count]
            guard bytes.count <= largestFile else { throw HostKeyError(path, "is too large to be a host key") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Creates the missing directories above `path`, each 0700 (XDG's rule for state).
    private static func makeDirectories(for path: String) throws {
        var directory = ""
        for component in path.split(separator: "/").dropLast() {
            directory += "/" + component
            if mkdir(directory, 0o700) != 0 && errno != EEXIST {
                throw HostKeyError(path, "cannot create the directory \(directory): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Writes a temporary file (0600) and links it into place: nobody ever sees half a key,
    /// and an existing key is never replaced.
    private static func writeNewFile(_ path: String, text: String) throws {
        let temporary = "\(path).new-\(getpid())"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw HostKeyError(path, "cannot be created: \(String(cString: strerror(errno)))")
        }
        defer { unlink(temporary) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                close(descriptor)
                throw HostKeyError(path, "cannot be written: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard synced else { throw HostKeyError(path, "cannot be saved: \(String(cString: strerror(errno)))") }
        if link(temporary, path) != 0 && errno != EEXIST {
            throw HostKeyError(path, "cannot be created: \(String(cString: strerror(errno)))")
        }
    }
}

/// A host key that cannot be used, with the path and the reason.
public struct HostKeyError: Error, CustomStringConvertible {
    public var description: String

    init(_ path: String, _ reason: String) {
        description = "host key \(path): \(reason)"
    }
}
