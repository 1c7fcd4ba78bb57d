import Glibc
import NIOCore
import Synchronization

/// Counts connections and sessions, in all and per address, and remembers the live
/// connections and reader processes so a shutdown can reach them. Every event loop shares
/// it, so it locks.
final class ConnectionRegistry: Sendable {
    enum SessionAdmission: Equatable {
        case admitted
        case serverFull
        case addressFull
    }

    private struct State {
        var accepting = true
        var connections: [ObjectIdentifier: Channel] = [:]
        var connectionsPerAddress: [String: Int] = [:]
        var sessions = 0
        var sessionsPerAddress: [String: Int] = [:]
        var readers: Set<pid_t> = []
    }

    private let limits: ServerLimits
    private let state = Mutex(State())

    init(limits: ServerLimits) {
        self.limits = limits
    }

    /// Takes a new connection into account, or says no when the server is stopping or too
    /// many connections are open (from everywhere, or from `address`).
    func admitConnection(_ channel: Channel, address: String) -> Bool {
        state.withLock { state in
            guard state.accepting, state.connections.count < limits.maxConnections,
                  state.connectionsPerAddress[address, default: 0] < limits.maxConnectionsPerAddress
            else { return false }
            state.connections[ObjectIdentifier(channel)] = channel
            state.connectionsPerAddress[address, default: 0] += 1
            return true
        }
    }

    func removeConnection(_ channel: Channel, address: String) {
        state.withLock { state in
            guard state.connections.removeValue(forKey: ObjectIdentifier(channel)) != nil else { return }
            state.connectionsPerAddress[address, default: 1] -= 1
            if state.connectionsPerAddress[address] == 0 { state.connectionsPerAddress[address] = nil }
        }
    }

    /// A session may start when both limits leave room; `endSession` gives the room back.
    func admitSession(address: String) -> SessionAdmission {
        state.withLock { state in
            if state.sessions >= limits.maxSessions { return .serverFull }
            if state.sessionsPerAddress[address, default: 0] >= limits.maxSessionsPerAddress { return .addressFull }
            state.sessions += 1
            state.sessionsPerAddress[address, default: 0] += 1
            return .admitted
        }
    }

    func endSession(address: String) {
        state.withLock { state in
            state.sessions -= 1
            state.sessionsPerAddress[address, default: 1] -= 1
            if state.sessionsPerAddress[address] == 0 { state.sessionsPerAddress[address] = nil }
        }
    }

    func readerStarted(_ pid: pid_t) { _ = state.withLock { $0.readers.insert(pid) } }
    func readerEnded(_ pid: pid_t) { _ = state.withLock { $0.readers.remove(pid) } }

    /// Refuses every new connection from now on and returns the open ones.
    func stopAccepting() -> [Channel] {
        state.withLock { state in
            state.accepting = false
            return Array(state.connections.values)
        }
    }

    var openConnections: [Channel] { state.withLock { Array($0.connections.values) } }
    /// False once the server stops taking sessions (a drain or a shutdown).
    var isAccepting: Bool { state.withLock { $0.accepting } }
    var runningReaders: [pid_t] { state.withLock { Array($0.readers) } }
    var sessionCount: Int { state.withLock { $0.sessions } }
}
