import Foundation
import PivotTestSupport
import Glibc
import NIOCore
import NIOPosix
import NIOSSH

/// An SSH client inside the test process (swift-nio-ssh), for what the real `ssh` does not do
/// on request: a hundred channels on one connection, window sizes of 0 or 4,294,967,295, a
/// connection cut while a screen is on its way, a thousand connections without a thousand
/// processes. It logs in as `reader` with method `none` (the server is anonymous) and trusts
/// any host key.
final class SSHTestConnection: Sendable {
    let channel: Channel

    private init(channel: Channel) {
        self.channel = channel
    }

    /// `smallBuffers`: a 4 KiB socket receive buffer and the smallest SSH window (64 packets
    /// of 32 KiB), so that a client that stops reading stops the reader after little output.
    static func connect(port: Int, group: EventLoopGroup, smallBuffers: Bool = false) throws -> SSHTestConnection {
        var bootstrap = ClientBootstrap(group: group).connectTimeout(.seconds(10))
        if smallBuffers { bootstrap = bootstrap.channelOption(ChannelOptions.socketOption(.so_rcvbuf), value: 4096) }
        bootstrap = bootstrap
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    var configuration = SSHClientConfiguration(userAuthDelegate: NoneAuthentication(),
                                                               serverAuthDelegate: AnyHostKey())
                    if smallBuffers { configuration.maximumPacketSize = 32 * 1024 }
                    try channel.pipeline.syncOperations.addHandlers([
                        NIOSSHHandler(role: .client(configuration), allocator: channel.allocator,
                                      inboundChildChannelInitializer: nil),
                        CloseOnError(),
                    ])
                }
            }
        return SSHTestConnection(channel: try bootstrap.connect(host: "127.0.0.1", port: port).wait(timeout: 15, for: "a TCP connection"))
    }

    /// Asks for a session channel; the future fails when the server refuses it.
    func requestSession() -> EventLoopFuture<SSHTestSession> {
        let promise = channel.eventLoop.makePromise(of: Channel.self)
        let record = SessionRecord()
        channel.eventLoop.execute { [channel] in
            do {
                let ssh = try channel.pipeline.syncOperations.handler(type: NIOSSHHandler.self)
                ssh.createChannel(promise, channelType: .session) { child, _ in
                    child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.addHandler(SessionRecorder(record: record))
                    }
                }
            } catch {
                promise.fail(error)
            }
        }
        return promise.futureResult.map { SSHTestSession(channel: $0, record: record) }
    }

    func openSession() throws -> SSHTestSession {
        try requestSession().wait(timeout: 15, for: "a session channel")
    }

    /// A reader session: a terminal of `columns` x `rows` (any UInt32) and a shell.
    func openReader(columns: Int = 80, rows: Int = 24) throws -> SSHTestSession {
        let session = try openSession()
        guard try session.requestTerminal(columns: columns, rows: rows) else { throw TestFailure("pty-req refused") }
        guard try session.startShell() else { throw TestFailure("shell refused") }
        return session
    }

    /// Stops reading from the server: its writes pile up in the socket, then in the server.
    func stopReading() throws {
        try channel.setOption(ChannelOptions.autoRead, value: false).wait(timeout: 5, for: "autoRead off")
    }

    /// Closes the TCP connection; `abruptly` sends a reset (SO_LINGER 0), as a killed client's
    /// kernel does when unread data is left.
    func close(abruptly: Bool = false) {
        if abruptly {
            _ = try? (channel as? SocketOptionProvider)?.setSoLinger(linger(l_onoff: 1, l_linger: 0)).wait(timeout: 5, for: "SO_LINGER")
        }
        _ = try? channel.close().wait(timeout: 5, for: "the connection to close")
    }

    var isOpen: Bool { channel.isActive }
}

/// Offers method `none` once, then gives up.
private final class NoneAuthentication: NIOSSHClientUserAuthenticationDelegate {
    private var offered = false

    func nextAuthenticationType(availableMethods: NIOSSHAvailableUserAuthenticationMethods,
                                nextChallengePromise: EventLoopPromise<NIOSSHUserAuthenticationOffer?>) {
        guard !offered else { return nextChallengePromise.succeed(nil) }
        offered = true
        nextChallengePromise.succeed(NIOSSHUserAuthenticationOffer(username: "reader", serviceName: "ssh-connection", offer: .none))
    }
}

private struct AnyHostKey: NIOSSHClientServerAuthenticationDelegate {
    func validateHostKey(hostKey: NIOSSHPublicKey, validationCompletePromise: EventLoopPromise<Void>) {
        validationCompletePromise.succeed(())
    }
}

/// The server hanging up, or a protocol error, ends the connection quietly.
private final class CloseOnError: ChannelInboundHandler {
    typealias InboundIn = Any

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
