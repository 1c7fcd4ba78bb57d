import Foundation
import PivotAnimation
@testable import PivotPictures
import PivotTestSupport
import XCTest

/// The cells pivot-tui draws are chafa's: the same picture through chafa's own tool, with the
/// same symbols, colours and size, gives the same symbols, cell for cell.
final class ChafaToolComparisonTests: XCTestCase {
    static let toolSymbols: [PictureCells.Symbols: String] = [
        .blocks: "block+space-wide", .ascii: "ascii", .braille: "braille+space", .sextants: "sextant+block+space-wide",
    ]

    private func chafaTool() throws -> URL {
        guard let path = ["/usr/bin/chafa", "/usr/local/bin/chafa"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { throw XCTSkip("chafa (the tool) is not installed: nothing to compare with") }
        return URL(fileURLWithPath: path)
    }

    /// What chafa's tool prints for `png` in 240 colours, as lines of symbols (colours dropped).
    private func toolLines(_ png: [UInt8], symbols: PictureCells.Symbols, columns: Int, rows: Int) throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pivot-chafa-\(UUID().uuidString).png")
        try Data(png).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try ProcessRunner.run(try chafaTool(), [
            "--format", "symbols", "--colors", "240", "--symbols", Self.toolSymbols[symbols]!, "--size", "\(columns)x\(rows)",
            "--font-ratio", "1/2", "--polite", "on", file.path,
        ], environment: ProcessInfo.processInfo.environment)
        XCTAssertEqual(result.exitStatus, 0, result.stderrText)
        var text = result.stdoutText
        // Colours and cursor controls out: the symbols are what is compared.
        while let escape = text.firstIndex(of: "\u{1B}") {
            guard let end = text[text.index(after: escape)...].firstIndex(where: { $0.isLetter && $0 != "[" }) else { break }
            text.removeSubrange(escape...end)
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    private func ourLines(_ png: [UInt8], symbols: PictureCells.Symbols, columns: Int, rows: Int) throws -> [String] {
        let picture = try PictureConverter.animation(from: png, columns: columns, rows: rows, symbols: symbols)
        return (0..<picture.height).map { String(picture.symbolCells(frame: 0, row: $0).map(\.symbol)) }
    }

    private var gradient: [UInt8] {
        let size = 64
        var pixels: [UInt8] = []
        for y in 0..<size {
            for x in 0..<size { pixels += [UInt8(x * 255 / (size - 1)), UInt8(y * 255 / (size - 1)), 128, 255] }
        }
        return PNGWriter.png(width: size, height: size, pixels: pixels)
    }

    func testACircleAndAGradientAt40ColumnsAreChafasInEverySymbolSet() throws {
        _ = try chafaTool()
        for (name, png) in [("circle", PictureConverterTests.circle), ("gradient", gradient)] {
            for symbols in PictureCells.Symbols.allCases {
                let ours = try ourLines(png, symbols: symbols, columns: 40, rows: 20)
                let theirs = try toolLines(png, symbols: symbols, columns: 40, rows: 20)
                XCTAssertEqual(ours.count, 20, "\(name), \(symbols)")
                XCTAssertEqual(ours.map { $0.trimmingCharacters(in: .whitespaces) }, theirs.map { $0.trimmingCharacters(in: .whitespaces) },
                               "\(name), \(symbols):\nours:\n\(ours.joined(separator: "\n"))\nchafa's:\n\(theirs.joined(separator: "\n"))")
            }
        }
    }
}
