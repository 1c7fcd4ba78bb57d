import Glibc
import Logging
import NIOCore
import NIOPosix
import NIOSSH

/// One SSH session channel. It answers the client's requests by the server's policy (a pty
/// and a shell get the reader; no pty, or `exec plain`, gets the text; nothing else runs),
/// relays bytes between the client and the reader's pty with back-pressure both ways, and
/// ends the session on the reader's exit, the client's departure, idleness or shutdown.
final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    enum EndReason: String {
        case finished
        case clientLeft = "client-left"
        case idle
        case serverShutdown = "server-shutdown"
    }

    enum Phase {
        /// Before `shell` or `exec`: a pty may still be asked for.
        case waiting
        /// The reader runs, or the text is on its way.
        case running
        /// End of output and exit status on their way.
        case finishing
        case closed
    }

    /// Keys typed before the reader's pty is ready wait here, up to this many bytes.
    static let earlyInputLimit = 4096
    /// How long a hung-up reader gets to restore the terminal and exit before it is killed.
    static let readerPatience = TimeAmount.seconds(2)

    let configuration: ServerConfiguration
    let registry: ConnectionRegistry
    let connection: ConnectionState
    var context: ChannelHandlerContext?

    var phase = Phase.waiting
    var terminal: TerminalRequest?
    /// PIVOT_TUI_GRAPHICS as the client set it (the one variable a client may set).
    var graphicsRequest: String?
    var reader: ReaderProcess?
    var readerTerminal: Channel?
    var earlyInput: ByteBuffer?
    var admitted = false
    var startedAt = NIODeadline.now()
    var bytesOut = 0
    /// What the reader wrote during the current read of its pty, sent when the read ends.
    var pendingOutput: ByteBuffer?
    var endReason: EndReason?
    var pendingNotice: String?
    var exitStatusSent: Int?
    var lastInput = NIODeadline.now()
    var idleTimer: Scheduled<Void>?

    init(configuration: ServerConfiguration, registry: ConnectionRegistry, connection: ConnectionState) {
        self.configuration = configuration
        self.registry = registry
        self.connection = connection
    }

    var logger: Logger { connection.logger }

    // MARK: - Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        connection.session = self
        // The client's end of input (`ssh -T host < /dev/null`) must not end our output.
        context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true).whenFailure { _ in }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        phase = .closed
        idleTimer?.cancel()
        if reader != nil {
            end(because: .clientLeft)
        } else if admitted {
            recordEnd(exitStatus: exitStatusSent)
        }
        connection.sessionEnded()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(var bytes) = message.data else { return }
        lastInput = .now()
        if let readerTerminal {
            readerTerminal.writeAndFlush(bytes, promise: nil)
        } else if phase == .waiting || reader != nil {
            var early = earlyInput ?? context.channel.allocator.buffer(capacity: 64)
            if early.readableBytes + bytes.readableBytes <= Self.earlyInputLimit { early.writeBuffer(&bytes) }
            earlyInput = early
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        // The client is not reading: stop reading the reader's output until it does.
        readerTerminal?.setOption(ChannelOptions.autoRead, value: context.channel.isWritable).whenFailure { _ in }
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        logger.debug("session error", metadata: ["error": "\(LogValue.sentence(String(describing: error)))"])
        context.close(promise: nil)
    }

    // MARK: - Requests

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            let acceptable = phase == .waiting && terminal == nil
            if acceptable {
                terminal = TerminalRequest(type: request.term, columns: request.terminalCharacterWidth,
                                           rows: request.terminalRowHeight)
            }
            reply(acceptable, to: request.wantReply)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            // The reader's environment is the server's choice, except one setting a reader may
            // ask for: pictures in pixels (`ssh -o SetEnv=PIVOT_TUI_GRAPHICS=auto`), from a list.
            let accepted = phase == .waiting && ReaderEnvironment.acceptsGraphics(name: request.name, value: request.value)
            if accepted { graphicsRequest = request.value }
            reply(accepted, to: request.wantReply)
        case let request as SSHChannelRequestEvent.ShellRequest:
            start(.forShell(hasTerminal: terminal != nil), command: nil, wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.ExecRequest:
            start(.forExec(request.command, servesSite: configuration.servesSite, hasTerminal: terminal != nil),
                  command: request.command, wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            logger.info("refused", metadata: ["subsystem": "\(LogValue.sanitized(request.subsystem))"])
            reply(false, to: request.wantReply)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            let size = WindowSize(clampingColumns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            terminal?.size = size
            reader?.resize(to: size)
        case is SSHChannelRequestEvent.SignalRequest, is SSHChannelRequestEvent.LocalFlowControlRequest:
            break  // a client does not signal the reader
        case ChannelEvent.inputClosed:
            break  // half-closed: the output goes on
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func reply(_ success: Bool, to wantReply: Bool) {
        guard wantReply, let context else { return }
        let event: Any = success ? ChannelSuccessEvent() : ChannelFailureEvent()
        context.triggerUserOutboundEvent(event, promise: nil)
    }

    private func start(_ command: SessionCommand, command text: String?, wantReply: Bool) {
        guard phase == .waiting, let context else { return reply(false, to: wantReply) }
        phase = .running
        // Success even for a refusal: the client then shows our note and the exit status.
        reply(true, to: wantReply)

        if command == .refused {
            logger.info("refused", metadata: ["exec": "\(LogValue.sanitized(text ?? ""))"])
            ServerMetrics.refused("command")
            return finish(exitStatus: 1, notice: ReaderNotice.commandRefused)
        }
        switch registry.admitSession(address: connection.clientHost) {
        case .admitted:
            admitted = true
            ServerMetrics.sessionStarted(open: registry.sessionCount)
        case .serverFull:
            logger.info("refused", metadata: ["limit": "max-sessions"])
            ServerMetrics.refused("max-sessions")
            return finish(exitStatus: 1, notice: ReaderNotice.serverFull)
        case .addressFull:
            logger.info("refused", metadata: ["limit": "max-per-address"])
            ServerMetrics.refused("max-per-address")
            return finish(exitStatus: 1, notice: ReaderNotice.addressFull)
        }
        connection.sessionStarted()
        startedAt = .now()
        lastInput = startedAt
        scheduleIdleCheck(at: lastInput + configuration.limits.idleTimeout)

        switch command {
        case .reader(let page):
            let terminal = self.terminal ?? TerminalRequest(type: "", columns: 0, rows: 0)
            logger.info("session start", metadata: ["kind": "reader", "term": "\(terminal.type)",
                                                    "size": "\(terminal.size)",
                                                    "page": "\(LogValue.sanitized(page ?? ""))"])
            startReader(on: terminal, arguments: command.readerArguments(configuration.readerArguments,
                                                                           defaultPage: configuration.sitePage),
                        context: context)
        case .plainText, .refused:
            logger.info("session start", metadata: ["kind": "plain", "pty": "\(self.terminal != nil)"])
            earlyInput = nil
            let bytes = plainTextBytes(allocator: context.channel.allocator)
            bytesOut += bytes.readableBytes
            ServerMetrics.bytesSent.increment(by: bytes.readableBytes)
            context.write(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(bytes))), promise: nil)
            finish(exitStatus: 0, notice: nil)
        }
    }

    /// The page as text; on a terminal (`ssh -t HOST plain`) each line ends in CR LF, since
    /// the client's terminal is in raw mode.
    private func plainTextBytes(allocator: ByteBufferAllocator) -> ByteBuffer {
        guard terminal != nil else { return allocator.buffer(string: configuration.plainText) }
        var bytes = allocator.buffer(capacity: configuration.plainText.utf8.count * 11 / 10)
        for byte in configuration.plainText.utf8 {
            if byte == UInt8(ascii: "\n") { bytes.writeInteger(UInt8(ascii: "\r")) }
            bytes.writeInteger(byte)
        }
        return bytes
    }
}
