import Foundation
import PivotDocument
@testable import PivotReader
@testable import PivotTerminal
import XCTest
import PivotTestSupport

/// Random bytes through ncurses' own key decoding (the reader's screen set-up, `wgetch`) and
/// `KeyDecoder`, from a pipe, as a terminal or an SSH client would send them. Each batch is
/// typed, then read the way the reader's loop reads after a wake-up. Checked for every batch:
/// the read ends in bounded time; nothing is left behind in the pipe or inside ncurses for a
/// next wake-up; every event is one the reader can take (applied to a `ReaderState` and drawn).
/// Between garbage batches, batches of known keys must decode exactly, alone and after invalid
/// UTF-8 in the same read. Fixed seed; `PIVOT_KEY_FUZZ_BATCHES` runs more.
final class KeyDecoderFuzzTests: XCTestCase {
    /// "No hang": a batch waits at most a few escape delays (25 ms each).
    static let batchDeadline: TimeInterval = 2

    private var keyboard: PseudoTerminalKeyboard!
    private var known: [KnownKey] = []
    private var state = ReaderState(document: PageParser.document(from: "# Keys\n\ntext"), size: Size(width: 80, height: 24))
    private var figures = (batches: 0, bytes: 0, events: 0, slowest: 0.0)

    override func setUpWithError() throws {
        try super.setUpWithError()
        keyboard = try PseudoTerminalKeyboard()
        known = KeyBytes.knownKeys()
        XCTAssertGreaterThanOrEqual(known.count, 150, "terminfo should give xterm-256color's keys")
        var page = "---\ntitle: Key Fuzz\n---\n\n"
        for section in 1...12 { page += "## Section \(section)\n\n" + String(repeating: "A line of text to scroll. ", count: 40) + "\n\n" }
        state = ReaderState(document: PageParser.document(from: page), size: keyboard.size)
    }

    override func tearDown() {
        keyboard = nil
        super.tearDown()
    }

    func testRandomBytesDecodeToValidEventsAndKnownKeysSurviveThem() throws {
        let batches = ProcessInfo.processInfo.environment["PIVOT_KEY_FUZZ_BATCHES"].flatMap(Int.init) ?? 1_000
        var random = SeededGenerator(state: 20_261_125)
        var failures = 0
        for batch in 0..<batches {
            let garbage = KeyBytes.garbage(using: &random, known: known)
            for problem in try check(garbage) {
                failures += 1
                XCTFail("batch \(batch), garbage \(hex(garbage)): \(problem)")
            }
            // The decoder must come out of any garbage ready for the next keys.
            let keys = (0..<Int.random(in: 1...8, using: &random)).map { _ in known.randomElement(using: &random)! }
                + (Int.random(in: 0..<5, using: &random) == 0 ? [KeyBytes.escape] : [])
            failures += try expect(keys, after: [], batch: batch)
            if batch % 4 == 0 {
                failures += try expect(keys, after: KeyBytes.invalidUTF8.randomElement(using: &random)!, batch: batch)
            }
            if failures >= 10 { return XCTFail("stopped after 10 failures") }
        }
        record("RELIABILITY|key-fuzz|\(figures.batches) reads of \(figures.bytes) bytes in all, \(figures.events) inputs decoded, "
               + "slowest read \(String(format: "%.3f", figures.slowest)) s")
    }

    /// Every invalid UTF-8 sample costs nothing but itself, however the keys after it begin.
    func testKeysRightAfterInvalidUTF8AreNotLost() throws {
        var failures = 0
        for sample in KeyBytes.invalidUTF8 {
            for key in known {
                failures += try expect([key, known[0]], after: sample, batch: -1)
            }
            if failures >= 10 { return XCTFail("stopped after 10 failures") }
        }
    }

    /// Types `prefix + keys` in one write: the decoded inputs must end with the keys' own, and
    /// the prefix (invalid UTF-8) may give nothing but ignored inputs. Returns the failures.
    private func expect(_ keys: [KnownKey], after prefix: [UInt8], batch: Int) throws -> Int {
        let bytes = prefix + keys.flatMap(\.bytes)
        let expected = keys.map(\.input)
        var problems = try check(bytes)
        let decoded = lastDecoded
        if decoded.count < expected.count || Array(decoded.suffix(expected.count)) != expected {
            problems.append("decoded \(decoded), expected \(expected) at the end")
        } else if !decoded.dropLast(expected.count).allSatisfy({ $0 == .ignored }) {
            problems.append("the prefix gave \(decoded.dropLast(expected.count))")
        }
        for problem in problems { XCTFail("batch \(batch), bytes \(hex(bytes)): \(problem)") }
        return problems.count
    }

    private var lastDecoded: [KeyDecoder.Input] = []

    /// Types `bytes`, reads them back, applies the events; returns what is wrong.
    private func check(_ bytes: [UInt8]) throws -> [String] {
        try keyboard.type(bytes)
        let started = Date()
        lastDecoded = keyboard.read()
        let elapsed = Date().timeIntervalSince(started)
        figures.batches += 1
        figures.bytes += bytes.count
        figures.events += lastDecoded.count
        figures.slowest = max(figures.slowest, elapsed)

        var problems: [String] = []
        if elapsed > Self.batchDeadline { problems.append("reading took \(elapsed) s") }
        if keyboard.unreadBytes != 0 { problems.append("\(keyboard.unreadBytes) bytes left unread in the pipe") }
        let stranded = keyboard.read()
        if !stranded.isEmpty { problems.append("ncurses held back \(stranded) until a later read") }
        for input in lastDecoded {
            guard case .event(let event) = input else { continue }
            if let problem = Self.problem(with: event) { problems.append(problem) }
            state = update(state, event).0
        }
        let grid = render(state)
        if grid.width != state.windowSize.width || grid.height != state.windowSize.height {
            problems.append("grid \(grid.width)x\(grid.height) for a \(state.windowSize) window")
        }
        if !(0...state.maxTop).contains(state.top) { problems.append("top \(state.top) outside 0...\(state.maxTop)") }
        return problems
    }

    /// A character key is one printable scalar; a control chord is a letter.
    private static func problem(with event: ReaderEvent) -> String? {
        switch event {
        case .key(.character(let character)):
            let scalars = character.unicodeScalars
            guard scalars.count == 1, let scalar = scalars.first else { return "character key \(character.debugDescription)" }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return "control U+\(String(scalar.value, radix: 16)) as a character" }
        case .key(.control(let letter)):
            if !("a"..."z").contains(letter) { return "control chord \(letter.debugDescription)" }
        case .resize, .tick:
            return "\(event) from the keyboard"
        default:
            break
        }
        return nil
    }

    /// Prints a figure line, and adds it to `PIVOT_RELIABILITY_REPORT` when that names a file.
    private func record(_ line: String) {
        print(line)
        guard let path = ProcessInfo.processInfo.environment["PIVOT_RELIABILITY_REPORT"], !path.isEmpty,
              let file = fopen(path, "a") else { return }
        fputs(line + "\n", file)
        fclose(file)
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.prefix(64).map { String(format: "%02x", $0) }.joined(separator: " ") + (bytes.count > 64 ? " …" : "")
    }
}
