import Foundation
import PivotTestSupport
import Glibc
import XCTest

/// One reader's crash or a client's disappearance ends one session; SIGTERM ends them all
/// politely and stops the server.
final class ServeRobustnessTests: ServeTestCase {
    func testKilledReaderEndsOnlyItsSession() throws {
        let server = try startServer()
        let victim = try startSSH(port: server.port, ["-tt", "reader@127.0.0.1"],
                                  environment: TestTools.childEnvironment(["TERM": "vt100"]))
        try victim.waitForOutput("the first paint") { $0.contains(ServedPage.title) }
        let survivor = try startTerminal(port: server.port)
        try waitForReader(survivor)
        XCTAssertTrue(ProcessTable.waitUntil(timeout: 5) { server.readers.count == 2 })

        let readerPID = try XCTUnwrap(server.readers.first { pid in
            (try? String(contentsOfFile: "/proc/\(pid)/environ", encoding: .utf8))?.contains("TERM=vt100") == true
        }, "the victim's reader (TERM=vt100)")
        XCTAssertEqual(kill(readerPID, SIGKILL), 0)
        let ending = victim.wait(timeout: 10)
        XCTAssertEqual(ending?.status, Int32(128 + SIGKILL), "the client sees the reader's end: \(victim.errorText)")
        try server.waitForEvent("session end", "exit_status=137")

        // The other reader still answers, and the server still takes new readers.
        try survivor.waitForScreen("the body text is shown") { $0.containsText(ServedPage.bodyText) }
        try survivor.sendKeys("-")
        try survivor.waitForScreen("the survivor still reacts to keys") { !$0.containsText(ServedPage.bodyText) }
        XCTAssertEqual(try runSSH(port: server.port, ["-T", "reader@127.0.0.1"]).exitStatus, 0)
        XCTAssertTrue(ProcessTable.isRunning(server.pid))
    }

    func testDroppedClientEndsItsReaderWithinTwoSeconds() throws {
        let server = try startServer()
        let terminal = try startTerminal(port: server.port)
        try waitForReader(terminal)
        let reader = try XCTUnwrap(server.readers.first)
        XCTAssertEqual(kill(try sshProcess(in: terminal), SIGKILL), 0)
        XCTAssertTrue(ProcessTable.waitUntil(timeout: 2) { !ProcessTable.isRunning(reader) },
                      "the reader \(reader) outlived its client by more than 2 s")
        XCTAssertTrue(ProcessTable.waitUntil(timeout: 2) { ProcessTable.entry(reader) == nil }, "the reader was not collected")
        try server.waitForEvent("session end", "reason=client-left")
    }

    func testSIGTERMTellsReadersAndStopsWithinFiveSeconds() throws {
        let server = try startServer()
        let terminal = try startTerminal(port: server.port)
        try waitForReader(terminal)
        let plainWaiter = try startSSH(port: server.port, ["-N", "reader@127.0.0.1"])
        try server.waitForEvent("auth", "method=none")
        let readers = server.readers
        XCTAssertEqual(readers.count, 1)

        let started = Date()
        kill(server.pid, SIGTERM)
        let ending = server.process.wait(timeout: 5)
        XCTAssertNotNil(ending, "the server was still running 5 s after SIGTERM")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(ending?.status, 0)
        try terminal.waitForScreen("the reader is told") { $0.containsText("pivot-tui: the server is shutting down") }
        XCTAssertTrue(readers.allSatisfy { !ProcessTable.isRunning($0) }, "a reader outlived the server")
        XCTAssertNotNil(plainWaiter.wait(timeout: 5), "a connection without a session stayed open")
        XCTAssertTrue(server.log.contains("stopped"), server.log)
    }
}
