import Foundation
import PivotTestSupport
import Glibc
import NIOCore
import Synchronization

extension EventLoopFuture where Value: Sendable {
    /// `wait()` with a deadline: a future NIOSSH never completes (a channel asked for on a
    /// connection that closed before it was ready) fails the test instead of hanging it.
    func wait(timeout: TimeInterval, for what: String) throws -> Value {
        let outcome = Outcome<Value>()
        whenComplete { outcome.set($0) }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let result = outcome.result { return try result.get() }
            guard Date() < deadline else { throw TestFailure("timed out after \(timeout) s waiting for \(what)") }
            usleep(1_000)
        }
    }
}

private final class Outcome<Value: Sendable>: Sendable {
    private let state = Mutex<Result<Value, Error>?>(nil)

    var result: Result<Value, Error>? { state.withLock { $0 } }

    func set(_ result: Result<Value, Error>) {
        state.withLock { $0 = result }
    }
}
