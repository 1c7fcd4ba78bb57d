import Foundation
import PivotTestSupport
import XCTest

/// The binary run with pipes for stdout and stderr (no terminal), in this test's directory.
extension EndToEndTestCase {
    func runPiped(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ProcessResult {
        let result = try ProcessRunner.run(binary, arguments,
                                           environment: TestEnvironment.childEnvironment(["TERM": "xterm-256color"]),
                                           currentDirectory: workDirectory)
        XCTAssertFalse(result.timedOut, "pivot-tui \(arguments.joined(separator: " ")) did not finish in time",
                       file: file, line: line)
        return result
    }
}
