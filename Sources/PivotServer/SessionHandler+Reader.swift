import Glibc
import NIOCore
import NIOPosix
import NIOSSH

/// The reader of a session: its process on a pty, and the bytes between it and the client.
/// Back-pressure both ways: the pty is read only while the SSH channel can take more, and the
/// client's keys are read only while the pty can take them.
extension SessionHandler {
    func startReader(on terminal: TerminalRequest, arguments: [String], context: ChannelHandlerContext) {
        let process: ReaderProcess
        do {
            process = try ReaderProcess(
                executable: configuration.readerExecutable, arguments: arguments,
                environment: ReaderEnvironment.variables(terminalType: terminal.type, connection: connection.sshConnection,
                                                         graphics: graphicsRequest),
                size: terminal.size)
        } catch {
            logger.error("reader not started", metadata: ["error": "\(error)"])
            recordEnd(exitStatus: 1)
            return finish(exitStatus: 1, notice: ReaderNotice.readerFailed)
        }
        reader = process
        registry.readerStarted(process.pid)
        logger.debug("reader started", metadata: ["pid": "\(process.pid)"])

        let relay = NIOLoopBound(PseudoTerminalRelay(session: self), eventLoop: context.eventLoop)
        NIOPipeBootstrap(group: context.eventLoop)
            .channelOption(ChannelOptions.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 16 * 1024))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(relay.value) }
            }
            .takingOwnershipOfDescriptors(input: process.input, output: process.output)
            .hop(to: context.eventLoop)
            .assumeIsolated()
            .whenComplete { result in
                switch result {
                case .success(let channel):
                    self.attach(terminalChannel: channel)
                case .failure(let error):
                    // The descriptors are still ours: close them, and the reader goes with them.
                    self.logger.error("reader terminal not opened", metadata: ["error": "\(error)"])
                    Glibc.close(process.input)
                    Glibc.close(process.output)
                    process.kill()
                    self.readerTerminalClosed()
                }
            }
    }

    private func attach(terminalChannel channel: Channel) {
        readerTerminal = channel
        channel.closeFuture.assumeIsolated().whenComplete { _ in self.readerTerminalClosed() }
        guard phase == .running, let context else {
            // The session ended while the pty was being opened.
            channel.close(promise: nil)
            return
        }
        if let early = earlyInput, early.readableBytes > 0 { channel.writeAndFlush(early, promise: nil) }
        earlyInput = nil
        channel.setOption(ChannelOptions.autoRead, value: context.channel.isWritable).whenFailure { _ in }
    }

    /// Output from the reader, for the client.
    func readerWrote(_ bytes: ByteBuffer) {
        guard phase == .running else { return }
        if bytesOut == 0 { ServerMetrics.firstPaint.recordNanoseconds((NIODeadline.now() - startedAt).nanoseconds) }
        bytesOut += bytes.readableBytes
        ServerMetrics.bytesSent.increment(by: bytes.readableBytes)
        // Gathered until the read ends: one SSH message (one MAC, one padding) per screen update
        // rather than one per write the reader made.
        var bytes = bytes
        if pendingOutput == nil { pendingOutput = bytes } else { pendingOutput?.writeBuffer(&bytes) }
    }

    /// The reader's output so far has been read: send it, and stop reading while the client lags.
    func readerPaused(terminal: Channel) {
        guard let context else { return }
        if let output = pendingOutput, phase == .running {
            context.write(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(output))), promise: nil)
        }
        pendingOutput = nil
        context.flush()
        if !context.channel.isWritable {
            terminal.setOption(ChannelOptions.autoRead, value: false).whenFailure { _ in }
        }
    }

    /// The reader is not reading its keys: stop reading the client's until it does.
    func readerInputWritabilityChanged(_ writable: Bool) {
        context?.channel.setOption(ChannelOptions.autoRead, value: writable).whenFailure { _ in }
    }

    /// The pty has closed: the reader has exited, or closed its terminal, or was cut off.
    private func readerTerminalClosed() {
        readerTerminal = nil
        if let context, let output = pendingOutput, phase == .running {  // the last words before the end
            context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(output))), promise: nil)
        }
        pendingOutput = nil
        guard let process = reader else { return }
        process.releaseTerminal()
        process.waitForEnd(on: connection.eventLoop, patience: Self.readerPatience)
            .assumeIsolated()
            .whenSuccess { ending in
                self.registry.readerEnded(process.pid)
                self.reader = nil
                self.recordEnd(exitStatus: ending.statusForClient)
                self.finish(exitStatus: ending.statusForClient, notice: self.pendingNotice)
            }
    }
}
