import NIOCore

/// On the channel of a reader's pty master: hands what the reader writes to its session, and
/// tells the session when the pty can take no more input. The pty's end (EIO once the reader
/// has closed its terminal) closes the channel.
final class PseudoTerminalRelay: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private weak var session: SessionHandler?

    init(session: SessionHandler) {
        self.session = session
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        session?.readerWrote(unwrapInboundIn(data))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        session?.readerPaused(terminal: context.channel)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        session?.readerInputWritabilityChanged(context.channel.isWritable)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
