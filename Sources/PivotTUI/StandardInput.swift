import Glibc
import PivotDocument

/// Standard input, read once. A page up to `PagePiecesLoader.threshold` stays in memory; a
/// larger one goes to a temporary file, unlinked at once (it goes with the process), that is then
/// read in pieces as a large file is: never parsed whole.
enum StandardInput {
    enum Page {
        case bytes([UInt8])
        /// The spilled page, named through /proc/self/fd: the file has no other name.
        case file(String)
    }

    /// Set by the first call, before any thread starts; later calls get the same answer.
    nonisolated(unsafe) private static var answer: Result<Page, Error>?

    static func page() throws -> Page {
        if let answer { return try answer.get() }
        let read = Result { try readAll(spillingAfter: PagePiecesLoader.threshold, limit: PageSource.byteLimit) }
        answer = read
        return try read.get()
    }

    private static func readAll(spillingAfter threshold: Int, limit: Int) throws -> Page {
        var bytes: [UInt8] = []
        var spill: Int32 = -1
        var triedToSpill = false
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            total += count
            if total > limit {
                if spill >= 0 { close(spill) }
                throw PageError.tooLarge(bytes: total, limit: limit)
            }
            if spill >= 0 {
                guard writeAll(spill, buffer[0..<count]) else {
                    let reason = String(cString: strerror(errno))
                    close(spill)
                    throw PageLoader.LoadError(message: "standard input: its temporary file could not be written: \(reason)")
                }
                continue
            }
            bytes += buffer[0..<count]
            // Past the threshold the page goes to a file; where none can be made, it stays here.
            if bytes.count > threshold, !triedToSpill {
                triedToSpill = true
                // Binary input is refused first, as it would be whole (the file's name means nothing).
                try PageSource.checkHead(bytes)
                if let file = temporaryFile(), writeAll(file, bytes[...]) {
                    spill = file
                    bytes = []
                }
            }
        }
        return spill >= 0 ? .file("/proc/self/fd/\(spill)") : .bytes(bytes)
    }

    /// A file in TMPDIR (else /tmp), unlinked at once; nil when none can be made, or when it
    /// cannot be named again through /proc (not mounted).
    private static func temporaryFile() -> Int32? {
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/pivot-tui-input.XXXXXX").utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { return nil }
        _ = fcntl(file, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        guard FileReader.size(of: "/proc/self/fd/\(file)") != nil else {
            close(file)
            return nil
        }
        return file
    }

    private static func writeAll(_ file: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let written = bytes.withUnsafeBytes { write(file, $0.baseAddress! + (offset - bytes.startIndex), bytes.endIndex - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}

/// The site of a page read from standard input: none (no settings, permalinks or includes).
struct NoSite: SiteContext {
    func permalink(forPath path: String) -> String? { nil }
    func value(forKey key: String) -> String? { nil }
}
