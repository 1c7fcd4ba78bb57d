import Foundation
import NIOCore
import NIOPosix
import XCTest

/// For the tests that drive `pivot-tui serve` with `SSHTestConnection`: an event loop group
/// of the test's own, and every connection it opened closed afterwards.
class InProcessClientTestCase: ServeTestCase {
    private(set) var group: MultiThreadedEventLoopGroup!
    private var connections: [SSHTestConnection] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
    }

    override func tearDown() {
        connections.forEach { $0.close() }
        connections = []
        try? group.syncShutdownGracefully()
        super.tearDown()
    }

    func connect(to server: ServeServer, smallBuffers: Bool = false) throws -> SSHTestConnection {
        let connection = try SSHTestConnection.connect(port: server.port, group: group, smallBuffers: smallBuffers)
        connections.append(connection)
        return connection
    }

    /// Connects and opens a reader; waits for its first paint (the page's title).
    func openReader(on server: ServeServer, columns: Int = 80, rows: Int = 24,
                    title: String = ServedPage.title) throws -> (SSHTestConnection, SSHTestSession) {
        let connection = try connect(to: server)
        let session = try connection.openReader(columns: columns, rows: rows)
        try session.waitForOutput(title)
        return (connection, session)
    }

    /// Forgets connections already closed, so a long run does not keep them all.
    func forgetClosedConnections() {
        connections.removeAll { !$0.isOpen }
    }
}
