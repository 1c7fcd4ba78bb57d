import Glibc
import Logging
import NIOCore
import NIOPosix

/// `pivot-tui serve`: an SSH server (swift-nio-ssh) that shows the page to whoever connects,
/// one reader process per session. Start it, wait for a shutdown signal, shut it down.
public final class PivotSSHServer: Sendable {
    /// Where it listens (the real port when port 0 was asked for).
    public let localAddress: SocketAddress
    private let group: MultiThreadedEventLoopGroup
    private let listener: Channel
    private let registry: ConnectionRegistry
    private let limits: ServerLimits
    private let logger: Logger
    private let metricsEndpoint: MetricsEndpoint?
    /// Where `/metrics` and `/healthz` answer (the real port when port 0 was asked for).
    public var metricsAddress: SocketAddress? { metricsEndpoint?.channel.localAddress }

    /// Binds and starts accepting. Block the shutdown signals (`ShutdownSignal.block`) first.
    /// `metrics` gives the Prometheus text `/metrics` answers with (with `configuration.metrics`).
    public init(configuration: ServerConfiguration, hostKey: HostKey, logger: Logger,
                metrics: @escaping @Sendable () -> [UInt8] = { [] }) throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        let registry = ConnectionRegistry(limits: configuration.limits)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(ChannelOptions.backlog, value: 128)
            .childChannelOption(ChannelOptions.socketOption(.so_keepalive), value: 1)
            .childChannelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            // With the child channels' flow control, this caps what waits for a slow client.
            .childChannelOption(ChannelOptions.writeBufferWaterMark, value: .init(low: 32 * 1024, high: 64 * 1024))
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try ConnectionSetup.configure(channel, configuration: configuration, hostKey: hostKey,
                                                  registry: registry, logger: logger)
                }
            }
        do {
            listener = try bootstrap.bind(host: configuration.host, port: configuration.port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
        guard let address = listener.localAddress else { throw ListenError() }
        do {
            metricsEndpoint = try configuration.metrics.map { endpoint in
                try MetricsEndpoint(host: endpoint.host, port: endpoint.port, group: group, metrics: metrics,
                                    accepting: { registry.isAccepting })
            }
        } catch {
            try? listener.close().wait()
            try? group.syncShutdownGracefully()
            throw error
        }
        self.localAddress = address
        self.group = group
        self.registry = registry
        self.limits = configuration.limits
        self.logger = logger
        logger.info("listening", metadata: [
            "address": "\(address.ipAddress ?? configuration.host)",
            "port": "\(address.port ?? configuration.port)",
            "host_key": "\(hostKey.fingerprint)",
            "auth": "\(configuration.authorizedKeys.map { "\($0.entries.count)-keys" } ?? "anonymous")",
        ])
        if let metricsAddress {
            logger.info("metrics listening", metadata: ["address": "\(metricsAddress.ipAddress ?? "")",
                                                        "port": "\(metricsAddress.port ?? 0)"])
        }
    }

    /// SIGUSR2: stops taking connections (the listener closes, `/healthz` turns 503, so a
    /// balancer sends new clients elsewhere), tells every reader, and lets open sessions go on
    /// until they end or `drainTimeout` passes; `interrupted` is asked between checks (a
    /// second signal ends the wait). `shutDown` follows.
    public func drain(interrupted: () -> Bool) {
        let connections = registry.stopAccepting()
        try? listener.close().wait()
        let readers = registry.runningReaders
        logger.info("draining", metadata: ["connections": "\(connections.count)", "sessions": "\(registry.sessionCount)",
                                           "timeout": "\(limits.drainTimeout.nanoseconds / 1_000_000_000)s"])
        for pid in readers { kill(-pid, SIGUSR1) }
        let deadline = NIODeadline.now() + limits.drainTimeout
        while registry.sessionCount > 0 && NIODeadline.now() < deadline {
            if interrupted() { break }
        }
        logger.info("drained", metadata: ["sessions": "\(registry.sessionCount)"])
    }

    /// Stops accepting, tells every reader (their sessions end with a note), waits for them
    /// for the shutdown grace, then cuts what is left and kills any reader still running.
    public func shutDown() {
        let connections = registry.stopAccepting()
        logger.info("shutting down", metadata: ["connections": "\(connections.count)",
                                                "sessions": "\(registry.sessionCount)"])
        try? listener.close().wait()
        metricsEndpoint?.close()
        for channel in connections {
            channel.eventLoop.execute { channel.pipeline.fireUserInboundEventTriggered(ServerShutdownEvent()) }
        }
        waitForConnectionsToClose(within: limits.shutdownGrace)
        for channel in registry.openConnections { channel.close(promise: nil) }
        for pid in registry.runningReaders { kill(-pid, SIGKILL) }
        waitForConnectionsToClose(within: .milliseconds(500))
        try? group.syncShutdownGracefully()
        logger.info("stopped")
    }

    private func waitForConnectionsToClose(within time: TimeAmount) {
        let deadline = NIODeadline.now() + time
        while !registry.openConnections.isEmpty && NIODeadline.now() < deadline {
            usleep(20_000)
        }
    }

    struct ListenError: Error, CustomStringConvertible {
        var description: String { "the server socket has no address" }
    }
}
