#if canImport(Glibc)
import Glibc
#endif

/// Why a file could not be read; the description is one line for the user.
public enum FileReadError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case directory(String)
    case unreadable(String, reason: String)
    case tooLarge(String, limit: Int)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such file"
        case .directory(let path): return "\(path): is a directory, not a page"
        case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason))"
        case .tooLarge(let path, let limit): return "\(path): larger than \(limit / 1_048_576) MiB, not opened"
        }
    }
}

/// Reads whole files with plain system calls (no Foundation on the start-up path).
public enum FileReader {
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        try read(path, limit: limit, prefix: limit).bytes
    }

    /// The first `prefix` bytes of the file (all of it when it is shorter), after the same checks
    /// as `read(_:limit:)`; `isWhole` tells which. A large page's top is read first this way.
    public static func read(_ path: String, limit: Int, prefix: Int) throws -> (bytes: [UInt8], isWhole: Bool) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw FileReadError.missing(path) }
            throw FileReadError.unreadable(path, reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw FileReadError.unreadable(path, reason: String(cString: strerror(errno)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileReadError.directory(path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw FileReadError.unreadable(path, reason: "not a regular file")
        }
        guard Int(info.st_size) <= limit else { throw FileReadError.tooLarge(path, limit: limit) }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: min(size, prefix))
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError.unreadable(path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            total += count
        }
        bytes.removeSubrange(total...)
        return (bytes, size <= prefix)
    }

    /// The last `count` bytes of a regular file (all of it when shorter), with the number of
    /// lines before them: how a large page's end is read without reading the page.
    public static func readEnd(_ path: String, count: Int) throws -> (bytes: [UInt8], linesBefore: Int) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw FileReadError.unreadable(path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw FileReadError.unreadable(path, reason: "not a regular file")
        }
        let start = max(0, Int(info.st_size) - count)
        var linesBefore = 0
        var buffer = [UInt8](repeating: 0, count: 1_048_576)
        var offset = 0
        // Counting line feeds with memchr over the bytes before the end: no decoding, no copy kept.
        while offset < start {
            let wanted = min(buffer.count, start - offset)
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, wanted, off_t(offset)) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            buffer.withUnsafeBytes { raw in
                var cursor = raw.baseAddress!
                let end = cursor + got
                while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
                    linesBefore += 1
                    cursor = UnsafeRawPointer(found) + 1
                }
            }
            offset += got
        }
        return (try read(path, range: start..<Int(info.st_size)), linesBefore)
    }

    /// The bytes `range` of a file (fewer when it has shrunk since).
    public static func read(_ path: String, range: Range<Int>) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw FileReadError.unreadable(path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: range.count)
        var total = 0
        while total < bytes.count {
            let got = bytes.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress! + total, $0.count - total, off_t(range.lowerBound + total))
            }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { throw FileReadError.unreadable(path, reason: String(cString: strerror(errno))) }
            if got == 0 { break }
            total += got
        }
        bytes.removeSubrange(total...)
        return bytes
    }

    /// Hands the file to `body` a chunk at a time (one buffer, reused): a large page is scanned
    /// without ever being in memory whole.
    public static func forEachChunk(of path: String, size: Int = 1_048_576,
                                    _ body: (UnsafeBufferPointer<UInt8>) -> Void) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw FileReadError.unreadable(path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: size)
        while true {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { throw FileReadError.unreadable(path, reason: String(cString: strerror(errno))) }
            if got == 0 { return }
            buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<got])) }
        }
    }

    /// The size of a regular file, or nil.
    public static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    public static func isRegularFile(_ path: String) -> Bool {
        size(of: path) != nil
    }
}
