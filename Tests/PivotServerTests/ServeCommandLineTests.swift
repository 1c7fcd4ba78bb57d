import Foundation
import PivotTestSupport
import XCTest

/// `pivot-tui serve` checks what it is given before it listens.
final class ServeCommandLineTests: ServeTestCase {
    private func serve(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(binary, ["serve", "--host-key", hostKeyPath] + arguments,
                              environment: TestTools.childEnvironment(), timeout: 20)
    }

    func testBadOptionsAreUsageErrors() throws {
        for arguments in [["--listen", "nowhere"], ["--listen", "127.0.0.1:70000"], ["--max-sessions", "0"],
                          ["--idle-timeout", "0"], ["--login-grace", "0"], ["--page", "-"]] {
            let result = try serve(arguments)
            XCTAssertEqual(result.exitStatus, 64, "\(arguments): \(result.stderrText)")
        }
    }

    func testAMissingPageStopsTheServerBeforeItListens() throws {
        let result = try serve(["--listen", "127.0.0.1:0", "--page", path("missing.md")])
        XCTAssertEqual(result.exitStatus, 1)
        XCTAssertTrue(result.stderrText.contains("missing.md"), result.stderrText)
        XCTAssertFalse(result.stderrText.contains("listening"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: hostKeyPath), "no key made for a server that cannot start")
    }

    func testHelpListsServe() throws {
        let result = try ProcessRunner.run(binary, ["--help"], environment: TestTools.childEnvironment())
        XCTAssertTrue(result.stdoutText.contains("serve"), result.stdoutText)
    }
}
