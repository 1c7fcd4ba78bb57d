import ArgumentParser
import Foundation
import PivotServer

/// `pivot-tui serve` (this program, which `pivot-tui` runs for that command): the reader over
/// SSH, on a built-in server (swift-nio-ssh). A program of its own, so the reader does not
/// carry the network stack: every reader starts and stays smaller.
@main
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pivot-tui serve",
        abstract: "Serve the page over SSH: one reader process, on a terminal of its own, per session.",
        discussion: """
            Anyone may log in (no password, no key) unless --authorized-keys lists the Ed25519 or \
            ECDSA keys that may. A session with a terminal runs the reader; `ssh -T HOST` and \
            `ssh HOST plain` get the page as text; every other command, subsystem and forwarding \
            is refused. SIGTERM ends every session with a note and stops the server. \
            See docs/deploy/ for running it under systemd, or the reader under OpenSSH instead.
            """)

    @Option(help: "Address and port to listen on (HOST:PORT, [IPv6]:PORT; port 0 picks a free one).")
    var listen = "127.0.0.1:2222"

    @Option(name: .customLong("host-key"),
            help: "The Ed25519 host key file, created (0600) on first start. Default: $XDG_STATE_HOME/pivot-tui/host_ed25519 or ~/.local/state/pivot-tui/host_ed25519.")
    var hostKey: String?

    @Option(help: "The page to serve (a Markdown or Jekyll file). Default: the built-in Pivot page. With --site: the page of the site sessions open on (a path or permalink in it).")
    var page: String?

    @Option(help: "Serve the whole site in this folder: sessions land on its index (or --page) and follow links inside it; `ssh -t HOST PAGE` opens a page of it.")
    var site: String?

    @Option(name: .customLong("max-sessions"), help: "Most sessions at once.")
    var maxSessions = 64

    @Option(name: .customLong("max-per-address"), help: "Most sessions at once from one IP address.")
    var maxPerAddress = 8

    @Option(name: .customLong("idle-timeout"), help: "Seconds without a key before a session ends (output does not count).")
    var idleTimeout = 600

    @Option(name: .customLong("login-grace"), help: "Seconds a connection has to log in and start its session.")
    var loginGrace = 30

    @Option(name: .customLong("authorized-keys"),
            help: "Only these keys may log in (authorized_keys lines; Ed25519 and ECDSA, not RSA).")
    var authorizedKeys: String?

    @Flag(name: .customLong("proxy-protocol"),
          help: "Behind a load balancer: every connection starts with a PROXY protocol header (v1 or v2, as HAProxy's send-proxy-v2 sends it) naming the client, whose address then counts for --max-per-address and the logs. A connection without one is dropped.")
    var proxyProtocol = false

    @Option(name: .customLong("proxy-from"), parsing: .upToNextOption,
            help: "With --proxy-protocol: the balancers' addresses (CIDR, e.g. 10.0.0.0/8); connections from anywhere else are dropped. Default: loopback only.")
    var proxyFrom: [String] = []

    @Option(help: "Serve Prometheus metrics at http://HOST:PORT/metrics and a health check at /healthz (200 while accepting, 503 while draining).")
    var metrics: String?

    @Option(name: .customLong("drain-timeout"),
            help: "After SIGUSR2 (a drain: no new sessions, /healthz 503, readers told), seconds open sessions may go on before the server stops.")
    var drainTimeout = 600

    @Option(name: .customLong("log-format"), help: "text (one line per event) or json (one JSON object per line).")
    var logFormat: ServerLauncher.LogFormat = .text

    func validate() throws {
        if let metrics, ListenAddress(metrics) == nil { throw ValidationError("--metrics must be HOST:PORT, e.g. 127.0.0.1:9100") }
        guard (1...86_400).contains(drainTimeout) else { throw ValidationError("--drain-timeout must be 1 to 86400 seconds") }
        if !proxyFrom.isEmpty && !proxyProtocol { throw ValidationError("--proxy-from needs --proxy-protocol") }
        if let bad = proxyFrom.first(where: { AddressRange($0) == nil }) {
            throw ValidationError("--proxy-from: not an address range: \(bad)")
        }
        guard ListenAddress(listen) != nil else { throw ValidationError("--listen must be HOST:PORT, e.g. 127.0.0.1:2222") }
        guard (1...10_000).contains(maxSessions) else { throw ValidationError("--max-sessions must be 1 to 10000") }
        guard (1...10_000).contains(maxPerAddress) else { throw ValidationError("--max-per-address must be 1 to 10000") }
        guard (1...604_800).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be 1 to 604800 seconds") }
        guard (1...3_600).contains(loginGrace) else { throw ValidationError("--login-grace must be 1 to 3600 seconds") }
        if page == "-" { throw ValidationError("--page must be a file: the page is read again for every reader") }
    }

    func run() throws {
        guard let address = ListenAddress(listen) else { fail("--listen: not HOST:PORT") }
        guard let keyPath = hostKey ?? HostKey.defaultPath(stateHome: environment("XDG_STATE_HOME"),
                                                          home: environment("HOME")) else {
            fail("no place for the host key: set HOME or XDG_STATE_HOME, or give --host-key")
        }
        // The reader is the pivot-tui program beside this one, with fixed arguments: an absolute
        // path, or none for the built-in page. Its plain text is made now, so a bad page stops
        // the server rather than every reader.
        let reader = ReaderProgram.besideThisProgram()
        var readerArguments = ["pivot-tui", "read"]
        let pageText: String
        do {
            if let site {
                readerArguments += ["--site", try Self.absolutePath(site)]
                pageText = try reader.plainText(arguments: Array(readerArguments.dropFirst()) + ["--plain"])
            } else {
                let absolutePage = try page.map(Self.absolutePath)
                if let absolutePage { readerArguments.append(absolutePage) }
                pageText = try reader.plainText(arguments: Array(readerArguments.dropFirst()) + ["--plain"])
            }
        } catch {
            fail("\(error)")
        }

        var limits = ServerLimits()
        limits.maxSessions = maxSessions
        limits.maxSessionsPerAddress = maxPerAddress
        limits.idleTimeout = .seconds(Int64(idleTimeout))
        limits.loginGrace = .seconds(Int64(loginGrace))
        limits.drainTimeout = .seconds(Int64(drainTimeout))
        var configuration = ServerConfiguration(
            host: address.host, port: address.port,
            readerExecutable: reader.path, readerArguments: readerArguments,
            plainText: pageText, authorizedKeys: nil, limits: limits)
        configuration.servesSite = site != nil
        configuration.metrics = metrics.flatMap(ListenAddress.init).map { ($0.host, $0.port) }
        if proxyProtocol {
            configuration.proxyProtocol = proxyFrom.isEmpty ? AddressRange.loopback : proxyFrom.compactMap(AddressRange.init)
        }
        configuration.sitePage = site == nil ? nil : page
        do {
            try ServerLauncher.serve(configuration, hostKeyPath: keyPath, authorizedKeysPath: authorizedKeys, logFormat: logFormat)
        } catch {
            fail("serve: \(error)")
        }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("pivot-tui: \(message)\n".utf8))
        Foundation.exit(1)
    }

    private func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func absolutePath(_ path: String) throws -> String {
        guard let resolved = realpath(path, nil) else {
            throw ReaderProgram.Failure(description: "\(path): \(String(cString: strerror(errno)))")
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension ServerLauncher.LogFormat: ExpressibleByArgument {}

/// `HOST:PORT` or `[IPv6]:PORT`.
struct ListenAddress {
    var host: String
    var port: Int

    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65_535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        self.host = host
        self.port = port
    }
}
