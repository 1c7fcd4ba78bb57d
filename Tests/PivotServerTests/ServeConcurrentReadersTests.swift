import Foundation
import NIOCore
import XCTest
import PivotTestSupport

/// 200 readers at once on one server (`--max-sessions 220`), all scrolling a long page: none
/// is refused below the limit, and every `j` is answered within a second (from the key sent
/// to the reader's first bytes back, measured in the client's event loop). Each reader presses
/// `j` ten times, after a pause of 100 to 400 ms each time (a person paging through), so the
/// whole set asks for about 800 screen updates a second of the two CPUs, which the server, the
/// 200 readers and this client share.
final class ServeConcurrentReadersTests: InProcessClientTestCase {
    static let answerBound = TimeAmount.seconds(1)

    /// A page long enough that `j` always scrolls: 400 numbered paragraphs under 20 headings.
    static let longPage: String = {
        var text = "---\ntitle: \(ServedPage.title)\n---\n\n"
        for section in 1...20 {
            text += "## Part \(section)\n\n"
            for paragraph in 1...20 {
                text += "Paragraph \(section).\(paragraph) walks along the garden wall, past the ferns and the old "
                    + "fountain, and ends by the gate where the rosemary grows.\n\n"
            }
        }
        return text
    }()

    func testTwoHundredScrollingReadersAreAnsweredWithinOneSecond() throws {
        let environment = ProcessInfo.processInfo.environment
        let readers = environment["PIVOT_SOAK_READERS"].flatMap(Int.init) ?? 200
        let presses = environment["PIVOT_SOAK_PRESSES"].flatMap(Int.init) ?? 10
        // PIVOT_SOAK_PAUSES_MS=LOW-HIGH pages faster or slower than a person.
        let pauseBounds = (environment["PIVOT_SOAK_PAUSES_MS"] ?? "100-400").split(separator: "-").compactMap { Int64($0) }
        let pauseRange = pauseBounds.count == 2 && pauseBounds[0] <= pauseBounds[1] ? pauseBounds[0]...pauseBounds[1] : 100...400
        let server = try startServer(["--max-sessions", "\(readers + 20)", "--max-per-address", "\(readers + 20)"],
                                     page: Self.longPage)
        let idle = try ProcessResources.settled(server.pid)

        let opening = Date()
        var sessions: [SSHTestSession] = []
        for index in 0..<readers {
            do {
                sessions.append(try connect(to: server).openReader())
            } catch {
                return XCTFail("reader \(index) of \(readers) was not opened: \(error)\n\(server.log.suffix(2000))")
            }
        }
        for (index, session) in sessions.enumerated() {
            try session.waitForOutput(ServedPage.title, timeout: 120)
            XCTAssertEqual(session.record.errorText, "", "reader \(index) was told something")
        }
        let openingTime = Date().timeIntervalSince(opening)
        XCTAssertEqual(server.readers.count, readers, "one reader process per session")
        XCTAssertFalse(server.log.contains("refused"), "a session was refused below the limit")
        // Each session holds its connection and three copies of its pty's master, no more.
        let busy = try ProcessResources.of(server.pid)
        XCTAssertLessThanOrEqual(busy.descriptors.count - idle.descriptors.count, 4 * readers, "\(idle) -> \(busy)")
        let readerMemory = busy.children.compactMap { try? ProcessResources.of($0).uniqueKiB }
        ReliabilityReport.record("concurrent-sessions", "\(readers) sessions: the server \(busy) (idle: \(idle)); "
                                 + "a reader's USS \(readerMemory.reduce(0, +) / max(readerMemory.count, 1)) KiB on average")

        // Every reader pages through at once; the pauses come from a fixed seed.
        var random = SeededGenerator(state: 2_026_1125)
        let loop = group.next()
        let scrolls = sessions.map { session in
            let pauses = (0..<presses).map { _ in TimeAmount.milliseconds(Int64.random(in: pauseRange, using: &random)) }
            return Self.scroll(session, pausing: pauses)
        }
        let scrolling = Date()
        let latencies = try EventLoopFuture.whenAllSucceed(scrolls, on: loop)
            .wait(timeout: 300, for: "\(readers) readers to scroll").flatMap { $0 }
            .map { Double($0.nanoseconds) / 1e9 }.sorted()
        let scrollingTime = Date().timeIntervalSince(scrolling)
        XCTAssertEqual(latencies.count, readers * presses)

        let percentile = { (fraction: Double) in latencies[min(latencies.count - 1, Int(Double(latencies.count) * fraction))] }
        let format = { (seconds: Double) in String(format: "%.0fms", seconds * 1000) }
        let line = "readers=\(readers) presses=\(latencies.count) pauses=\(pauseRange.lowerBound)-\(pauseRange.upperBound)ms p50=\(format(percentile(0.5))) "
            + "p99=\(format(percentile(0.99))) max=\(format(latencies.last ?? 0)) "
            + "opening=\(String(format: "%.1f", openingTime))s scrolling=\(String(format: "%.1f", scrollingTime))s"
        print("SOAK|" + line)
        ReliabilityReport.record("concurrent-readers", line)
        XCTAssertLessThan(latencies.last ?? .infinity, Double(Self.answerBound.nanoseconds) / 1e9,
                          "a key waited more than \(Self.answerBound) for its answer: \(line)")
        XCTAssertTrue(ProcessTable.isRunning(server.pid))

        sessions.forEach { $0.send("q") }
        for session in sessions { XCTAssertEqual(try session.waitForEnd(timeout: 60), 0) }
        XCTAssertTrue(ProcessTable.waitUntil(timeout: 30) { server.readers.isEmpty }, "readers left: \(server.readers.count)")
    }

    /// Presses `j` after each pause, one press at a time; the time each took to be answered.
    private static func scroll(_ session: SSHTestSession, pausing pauses: [TimeAmount]) -> EventLoopFuture<[TimeAmount]> {
        let loop = session.channel.eventLoop
        var chain = loop.makeSucceededFuture([TimeAmount]())
        for pause in pauses {
            chain = chain.flatMap { latencies in
                loop.scheduleTask(in: pause) {}.futureResult
                    .flatMap { session.press("j") }
                    .map { latencies + [$0] }
            }
        }
        return chain
    }
}
