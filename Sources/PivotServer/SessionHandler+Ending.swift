import NIOCore
import NIOSSH

/// How a session ends: the reader's exit, the client leaving, no keys for too long, or the
/// server stopping. Each ends the same way for the client: a note, the exit status, the
/// end of output, the channel closed.
extension SessionHandler {
    /// False once the channel has closed.
    var isOpen: Bool { phase != .closed }

    /// Ends the session from our side: the reader is hung up (it restores the client's screen
    /// and exits, and `readerTerminalClosed` sends the note); text being sent is cut short.
    func end(because reason: EndReason) {
        guard endReason == nil else { return }
        endReason = reason
        switch reason {
        case .idle:
            pendingNotice = ReaderNotice.idle(after: configuration.limits.idleTimeout.nanoseconds / 1_000_000_000)
        case .serverShutdown:
            pendingNotice = ReaderNotice.shuttingDown
        case .finished, .clientLeft:
            break
        }
        logger.info("ending session", metadata: ["reason": "\(reason.rawValue)"])

        guard let process = reader else {
            if phase == .finishing { context?.close(promise: nil) }
            return finish(exitStatus: 1, notice: pendingNotice)
        }
        process.hangUp()
        if reason == .clientLeft { readerTerminal?.close(promise: nil) }
        // A reader that ignores the hang-up is killed; its pty then closes.
        connection.eventLoop.assumeIsolated().scheduleTask(in: Self.readerPatience) {
            guard self.reader === process else { return }
            process.kill()
            self.readerTerminal?.close(promise: nil)
        }
    }

    /// Sends the note (on standard error) and the exit status, then the end of output once
    /// everything before it has gone out, and closes the channel. The exit status goes first:
    /// a client that has sent its own end of input closes the channel as soon as ours arrives.
    func finish(exitStatus: Int, notice: String?) {
        guard let context, phase == .waiting || phase == .running else { return }
        phase = .finishing
        if let notice {
            let line = ReaderNotice.line(notice, onTerminal: terminal != nil)
            let bytes = context.channel.allocator.buffer(string: line)
            context.write(wrapOutboundOut(SSHChannelData(type: .stdErr, data: .byteBuffer(bytes))), promise: nil)
        }
        exitStatusSent = exitStatus
        context.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: exitStatus), promise: nil)
        let endOfOutput = context.eventLoop.makePromise(of: Void.self)
        context.close(mode: .output, promise: endOfOutput)
        endOfOutput.futureResult.assumeIsolated().whenComplete { _ in
            self.context?.close(promise: nil)
        }
    }

    /// One line for the log when an admitted session is over, and its place given back.
    func recordEnd(exitStatus: Int?) {
        guard admitted else { return }
        admitted = false
        registry.endSession(address: connection.clientHost)
        ServerMetrics.sessionEnded((endReason ?? .finished).rawValue, open: registry.sessionCount)
        logger.info("session end", metadata: [
            "duration": "\(Seconds(since: startedAt))",
            "bytes_out": "\(bytesOut)",
            "exit_status": "\(exitStatus.map(String.init) ?? "none")",
            "reason": "\((endReason ?? .finished).rawValue)",
        ])
    }

    // MARK: - Idleness

    /// Only keys count: the reader's output (an animation) never keeps a session alive.
    func scheduleIdleCheck(at deadline: NIODeadline) {
        idleTimer = connection.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            let due = self.lastInput + self.configuration.limits.idleTimeout
            if NIODeadline.now() >= due {
                if self.phase == .finishing {
                    // Not even the end of output could be delivered: the client is gone.
                    self.context?.close(promise: nil)
                } else {
                    self.end(because: .idle)
                    self.scheduleIdleCheck(at: .now() + self.configuration.limits.idleTimeout)
                }
            } else {
                self.scheduleIdleCheck(at: due)
            }
        }
    }
}
