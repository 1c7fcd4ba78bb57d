import Logging
import NIOCore

/// What the handlers of one connection share. It lives on the connection's event loop, as
/// do the handlers of the connection and of its session channel.
final class ConnectionState {
    /// The client's IP address: what the per-address limit counts.
    let clientHost: String
    /// OpenSSH's SSH_CONNECTION for the reader: "client-ip client-port server-ip server-port".
    let sshConnection: String
    /// Lines about this connection carry its peer address.
    let logger: Logger
    let eventLoop: EventLoop
    let connectedAt = NIODeadline.now()

    /// Each connection gets one session channel; more are refused, as `MaxSessions 1` would.
    var sessionChannelOpened = false
    /// The running session, told when the server shuts down.
    weak var session: SessionHandler?
    /// Called when a session starts (the login grace is over) and when it ends.
    var sessionStarted: () -> Void = {}
    var sessionEnded: () -> Void = {}

    /// `client` is the connection's peer, or the client a load balancer's PROXY header names.
    init(channel: Channel, client: SocketAddress?, logger: Logger) {
        eventLoop = channel.eventLoop
        let server = channel.localAddress
        clientHost = client?.ipAddress ?? "unknown"
        sshConnection = [client?.ipAddress, client?.port.map(String.init), server?.ipAddress,
                         server?.port.map(String.init)].map { $0 ?? "0" }.joined(separator: " ")
        var logger = logger
        logger[metadataKey: "peer"] = "\(clientHost):\(client?.port ?? 0)"
        self.logger = logger
    }
}

/// Sent through a connection's pipeline when the server is asked to stop.
struct ServerShutdownEvent: Sendable {}
