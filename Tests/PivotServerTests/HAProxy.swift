import Foundation
import Glibc
import PivotTestSupport

/// A real HAProxy in TCP mode on 127.0.0.1, in front of `pivot-tui serve` instances, sending
/// them PROXY v2 headers (docs/deploy/haproxy.md's configuration, with test timings).
final class HAProxy {
    let process: SpawnedProcess
    let port: Int

    /// `healthPorts`: each backend's `--metrics` port, checked with `GET /healthz` (a draining
    /// instance answers 503); without them, TCP checks that send a PROXY header.
    init(backends: [Int], healthPorts: [Int]? = nil, directory: URL) throws {
        port = try freeLoopbackPort()
        let servers = backends.enumerated().map { index, port in
            let check = healthPorts.map { "check port \($0[index])" } ?? "check check-send-proxy"
            return "    server s\(index + 1) 127.0.0.1:\(port) send-proxy-v2 \(check) inter 300ms fall 1 rise 1"
        }.joined(separator: "\n")
        let httpCheck = healthPorts == nil ? "" : "    option httpchk\n    http-check send meth GET uri /healthz\n"
        let configuration = """
            global
                maxconn 1000
            defaults
                mode tcp
                timeout connect 2s
                timeout client 1h
                timeout server 1h
                timeout check 1s
                retries 2
                option redispatch
            frontend ssh
                bind 127.0.0.1:\(port)
                default_backend readers
            backend readers
                balance leastconn
            \(httpCheck)\(servers)

            """
        let file = directory.appendingPathComponent("haproxy-\(port).cfg")
        try configuration.write(to: file, atomically: true, encoding: .utf8)
        process = try SpawnedProcess(try TestTools.haproxy(), ["-db", "-f", file.path], environment: TestTools.childEnvironment())
        process.drainInBackground()
        close(try connectWhenListening(port: port))
    }

    deinit { stop() }

    func stop() {
        process.kill(SIGTERM)
        if process.wait(timeout: 5) == nil {
            process.kill(SIGKILL)
            _ = process.wait(timeout: 5)
        }
    }
}
