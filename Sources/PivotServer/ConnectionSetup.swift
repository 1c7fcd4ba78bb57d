import Logging
import NIOCore
import NIOSSH

/// Builds the pipeline of each accepted connection:
/// `ConnectionLifecycle` -> `NIOSSHHandler` -> `ConnectionErrorHandler`, with one session
/// channel allowed per connection and every other kind of channel refused. Behind a load
/// balancer (`--proxy-protocol`), `ProxyHeaderHandler` comes first and builds the rest once
/// the header names the client.
enum ConnectionSetup {
    /// Most authentication requests one connection may make (OpenSSH's MaxAuthTries is 6).
    static let maxAuthAttempts = 10
    /// The largest packet a client may send us. Keys are small; this also bounds the
    /// per-channel window NIOSSH grants (64 packets) and so what a client can make us buffer.
    static let maximumPacketSize = 32 * 1024

    static func configure(_ channel: Channel, configuration: ServerConfiguration, hostKey: HostKey,
                          registry: ConnectionRegistry, logger: Logger) throws {
        guard let trusted = configuration.proxyProtocol else {
            try configureSSH(channel, client: channel.remoteAddress, configuration: configuration, hostKey: hostKey,
                             registry: registry, logger: logger)
            return
        }
        try channel.pipeline.syncOperations.addHandler(ProxyHeaderHandler(trusted: trusted, logger: logger) { channel, client in
            try configureSSH(channel, client: client, configuration: configuration, hostKey: hostKey, registry: registry,
                             logger: logger)
        })
    }

    private static func configureSSH(_ channel: Channel, client: SocketAddress?, configuration: ServerConfiguration,
                                     hostKey: HostKey, registry: ConnectionRegistry, logger: Logger) throws {
        let connection = ConnectionState(channel: channel, client: client, logger: logger)
        let address = connection.clientHost
        guard registry.admitConnection(channel, address: address) else {
            connection.logger.info("refused connection", metadata: ["limit": "connections"])
            ServerMetrics.refused("connections")
            throw Refusal()
        }
        channel.closeFuture.whenComplete { _ in registry.removeConnection(channel, address: address) }

        var server = SSHServerConfiguration(
            hostKeys: [hostKey.privateKey],
            userAuthDelegate: ReaderAuthentication(authorizedKeys: configuration.authorizedKeys, connection: connection),
            globalRequestDelegate: ForwardingRefusal(connection: connection))
        server.maxAuthAttempts = maxAuthAttempts
        server.maximumPacketSize = maximumPacketSize

        let ssh = NIOSSHHandler(role: .server(server), allocator: channel.allocator) { child, type in
            openChannel(child, type: type, connection: connection, configuration: configuration, registry: registry)
        }
        try channel.pipeline.syncOperations.addHandlers([
            ConnectionLifecycle(connection: connection, loginGrace: configuration.limits.loginGrace),
            ssh,
            ConnectionErrorHandler(logger: connection.logger),
        ])
    }

    /// A `session` channel, once per connection; never a forwarding channel (`ssh -L`, `-D`,
    /// `-W`): those would make the server a proxy.
    private static func openChannel(_ child: Channel, type: SSHChannelType, connection: ConnectionState,
                                    configuration: ServerConfiguration, registry: ConnectionRegistry) -> EventLoopFuture<Void> {
        let refusedKind: String
        switch type {
        case .session where !connection.sessionChannelOpened:
            connection.sessionChannelOpened = true
            return child.eventLoop.makeCompletedFuture {
                try child.pipeline.syncOperations.addHandler(
                    SessionHandler(configuration: configuration, registry: registry, connection: connection))
            }
        case .session:
            refusedKind = "second-session"
        case .directTCPIP:
            refusedKind = "direct-tcpip"
        case .forwardedTCPIP:
            refusedKind = "forwarded-tcpip"
        }
        connection.logger.info("refused", metadata: ["channel": "\(refusedKind)"])
        return child.eventLoop.makeFailedFuture(Refusal())
    }

    struct Refusal: Error {}
}
