import Glibc
import Logging
import Metrics
import Prometheus

/// What `pivot-tui serve` does once its arguments are checked: loads the host key and the
/// allowed keys, serves until SIGTERM, SIGINT or SIGHUP, then shuts down within the grace;
/// SIGUSR2 drains first (`PivotSSHServer.drain`).
public enum ServerLauncher {
    static let authorizedKeysLimit = 1_048_576

    /// Returns after a clean shutdown; throws (with a message for the operator) when the
    /// server cannot start.
    /// How the log's lines are written: swift-log's text lines, or one JSON object a line.
    public enum LogFormat: String, CaseIterable, Sendable {
        case text, json
    }

    public static func serve(_ configuration: ServerConfiguration, hostKeyPath: String,
                             authorizedKeysPath: String?, logFormat: LogFormat = .text) throws {
        ShutdownSignal.block()
        let logger = Logger(label: "pivot-tui") { label -> any LogHandler in
            logFormat == .json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
        }
        var configuration = configuration
        if let authorizedKeysPath {
            configuration.authorizedKeys = try loadAuthorizedKeys(authorizedKeysPath, logger: logger)
        }
        let hostKey = try HostKey.loadOrCreate(at: hostKeyPath)
        if hostKey.created {
            logger.notice("created host key", metadata: ["path": "\(hostKeyPath)", "host_key": "\(hostKey.fingerprint)"])
        }
        var metrics: @Sendable () -> [UInt8] = { [] }
        if configuration.metrics != nil {
            let registry = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            metrics = { registry.emitToBuffer() }
        }
        let server = try PivotSSHServer(configuration: configuration, hostKey: hostKey, logger: logger, metrics: metrics)
        let signal = ShutdownSignal.wait()
        logger.info("signal", metadata: ["number": "\(signal)"])
        if signal == SIGUSR2 {
            // A drain; another signal (SIGTERM from a stop that will not wait) ends it early.
            server.drain {
                guard let next = ShutdownSignal.wait(milliseconds: 200) else { return false }
                logger.info("signal", metadata: ["number": "\(next)"])
                return true
            }
        }
        server.shutDown()
    }

    private static func loadAuthorizedKeys(_ path: String, logger: Logger) throws -> AuthorizedKeys {
        let keys: AuthorizedKeys
        do {
            keys = try AuthorizedKeys(parsing: SmallFile.text(at: path, limit: authorizedKeysLimit))
        } catch let failure as AuthorizedKeys.Failure {
            throw SetupError("\(path): \(failure)")
        }
        for line in keys.unsupported {
            logger.warning("unsupported key skipped: this server verifies only Ed25519 and ECDSA keys (no RSA)",
                           metadata: ["file": "\(path)", "line": "\(line.line)", "type": "\(line.type)"])
        }
        guard !keys.entries.isEmpty else {
            throw SetupError("\(path): no Ed25519 or ECDSA key in it, so nobody could log in")
        }
        return keys
    }
}
