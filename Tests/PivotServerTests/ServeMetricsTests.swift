import Foundation
import Glibc
import PivotTestSupport
import XCTest

/// `--metrics`: Prometheus text that a real parser reads, counters that move as sessions start,
/// are refused and end; `/healthz`; and the drain (SIGUSR2) a balancer's health check follows.
final class ServeMetricsTests: ServeTestCase {
    /// The port of the metrics listener, from the server's log.
    private func metricsPort(_ server: ServeServer) throws -> Int {
        let line = try server.waitForEvent("metrics listening")
        guard let field = line.split(separator: " ").first(where: { $0.hasPrefix("port=") }),
              let port = Int(field.dropFirst("port=".count)) else { throw TestFailure("no port in: \(line)") }
        return port
    }

    /// One HTTP GET; the status code and the body.
    private func get(_ path: String, port: Int) throws -> (status: Int, body: String) {
        let socket = try connectWhenListening(port: port)
        defer { close(socket) }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { Glibc.write(socket, $0.baseAddress, $0.count) }
        let answer = String(decoding: readUntilClosed(socket, timeout: 5), as: UTF8.self)
        let status = answer.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        let body = answer.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        return (status, body)
    }

    /// The samples of the page, as Python's prometheus_client parser reads them:
    /// "name{label=value} value" per line, labels sorted.
    private func parsed(_ text: String) throws -> [String: Double] {
        let python = "/usr/bin/python3"
        let script = """
            import sys
            from prometheus_client.parser import text_string_to_metric_families
            for family in text_string_to_metric_families(sys.stdin.read()):
                for sample in family.samples:
                    labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
                    print(f"{sample.name}{{{labels}}} {sample.value}")
            """
        let check = try ProcessRunner.run(URL(fileURLWithPath: python), ["-c", "import prometheus_client"],
                                          environment: TestTools.childEnvironment())
        guard check.exitStatus == 0 else { throw XCTSkip("python3-prometheus-client is not installed: no parser to check with") }
        let file = path("metrics.txt")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "\(python) -c '\(script)' < \(file)"],
                                           environment: TestTools.childEnvironment())
        XCTAssertEqual(result.exitStatus, 0, "the page parses as Prometheus text: \(result.stderrText)\n\(text)")
        var samples: [String: Double] = [:]
        for line in result.stdoutText.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = Double(parts[1]) { samples[String(parts[0])] = value }
        }
        return samples
    }

    func testCountersMoveAsSessionsStartAreRefusedAndEnd() throws {
        let server = try startServer(["--metrics", "127.0.0.1:0", "--max-sessions", "1"])
        let port = try metricsPort(server)
        XCTAssertEqual(try get("/healthz", port: port).status, 200)
        let terminal = try startTerminal(port: server.port)
        try waitForReader(terminal)
        let refused = try runSSH(port: server.port, ["-T", "reader@127.0.0.1"])
        XCTAssertEqual(refused.exitStatus, 1)
        var samples = try parsed(try get("/metrics", port: port).body)
        XCTAssertEqual(samples["pivot_sessions_started_total{}"], 1, "\(samples)")
        XCTAssertEqual(samples["pivot_sessions_open{}"], 1, "\(samples)")
        XCTAssertEqual(samples["pivot_refused_total{reason=max-sessions}"], 1, "\(samples)")
        XCTAssertEqual(samples["pivot_first_paint_seconds_count{}"], 1, "\(samples)")
        XCTAssertGreaterThan(samples["pivot_bytes_sent_total{}"] ?? 0, 500, "\(samples)")
        try terminal.sendKeys("q")
        _ = try waitForExitStatus(terminal)
        try server.waitForEvent("session end", "reason=finished")
        samples = try parsed(try get("/metrics", port: port).body)
        XCTAssertEqual(samples["pivot_sessions_open{}"], 0, "\(samples)")
        XCTAssertEqual(samples["pivot_reader_exits_total{cause=finished}"], 1, "\(samples)")
        XCTAssertEqual(try get("/nothing", port: port).status, 404)
    }

    /// SIGUSR2: no new session, /healthz 503, the open reader is told and keeps answering keys;
    /// the server exits 0 once it quits.
    func testADrainLetsOpenReadersFinish() throws {
        let server = try startServer(["--metrics", "127.0.0.1:0"])
        let port = try metricsPort(server)
        let terminal = try startTerminal(port: server.port, height: 30)
        try waitForReader(terminal)
        server.process.kill(SIGUSR2)
        try server.waitForEvent("draining")
        XCTAssertEqual(try get("/healthz", port: port).status, 503)
        XCTAssertNotEqual(try runSSH(port: server.port, ["-T", "reader@127.0.0.1", "plain"], timeout: 15).exitStatus, 0,
                          "no new session")
        try terminal.waitForScreen("the reader is told") { $0.joined(separator: " ").contains("the server is restarting") }
        // Still reading: a key scrolls the page.
        let before = try terminal.capture()
        try terminal.sendKeys("Space")
        try terminal.waitForScreen("the page scrolled") { $0.lines != before.lines && !$0.containsText("SSH_EXIT=") }
        try terminal.sendKeys("q")
        XCTAssertEqual(try waitForExitStatus(terminal), "0")
        let ending = server.process.wait(timeout: 15)
        XCTAssertEqual(ending?.status, 0, server.log)
        XCTAssertTrue(server.log.contains("] drained"), server.log)
    }

    func testJSONLogsCarryTheClientsAddress() throws {
        let server = try startServer(["--log-format", "json"])
        XCTAssertEqual(try runSSH(port: server.port, ["-T", "reader@127.0.0.1", "plain"]).exitStatus, 0)
        try server.waitForLog("\"message\":\"session end\"")
        let lines = server.log.split(separator: "\n").filter { !$0.isEmpty }
        var messages: [String] = []
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            XCTAssertNotNil(object, "one JSON object a line: \(line)")
            guard let object, let message = object["message"] as? String else { continue }
            messages.append(message)
            XCTAssertNotNil(object["level"], "\(line)")
            XCTAssertNotNil(object["time"], "\(line)")
            if message == "session start" {
                XCTAssertTrue((object["peer"] as? String)?.hasPrefix("127.0.0.1:") == true, "\(line)")
            }
        }
        XCTAssertTrue(messages.contains("listening") && messages.contains("session start") && messages.contains("session end"), "\(messages)")
    }
}
