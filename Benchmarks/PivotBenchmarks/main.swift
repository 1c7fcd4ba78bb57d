// PivotBenchmarks [--large-page PATH] [swift-benchmark options]: micro-benchmarks of the core
// (`make bench-micro`, docs/BENCHMARKS.md). The large page is read from PATH; without it, only
// the embedded Pivot page is measured.
import Benchmark
import Glibc

func fail(_ message: String) -> Never {
    let line = "PivotBenchmarks: \(message)\n"
    _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var largePagePath: String?
if let flag = arguments.firstIndex(of: "--large-page") {
    guard flag + 1 < arguments.count else { fail("--large-page needs a path") }
    largePagePath = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}

do {
    let pages = try BenchmarkPages.load(largePagePath: largePagePath)
    Benchmark.main(CoreBenchmarks.suites(for: pages), settings: BenchmarkArguments.parseOrExit(arguments).settings)
} catch {
    fail("\(largePagePath ?? ""): \(error)")
}
