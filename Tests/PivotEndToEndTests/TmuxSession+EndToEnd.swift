import Foundation
import PivotTestSupport

extension TmuxSession {
    /// A window for the end-to-end tests: tmux from PATH (skipped when missing), their child
    /// environment, 10 s of patience.
    convenience init(width: Int, height: Int, command: [String], directory: URL) throws {
        try self.init(tmux: TestEnvironment.tmux().path, width: width, height: height, command: command,
                      directory: directory.path, environment: TestEnvironment.childEnvironment(), timeout: 10)
    }
}
