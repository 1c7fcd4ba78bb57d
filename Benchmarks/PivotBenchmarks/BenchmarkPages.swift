import PivotDocument

/// The pages the benchmarks read: the Pivot page embedded in the binary (as `pivot-tui` with no
/// argument opens it) and, when given, the large page that `bench/pages.py` builds.
struct BenchmarkPages {
    static let pivotName = "pivot.md"

    let pivot: String
    let large: String?

    static func load(largePagePath: String?) throws -> BenchmarkPages {
        let large = try largePagePath.map { try PageSource.text(from: FileReader.read($0, limit: PageSource.byteLimit)) }
        return BenchmarkPages(pivot: EmbeddedContent.files[pivotName] ?? "", large: large)
    }
}
