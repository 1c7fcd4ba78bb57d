import Glibc

/// Reads a small text file whole, refusing one larger than `limit` bytes.
enum SmallFile {
    static func text(at path: String, limit: Int) throws -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw SetupError("\(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw SetupError("\(path): \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            bytes += buffer[0..<count]
            guard bytes.count <= limit else { throw SetupError("\(path): larger than \(limit) bytes") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A reason the server cannot start, in words for the operator.
public struct SetupError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
