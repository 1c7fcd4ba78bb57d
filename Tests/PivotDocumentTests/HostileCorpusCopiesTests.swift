import Foundation
import XCTest

/// HostileCorpus.swift is copied into three test targets (they cannot share code): the copies
/// must stay the same, so every target tests the same corpus.
final class HostileCorpusCopiesTests: XCTestCase {
    func testTheThreeCopiesAreIdentical() throws {
        let tests = Fixtures.repositoryRoot.appendingPathComponent("Tests")
        let copies = ["PivotDocumentTests", "PivotReaderTests", "PivotEndToEndTests"].map {
            tests.appendingPathComponent($0).appendingPathComponent("HostileCorpus.swift")
        }
        let original = try Data(contentsOf: copies[0])
        for copy in copies.dropFirst() {
            XCTAssertEqual(try Data(contentsOf: copy), original,
                           "\(copy.path) differs from \(copies[0].path): copy the file again")
        }
    }
}
