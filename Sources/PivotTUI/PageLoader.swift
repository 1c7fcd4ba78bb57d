import Glibc
import PivotAnimation
import PivotDocument
import PivotGIF

/// A page ready to read: its document and the text animations found for its images.
struct LoadedPage {
    var document: Document
    var standIns: [String: Animation]
}

/// Finds the page to show: a file, standard input, or the page built into the binary.
enum PageLoader {
    static let embeddedPageName = "pivot.md"
    /// Frames files larger than this are not read.
    static let framesByteLimit = 4 * 1_048_576

    static func load(_ path: String?) throws -> LoadedPage {
        guard let path else {
            // The binary carries content/: the page and its stand-ins.
            let document = PageParser.document(from: EmbeddedContent.files[embeddedPageName] ?? "")
            return withStandIns(document) { EmbeddedContent.files[$0] }
        }
        if path == "-" {
            let text = try PageSource.text(from: readStandardInput())
            return LoadedPage(document: PageParser.document(from: text), standIns: [:])
        }
        let bytes = try FileReader.read(path, limit: PageSource.byteLimit)
        let text: String
        do {
            text = try PageSource.text(from: bytes)
        } catch let error as PageError {
            throw LoadError(message: "\(path): \(error)")
        }
        let document = PageParser.document(from: text, site: FileSite(pagePath: path))
        let directory = FileSite.directory(of: path)
        var page = withStandIns(document) { name in
            (try? FileReader.read(directory + "/" + name, limit: framesByteLimit)).map { String(decoding: $0, as: UTF8.self) }
        }
        addLocalGIFs(to: &page, directory: directory)
        return page
    }

    /// An image that names a GIF beside the page (a relative path, never leaving the page's
    /// folder) plays that GIF as text, in colour half blocks.
    private static func addLocalGIFs(to page: inout LoadedPage, directory: String) {
        for image in page.document.images where page.standIns[image.source] == nil {
            let path = image.source
            let parts = path.split(separator: "/")
            guard path.lowercased().hasSuffix(".gif"), !path.contains("://"), !path.hasPrefix("/"),
                  !parts.contains(".."), let bytes = try? FileReader.read(directory + "/" + path, limit: FramesCommand.gifByteLimit)
            else { continue }
            do {
                page.standIns[image.source] = try GIFConverter.animation(
                    fromGIF: bytes, width: GIFConverter.defaultWidth, height: 14, charset: .blocks)
            } catch {
                page.document.warnings.append(TextSanitizer.clean("\(path): \(error); the image shows as text"))
            }
        }
    }

    /// Looks up each image's stand-in by the names `StandInNames` gives (docs/frames.md).
    private static func withStandIns(_ document: Document, read: (String) -> String?) -> LoadedPage {
        var page = LoadedPage(document: document, standIns: [:])
        for image in document.images where page.standIns[image.source] == nil {
            for name in StandInNames.candidates(alt: image.alt, source: image.source) {
                guard let text = read(name) else { continue }
                do {
                    page.standIns[image.source] = try FramesParser.parse(text)
                } catch {
                    page.document.warnings.append(TextSanitizer.clean("\(name): \(error); the image shows as text"))
                }
                break
            }
        }
        return page
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
