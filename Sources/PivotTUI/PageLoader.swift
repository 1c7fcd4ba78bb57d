import Glibc
import PivotDocument

/// Finds the page to show: a file, standard input, or the page built into the binary.
enum PageLoader {
    static let embeddedPageName = "pivot.md"

    static func load(_ path: String?) throws -> Document {
        guard let path else {
            // The binary carries content/pivot.md; it always parses.
            return PageParser.document(from: EmbeddedContent.files[embeddedPageName] ?? "")
        }
        if path == "-" {
            let text = try PageSource.text(from: readStandardInput())
            return PageParser.document(from: text)
        }
        let bytes = try FileReader.read(path, limit: PageSource.byteLimit)
        do {
            let text = try PageSource.text(from: bytes)
            return PageParser.document(from: text, site: FileSite(pagePath: path))
        } catch let error as PageError {
            throw LoadError(message: "\(path): \(error)")
        }
    }

    struct LoadError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private static func readStandardInput() throws -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += buffer[0..<count]
            if bytes.count > PageSource.byteLimit {
                throw PageError.tooLarge(bytes: bytes.count, limit: PageSource.byteLimit)
            }
        }
        return bytes
    }
}
