import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// `serve --metrics HOST:PORT`: a small HTTP listener for the operator's tools. `/metrics` is
/// the Prometheus text of every counter (swift-prometheus), `/healthz` 200 while the server
/// accepts sessions and 503 while it drains (HAProxy's `option httpchk`); anything else 404.
/// GET only, one small answer per request: nothing a client sends is stored.
final class MetricsEndpoint: Sendable {
    let channel: Channel

    init(host: String, port: Int, group: EventLoopGroup, metrics: @escaping @Sendable () -> [UInt8],
         accepting: @escaping @Sendable () -> Bool) throws {
        channel = try ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Responder(metrics: metrics, accepting: accepting))
                }
            }
            .bind(host: host, port: port).wait()
    }

    func close() {
        try? channel.close().wait()
    }

    private final class Responder: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let metrics: @Sendable () -> [UInt8]
        let accepting: @Sendable () -> Bool
        private var request: HTTPRequestHead?

        init(metrics: @escaping @Sendable () -> [UInt8], accepting: @escaping @Sendable () -> Bool) {
            self.metrics = metrics
            self.accepting = accepting
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                request = head
            case .body:
                break
            case .end:
                guard let head = request else { return }
                request = nil
                respond(to: head, context: context)
            }
        }

        private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
            let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
            let (status, type, body): (HTTPResponseStatus, String, [UInt8])
            switch (head.method, path) {
            case (.GET, "/metrics"):
                (status, type, body) = (.ok, "text/plain; version=0.0.4; charset=utf-8", metrics())
            case (.GET, "/healthz"):
                let up = accepting()
                (status, type, body) = (up ? .ok : .serviceUnavailable, "text/plain", Array((up ? "ok\n" : "draining\n").utf8))
            case (.GET, _):
                (status, type, body) = (.notFound, "text/plain", Array("not found\n".utf8))
            default:
                (status, type, body) = (.methodNotAllowed, "text/plain", Array("GET only\n".utf8))
            }
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: type)
            headers.add(name: "Content-Length", value: "\(body.count)")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
                          promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
            let keepAlive = head.isKeepAlive
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
                if !keepAlive { context.close(promise: nil) }
            }
        }
    }
}
