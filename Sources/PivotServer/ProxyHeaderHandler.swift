import Logging
import NIOCore

/// First in the pipeline of a connection from a load balancer (`serve --proxy-protocol`):
/// drops the connection at once when its peer is not a trusted balancer, reads the PROXY
/// header (3 s and 536 bytes at most), then hands the connection to SSH with the client's
/// real address, and the bytes after the header to the SSH handler.
final class ProxyHeaderHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// How long the header may take to arrive.
    static let timeout = TimeAmount.seconds(3)

    private let trusted: [AddressRange]
    private let logger: Logger
    /// Builds the rest of the pipeline, after this handler, for the client at this address.
    private let proceed: (Channel, SocketAddress?) throws -> Void
    private var received: [UInt8] = []
    private var deadline: Scheduled<Void>?
    private var done = false

    init(trusted: [AddressRange], logger: Logger, proceed: @escaping (Channel, SocketAddress?) throws -> Void) {
        self.trusted = trusted
        self.logger = logger
        self.proceed = proceed
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let peer = context.channel.remoteAddress?.ipAddress ?? "unknown"
        guard trusted.contains(where: { $0.contains(peer) }) else {
            drop(context, "the peer is not a trusted balancer (--proxy-from)", peer: peer)
            return
        }
        deadline = context.eventLoop.scheduleTask(in: Self.timeout) { [weak self] in
            self?.drop(context, "no PROXY header within \(Self.timeout.nanoseconds / 1_000_000_000) s", peer: peer)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !done else { return }
        var buffer = unwrapInboundIn(data)
        received += buffer.readBytes(length: buffer.readableBytes) ?? []
        let peer = context.channel.remoteAddress?.ipAddress ?? "unknown"
        switch ProxyHeader.parse(received) {
        case .incomplete:
            return
        case .invalid(let reason):
            drop(context, reason, peer: peer)
        case .header(let header, let length):
            done = true
            deadline?.cancel()
            // A relayed connection is the client's; the balancer's own (LOCAL) is the balancer's.
            let client = header.source.flatMap { try? SocketAddress(ipAddress: $0.host, port: $0.port) }
                ?? context.channel.remoteAddress
            do {
                try proceed(context.channel, client)
            } catch {
                context.close(promise: nil)
                return
            }
            let rest = Array(received[length...])
            received = []
            if !rest.isEmpty { context.fireChannelRead(wrapInboundOut(context.channel.allocator.buffer(bytes: rest))) }
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
    }

    private func drop(_ context: ChannelHandlerContext, _ reason: String, peer: String) {
        guard !done else { return }
        done = true
        deadline?.cancel()
        logger.info("dropped", metadata: ["peer": "\(peer)", "reason": "\(reason)"])
        ServerMetrics.refused("proxy-header")
        context.close(promise: nil)
    }
}
