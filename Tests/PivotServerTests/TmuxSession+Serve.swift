import Foundation
import PivotTestSupport

extension TmuxSession {
    /// A window running `script` under `sh -c` for the ssh client, wrapped lines joined, 15 s of patience.
    convenience init(width: Int, height: Int, script: String, term: String = "tmux-256color") throws {
        try self.init(tmux: TestTools.tmux(), width: width, height: height,
                      command: TmuxSession.shellCommand(script, term: term),
                      environment: TestTools.childEnvironment(), timeout: 15, joinsWrappedLines: true)
    }
}
