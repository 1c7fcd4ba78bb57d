import Benchmark
import PivotAnimation
import PivotDocument
import PivotReader

/// The benchmarks of the core, one suite per step. Everything a benchmark needs besides the
/// step it times is prepared before it is registered.
enum CoreBenchmarks {
    static func suites(for pages: BenchmarkPages) -> [BenchmarkSuite] {
        var named: [(name: String, text: String)] = [("pivot page", pages.pivot)]
        if let large = pages.large { named.append(("large page", large)) }
        let pivot = ParsedPage(text: pages.pivot, files: EmbeddedContent.files)
        let large = pages.large.map { ParsedPage(text: $0, files: [:]) }
        // The large page's steps take up to a second: 5 s of them give several iterations, not the
        // two that fill swift-benchmark's default second. `--min-time` on the command line wins.
        func settings(_ name: String) -> [BenchmarkSetting] { name == "large page" ? [MinTime(seconds: 5)] : [] }
        let small = Size(width: 80, height: 24)
        let wide = Size(width: 200, height: 60)

        let parse = BenchmarkSuite(name: "parse") { suite in
            for (name, text) in named {
                suite.benchmark(name, settings: settings(name)) { blackHole(CoreSteps.document(from: text)) }
            }
        }
        let outline = BenchmarkSuite(name: "outline") { suite in
            for (name, text) in named {
                let input = CoreSteps.outlineInput(from: text)
                suite.benchmark(name, settings: settings(name)) { blackHole(CoreSteps.outlineSectionCount(of: input)) }
            }
        }
        let layout = BenchmarkSuite(name: "layout 80 columns") { suite in
            for (name, page) in [("pivot page", pivot), ("large page", large)] {
                guard let page else { continue }
                suite.benchmark(name, settings: settings(name)) {
                    blackHole(CoreSteps.layout(page.document, size: small, standIns: page.standIns))
                }
            }
        }
        let render = BenchmarkSuite(name: "render one frame") { suite in
            for size in [small, wide] {
                let state = pivot.readerState(size: size)
                suite.benchmark("pivot page \(size.width)x\(size.height)") { blackHole(CoreSteps.frame(of: state)) }
            }
        }
        let key = BenchmarkSuite(name: "key j (update + render)") { suite in
            for (name, page) in [("pivot page", pivot), ("large page", large)] {
                guard let page else { continue }
                let state = page.readerState(size: small)
                suite.benchmark("\(name) 80x24") { blackHole(CoreSteps.pressing("j", in: state)) }
            }
        }
        // What opening a large page costs before its first paint and before `G`: its top part and
        // its end part parsed alone; and a resize of the reader on the whole page (a window relaid).
        let parts = BenchmarkSuite(name: "large page in parts") { suite in
            guard let text = pages.large, let page = large else { return }
            suite.benchmark("top part parsed") { blackHole(CoreSteps.topPart(of: text)) }
            suite.benchmark("end part parsed") { blackHole(CoreSteps.endPart(of: text)) }
            let state = page.readerState(size: small)
            suite.benchmark("resize 80x24 to 100x30") { blackHole(CoreSteps.resizing(state, to: Size(width: 100, height: 30))) }
        }
        return [parse, outline, layout, render, key, parts]
    }
}

/// A page parsed once, with its stand-ins, ready for the steps after parsing.
struct ParsedPage {
    let document: Document
    let standIns: [String: Animation]

    init(text: String, files: [String: String]) {
        document = CoreSteps.document(from: text)
        standIns = CoreSteps.standIns(for: document, files: files)
    }

    func readerState(size: Size) -> ReaderState {
        CoreSteps.readerState(document, size: size, standIns: standIns)
    }
}

/// Keeps a result alive, so the optimizer cannot drop the work that made it.
@_optimize(none)
func blackHole<T>(_ value: T) {}
