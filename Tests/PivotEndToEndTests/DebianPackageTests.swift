import Foundation
import PivotTestSupport
import XCTest

/// `make deb`'s package (scripts/deb.sh), made from the build under test and unpacked into a
/// scratch root with `dpkg -x`: the programs run from there, find their highlighter, and the
/// manual pages, completions, unit and example site are where Debian keeps them.
final class DebianPackageTests: EndToEndTestCase {
    private func tool(_ name: String) throws -> String {
        try TestEnvironment.tool(name, package: "dpkg-dev").path
    }

    func testThePackageInstallsIntoAScratchRootAndRuns() throws {
        _ = try tool("dpkg-deb")
        _ = try tool("dpkg-shlibdeps")
        let folder = binary.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("libpivot-highlight.so").path) else {
            throw XCTSkip("\(folder.path) is not a build folder (no libpivot-highlight.so beside the binary)")
        }
        // The debug build links the toolchain's Swift runtime, which no package owns; gzip is quicker than xz.
        let environment = TestEnvironment.childEnvironment(["PIVOT_DEB_UNPACKAGED_LIBRARIES": "1", "PIVOT_DEB_COMPRESSION": "gzip"])
        let script = TestEnvironment.repositoryRoot.appendingPathComponent("scripts/deb.sh").path
        let made = try ProcessRunner.run(script, [folder.path, workDirectory.path], environment: environment, timeout: 300)
        XCTAssertEqual(made.exitStatus, 0, made.stderrText)
        let version = try runPiped(["--version"]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        let arch = try ProcessRunner.run(try tool("dpkg"), ["--print-architecture"], environment: environment)
            .stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        let package = workDirectory.appendingPathComponent("pivot-tui_\(version)_\(arch).deb").path
        XCTAssertEqual(made.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines), package)

        let fields = try ProcessRunner.run(try tool("dpkg-deb"), ["-f", package, "Depends"], environment: environment)
        XCTAssertTrue(fields.stdoutText.contains("libncursesw6"), "Depends: \(fields.stdoutText)")

        let root = workDirectory.appendingPathComponent("root").path
        let unpacked = try ProcessRunner.run(try tool("dpkg"), ["-x", package, root], environment: environment, timeout: 120)
        XCTAssertEqual(unpacked.exitStatus, 0, unpacked.stderrText)
        for path in ["usr/lib/pivot-tui/libpivot-highlight.so", "usr/share/man/man1/pivot-tui.1.gz",
                     "usr/share/man/man1/pivot-tui-serve.1.gz", "usr/share/bash-completion/completions/pivot-tui",
                     "usr/share/zsh/site-functions/_pivot-tui", "usr/share/fish/vendor_completions.d/pivot-tui.fish",
                     "usr/share/doc/pivot-tui/example-site/index.md", "usr/share/doc/pivot-tui/copyright"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: "\(root)/\(path)"), "\(path) missing from the package")
        }
        let unit = try String(contentsOfFile: "\(root)/usr/share/doc/pivot-tui/pivot-tui.service", encoding: .utf8)
        XCTAssertTrue(unit.contains("ExecStart=/usr/bin/pivot-tui serve"), unit)

        let installed = "\(root)/usr/bin/pivot-tui"
        let reported = try ProcessRunner.run(installed, ["--version"], environment: environment)
        XCTAssertEqual(reported.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines), version)
        let page = try ProcessRunner.run(installed, [], environment: environment)
        XCTAssertEqual(page.exitStatus, 0, page.stderrText)
        XCTAssertTrue(page.stdoutText.hasPrefix("Pivot"), String(page.stdoutText.prefix(200)))
        let site = try ProcessRunner.run(installed, ["\(root)/usr/share/doc/pivot-tui/example-site"], environment: environment)
        XCTAssertTrue(site.stdoutText.contains("About the orchard  /about/"), site.stdoutText)
        // The libraries it loads need no Swift runtime (only the toolchain has one): the
        // pictures of a page are drawn from the package's own libpivot-pictures.so.
        for library in ["libpivot-highlight.so", "libpivot-pictures.so"] {
            let dynamic = try ProcessRunner.run(try tool("readelf"), ["-d", "\(root)/usr/lib/pivot-tui/\(library)"], environment: environment)
            XCTAssertFalse(dynamic.stdoutText.contains("swift"), "\(library) needs Swift: \(dynamic.stdoutText)")
        }
        let disc = PNGWriter.png(width: 40, height: 40, pixels: PNGWriter.pixels(size: 40, ink: [30, 60, 220, 255],
                                                                                  paper: [250, 250, 250, 255]) { x, y in
            (x - 20) * (x - 20) + (y - 20) * (y - 20) < 15 * 15
        })
        try Data(disc).write(to: workDirectory.appendingPathComponent("disc.png"))
        let picturePage = try writePage("# Pictured\n\n![a blue disc](disc.png)\n", named: "pictured.md")
        let pictured = try ProcessRunner.run(installed, ["--plain", picturePage.path], environment: environment)
        XCTAssertTrue(pictured.stdoutText.split(separator: "\n").contains { $0.contains("│") && $0.contains("█") },
                      "the picture drawn in symbols: \(pictured.stdoutText)")
        // The stripped program has no symbol table left.
        let symbols = try ProcessRunner.run(try tool("readelf"), ["-S", installed], environment: environment)
        XCTAssertFalse(symbols.stdoutText.contains(".symtab"), "pivot-tui is not stripped")
    }
}
