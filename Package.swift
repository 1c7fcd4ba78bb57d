// swift-tools-version:6.0
import PackageDescription

#if canImport(Glibc)
import Glibc
#endif

/// A pkg-config answer as compiler flags (empty when pkg-config or the package is missing: the
/// build then fails on the missing header, which names the package to install).
func pkgConfig(_ query: String, _ name: String) -> [String] {
    guard let pipe = popen("pkg-config \(query) \(name) 2>/dev/null", "r") else { return [] }
    defer { pclose(pipe) }
    var output = ""
    var buffer = [CChar](repeating: 0, count: 4096)
    while fgets(&buffer, Int32(buffer.count), pipe) != nil { output += String(cString: buffer) }
    return output.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}

/// For the C and C++ libraries pivot-tui loads, which hold no Swift: without Swift's start-up
/// object nothing asks for the Swift runtime, and with the static one nothing of it is linked
/// (an archive gives only what is asked for). Linked to libswiftCore.so, an installed copy did
/// not load: only the toolchain has that library.
let withoutSwiftRuntime: [LinkerSetting] = [.unsafeFlags(["-nostartfiles", "-static-stdlib"])]

let package = Package(
    name: "pivot-tui",
    products: [
        .executable(name: "pivot-tui", targets: ["PivotTUI"]),
        .executable(name: "pivot-tui-server", targets: ["PivotServe"]),
        // GNU Source-highlight behind a C function; pivot-tui loads it only for pages with code.
        .library(name: "pivot-highlight", type: .dynamic, targets: ["CSourceHighlight"]),
        // PNG, JPEG and WebP decoders and chafa; pivot-tui loads it only for pages with pictures.
        .library(name: "pivot-pictures", type: .dynamic, targets: ["CPictures"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssh", exact: "0.15.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
    ],
    targets: [
        // C libraries from Debian, seen through system library targets.
        .systemLibrary(name: "CNcurses", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CYaml", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CGif", pkgConfig: "libgif", providers: [.apt(["libgif-dev"])]),
        // UAX #14 line breaking (17,000 instructions to link at start-up; ICU's libraries cost millions).
        .systemLibrary(name: "CUnibreak", pkgConfig: "libunibreak", providers: [.apt(["libunibreak-dev"])]),
        // Small C helpers: terminal cell widths under a fixed UTF-8 locale, and async-signal-safe signal handling.
        .target(name: "CCellWidth"),
        .target(name: "CTerminalSupport"),
        // forkpty + exec for the SSH server: no Swift code runs between fork and exec.
        .target(name: "CPty"),

        // C++: the highlighter's shim, linked to libsource-highlight (and Boost.Regex) only here.
        .target(name: "CSourceHighlight",
                linkerSettings: [.linkedLibrary("source-highlight"), .linkedLibrary("boost_regex")] + withoutSwiftRuntime),

        // The pure core: page -> Document -> Outline, and the reader (layout, state, update, render).
        .target(name: "PivotDocument", dependencies: ["CCmarkGFM", "CYaml"]),
        .target(name: "PivotAnimation"),
        // GIFs decoded with giflib and turned into text frames.
        .target(name: "PivotGIF", dependencies: ["PivotAnimation", "CGif"]),
        .target(name: "PivotReader", dependencies: ["PivotDocument", "PivotAnimation", "CCellWidth", "CUnibreak"]),
        // The edge to the file system for sites: the confined folder, its scan.
        .target(name: "PivotFiles", dependencies: ["PivotDocument"]),
        // C: PNG, JPEG and WebP decoding (errors caught where C can set the jump) and chafa's
        // cells. SwiftPM gives a C target no pkg-config flags of its own: chafa's (GLib's) are asked here.
        .target(name: "CPictures",
                cSettings: [.unsafeFlags(pkgConfig("--cflags", "chafa"))],
                linkerSettings: [.linkedLibrary("png16"), .linkedLibrary("jpeg"), .linkedLibrary("webp"),
                                 .linkedLibrary("chafa"), .linkedLibrary("glib-2.0")] + withoutSwiftRuntime),
        // Finds and loads the libraries above, beside pivot-tui or in its lib folder.
        .target(name: "PivotLibraryLoader"),
        // The edge to picture files: any local picture of a page as a text picture (loads libpivot-pictures.so).
        .target(name: "PivotPictures", dependencies: ["PivotAnimation", "PivotGIF", "PivotLibraryLoader"]),
        // The edge to the highlighter: loads libpivot-highlight.so when a page has code.
        .target(name: "PivotHighlight", dependencies: ["PivotDocument", "PivotLibraryLoader"]),
        // The edge: ncurses, keys, signals, the run loop and plain output.
        .target(name: "PivotTerminal", dependencies: ["PivotReader", "CNcurses", "CTerminalSupport"]),
        // The user's settings: the config file's text (YAML) read into them, and written back.
        .target(name: "PivotConfig", dependencies: ["PivotDocument", "PivotReader", "PivotTerminal"]),
        // The SSH edge: a swift-nio-ssh server running one reader process per session on a pty.
        .target(
            name: "PivotServer",
            dependencies: [
                "CPty",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        .executableTarget(
            name: "PivotTUI",
            dependencies: [
                "PivotDocument", "PivotAnimation", "PivotReader", "PivotTerminal", "PivotFiles", "PivotHighlight", "PivotPictures",
                "PivotConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds take libstdc++ from the archive that `make` links alone into
            // .build-static-cxx (searched before the shared library): the static Swift runtime needs
            // 26 of its symbols, and loading the shared one cost 1,700 symbol bindings at every start.
            // lld (the toolchain's) places the functions the start-up runs together
            // (link/startup-order.txt, from scripts/startup-order.sh) and packs the PIE's relative
            // relocations (DT_RELR, glibc 2.36+): fewer pages of the binary are faulted in.
            linkerSettings: [.unsafeFlags(["-L", Context.packageDirectory + "/.build-static-cxx",
                                           "-use-ld=lld",
                                           "-Xlinker", "--symbol-ordering-file=" + Context.packageDirectory + "/link/startup-order.txt",
                                           "-Xlinker", "--no-warn-symbol-ordering",
                                           "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                                          .when(configuration: .release))],
            plugins: ["EmbedContent"]),
        // `pivot-tui serve` runs this program; it runs `pivot-tui` for every session.
        .executableTarget(
            name: "PivotServe",
            dependencies: ["PivotServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // Build-time embedding of content/ into the binary.
        .executableTarget(name: "EmbedGenerator"),
        .plugin(name: "EmbedContent", capability: .buildTool(), dependencies: ["EmbedGenerator"]),

        // Fixtures shared by the test targets (not part of any product).
        .target(name: "PivotTestSupport", dependencies: ["CGif"]),
        .testTarget(name: "PivotDocumentTests", dependencies: ["PivotDocument", "PivotTestSupport"]),
        .testTarget(name: "PivotAnimationTests", dependencies: ["PivotAnimation", "PivotGIF", "CGif", "PivotTestSupport"]),
        .testTarget(name: "PivotReaderTests", dependencies: ["PivotReader", "PivotDocument", "PivotAnimation", "PivotTestSupport"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "PivotEndToEndTests", dependencies: ["PivotTestSupport"]),
        .testTarget(name: "PivotConfigTests", dependencies: ["PivotConfig", "PivotReader", "PivotTerminal"]),
        .testTarget(name: "PivotFilesTests", dependencies: ["PivotFiles", "PivotDocument"]),
        // The real library, loaded from the build folder as pivot-tui loads it.
        .testTarget(name: "PivotPicturesTests", dependencies: ["PivotPictures", "PivotAnimation", "PivotGIF", "CGif", "PivotTestSupport"]),
        .testTarget(name: "PivotHighlightTests", dependencies: ["PivotHighlight", "PivotDocument"]),
        // ncurses' key decoding fed from a pseudo-terminal: needs PivotTerminal's internals (@testable).
        .testTarget(name: "PivotTerminalTests", dependencies: ["PivotTerminal", "PivotReader", "PivotDocument", "CNcurses", "PivotTestSupport"]),
        .testTarget(
            name: "PivotServerTests",
            dependencies: [
                "PivotServer", "PivotTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]),
    ]
)

// `make fuzz` only: libFuzzer supplies `main`, so the fuzz targets are in the package only when asked for.
if getenv("PIVOT_FUZZ") != nil {
    package.targets.append(.executableTarget(name: "PivotFuzz", dependencies: ["PivotDocument", "PivotReader"]))
    // Keys through ncurses and KeyDecoder (PivotTerminal's internals: a debug build's @testable import).
    package.targets.append(.executableTarget(name: "PivotKeyFuzz",
                                             dependencies: ["PivotDocument", "PivotReader", "PivotTerminal", "CNcurses"]))
}

// `make bench-micro` only: micro-benchmarks of the core with swift-benchmark. The target and its
// dependency are in the package only when PIVOT_BENCH is set, so `make test` never resolves them.
if getenv("PIVOT_BENCH") != nil {
    package.dependencies.append(.package(url: "https://github.com/google/swift-benchmark", exact: "0.1.2"))
    package.targets.append(.executableTarget(
        name: "PivotBenchmarks",
        dependencies: ["PivotDocument", "PivotReader", "PivotAnimation",
                       .product(name: "Benchmark", package: "swift-benchmark")],
        path: "Benchmarks/PivotBenchmarks",
        plugins: ["EmbedContent"]))
}

// Release builds reach a concrete generic type's metadata (`[String: Animation]`, `Set<Int>`)
// through its accessor, not by demangling its name at run time: the demangler checked each
// type's conformances (`String: Hashable`) by scanning every conformance record of the binary,
// 1.3 M instructions of the start-up and pages of descriptors read for nothing (docs/DECISIONS.md).
// Each function gets a section of its own, so lld can place the start-up's functions together
// (link/startup-order.txt): without it most of a module's code is one section that moves whole.
// The Makefile asks the same of the dependencies (swift-argument-parser).
for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors",
                      "-Xfrontend", "-function-sections"], .when(configuration: .release)),
    ]
}
