import Foundation
import PivotTestSupport
import Glibc
import NIOCore
import NIOSSH
import Synchronization

/// One session channel of an `SSHTestConnection`: its requests, the keys sent to the reader,
/// and everything that came back.
final class SSHTestSession: Sendable {
    let channel: Channel
    let record: SessionRecord

    init(channel: Channel, record: SessionRecord) {
        self.channel = channel
        self.record = record
    }

    /// `pty-req` with any size the protocol can carry (UInt32); true when granted.
    func requestTerminal(columns: Int, rows: Int, term: String = "xterm-256color") throws -> Bool {
        try request(SSHChannelRequestEvent.PseudoTerminalRequest(
            wantReply: true, term: term, terminalCharacterWidth: columns, terminalRowHeight: rows,
            terminalPixelWidth: 0, terminalPixelHeight: 0, terminalModes: SSHTerminalModes([:])))
    }

    func startShell() throws -> Bool {
        try request(SSHChannelRequestEvent.ShellRequest(wantReply: true))
    }

    /// `window-change`, which has no reply.
    func changeWindow(columns: Int, rows: Int) throws {
        try channel.triggerUserOutboundEvent(SSHChannelRequestEvent.WindowChangeRequest(
            terminalCharacterWidth: columns, terminalRowHeight: rows, terminalPixelWidth: 0, terminalPixelHeight: 0)).wait(timeout: 5, for: "window-change sent")
    }

    private func request(_ event: Any & Sendable) throws -> Bool {
        let before = record.replies.count
        try channel.triggerUserOutboundEvent(event).wait(timeout: 5, for: "\(type(of: event)) sent")
        try record.wait("the reply to \(type(of: event))", timeout: 10) { $0.replies.count > before }
        return record.replies[before]
    }

    func send(_ text: String) {
        var bytes = channel.allocator.buffer(capacity: text.utf8.count)
        bytes.writeString(text)
        channel.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(bytes)), promise: nil)
    }

    /// Sends `key` and completes with the time until the reader's next output arrived.
    func press(_ key: String) -> EventLoopFuture<TimeAmount> {
        channel.eventLoop.flatSubmit { [channel] in
            do {
                return try channel.pipeline.syncOperations.handler(type: SessionRecorder.self).press(key, on: channel.eventLoop)
            } catch {
                return channel.eventLoop.makeFailedFuture(error)
            }
        }
    }

    /// Waits until the output so far holds `text`.
    func waitForOutput(_ text: String, timeout: TimeInterval = 20) throws {
        let wanted = Array(text.utf8)
        try record.wait("output holding \"\(text)\"", timeout: timeout) { $0.output.firstRange(of: wanted) != nil }
    }

    /// Waits until more than `count` bytes of output have come.
    func waitForOutput(after count: Int, timeout: TimeInterval = 20) throws {
        try record.wait("output after byte \(count)", timeout: timeout) { $0.output.count > count }
    }

    /// Waits until the server has closed the channel; returns the exit status it sent.
    @discardableResult
    func waitForEnd(timeout: TimeInterval = 20) throws -> Int? {
        try record.wait("the channel to close", timeout: timeout) { $0.closed }
        return record.exitStatus
    }

    func close() {
        _ = try? channel.close().wait(timeout: 5, for: "the channel to close")
    }
}

/// What a session received, readable from any thread.
final class SessionRecord: Sendable {
    struct State {
        var output: [UInt8] = []
        var errors: [UInt8] = []
        var replies: [Bool] = []
        var exitStatus: Int?
        var closed = false
    }

    private let state = Mutex(State())

    var outputCount: Int { state.withLock { $0.output.count } }
    var output: [UInt8] { state.withLock { $0.output } }
    var errorText: String { state.withLock { String(decoding: $0.errors, as: UTF8.self) } }
    var replies: [Bool] { state.withLock { $0.replies } }
    var exitStatus: Int? { state.withLock { $0.exitStatus } }
    var isClosed: Bool { state.withLock { $0.closed } }

    func update(_ change: (inout State) -> Void) {
        state.withLock { change(&$0) }
    }

    /// Polls until `condition` holds; throws with what was received after `timeout`.
    func wait(_ what: String, timeout: TimeInterval, until condition: (State) -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !state.withLock({ condition($0) }) {
            guard Date() < deadline else {
                let summary = state.withLock { "\($0.output.count) bytes out, closed: \($0.closed), stderr: \(String(decoding: $0.errors, as: UTF8.self))" }
                throw TestFailure("timed out after \(timeout) s waiting for \(what) (\(summary))")
            }
            usleep(2_000)
        }
    }
}

/// On the client's session channel: records what arrives, and times key presses.
final class SessionRecorder: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    private let record: SessionRecord
    private var context: ChannelHandlerContext?
    private var pendingPress: (sentAt: NIODeadline, promise: EventLoopPromise<TimeAmount>)?

    init(record: SessionRecord) {
        self.record = record
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .byteBuffer(let bytes) = message.data else { return }
        if message.type == .channel, let press = pendingPress {
            pendingPress = nil
            press.promise.succeed(.now() - press.sentAt)
        }
        record.update { state in
            if message.type == .channel { state.output += bytes.readableBytesView } else { state.errors += bytes.readableBytesView }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is ChannelSuccessEvent: record.update { $0.replies.append(true) }
        case is ChannelFailureEvent: record.update { $0.replies.append(false) }
        case let status as SSHChannelRequestEvent.ExitStatus: record.update { $0.exitStatus = status.exitStatus }
        default: context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        record.update { $0.closed = true }
        pendingPress?.promise.fail(TestFailure("the channel closed before the reader answered"))
        pendingPress = nil
        context.fireChannelInactive()
    }

    func press(_ key: String, on loop: EventLoop) -> EventLoopFuture<TimeAmount> {
        guard let context, pendingPress == nil else {
            return loop.makeFailedFuture(TestFailure("no channel, or a press is already waiting"))
        }
        let promise = context.eventLoop.makePromise(of: TimeAmount.self)
        pendingPress = (.now(), promise)
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(context.channel.allocator.buffer(string: key)))),
                              promise: nil)
        return promise.futureResult
    }
}
