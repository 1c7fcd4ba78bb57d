import Glibc
import Logging
import NIOCore

/// First in a connection's pipeline: logs the connection's start and end, drops it when it
/// has not started a session within the login grace, closes it once its session is over, and
/// passes a server shutdown on to the session.
final class ConnectionLifecycle: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// After its session, the client normally hangs up at once; a client that stays is cut.
    static let lingerAfterSession = TimeAmount.seconds(2)

    private let connection: ConnectionState
    private let loginGrace: TimeAmount
    private var graceTimer: Scheduled<Void>?
    private var lingerTimer: Scheduled<Void>?

    init(connection: ConnectionState, loginGrace: TimeAmount) {
        self.connection = connection
        self.loginGrace = loginGrace
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        let loop = context.eventLoop.assumeIsolated()
        connection.sessionStarted = { [weak self] in
            self?.graceTimer?.cancel()
            self?.graceTimer = nil
        }
        connection.sessionEnded = { [weak self] in
            self?.lingerTimer = loop.scheduleTask(in: Self.lingerAfterSession) { channel.close(promise: nil) }
        }
        // Behind a balancer the connection is active already: its PROXY header came first.
        if channel.isActive { started(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        started(context)
        context.fireChannelActive()
    }

    /// The connection is the client's from here: logged, and given the login grace.
    private func started(_ context: ChannelHandlerContext) {
        guard graceTimer == nil else { return }
        connection.logger.info("connect")
        let channel = context.channel
        let logger = connection.logger
        let seconds = loginGrace.nanoseconds / 1_000_000_000
        graceTimer = context.eventLoop.assumeIsolated().scheduleTask(in: loginGrace) {
            logger.info("login grace over", metadata: ["seconds": "\(seconds)"])
            channel.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        graceTimer?.cancel()
        lingerTimer?.cancel()
        connection.logger.info("disconnect", metadata: ["duration": "\(Seconds(since: connection.connectedAt))"])
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ServerShutdownEvent else { return context.fireUserInboundEventTriggered(event) }
        if let session = connection.session, session.isOpen {
            session.end(because: .serverShutdown)
        } else {
            context.close(promise: nil)
        }
    }
}

/// Last in a connection's pipeline: an error that reached it (a protocol violation, a reset
/// connection) ends the connection, with a line in the log.
final class ConnectionErrorHandler: ChannelInboundHandler {
    typealias InboundIn = Any

    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A client that hangs up abruptly is ordinary; anything else is worth a line.
        let ordinary = (error as? IOError).map { $0.errnoCode == ECONNRESET || $0.errnoCode == EPIPE } ?? false
        logger.log(level: ordinary ? .debug : .info, "connection error",
                   metadata: ["error": "\(LogValue.sentence(String(describing: error)))"])
        context.close(promise: nil)
    }
}

/// A duration for a log line: seconds with one decimal.
struct Seconds: CustomStringConvertible {
    var nanoseconds: Int64

    init(since start: NIODeadline) {
        nanoseconds = (NIODeadline.now() - start).nanoseconds
    }

    var description: String {
        let tenths = nanoseconds / 100_000_000
        return "\(tenths / 10).\(tenths % 10)s"
    }
}
