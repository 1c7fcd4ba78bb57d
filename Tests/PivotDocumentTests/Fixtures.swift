import Foundation

/// Paths shared by the tests: the repository, its embedded page, and the shared corpus
/// (which a fresh clone does not have: tests that read it skip).
enum Fixtures {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var pivotPage: String {
        // swiftlint:disable:next force_try
        try! String(contentsOf: repositoryRoot.appendingPathComponent("content/pivot.md"), encoding: .utf8)
    }

    static var sharedCorpus: URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Every Markdown page of the shared corpus.
    static func corpusPages() -> [URL] {
        guard let corpus = sharedCorpus,
              let walker = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "md" && $0.lastPathComponent != "MANIFEST.md" }
            .sorted { $0.path < $1.path }
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pivot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
