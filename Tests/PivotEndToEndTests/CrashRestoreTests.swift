import XCTest

/// A Swift trap cannot be caught, but the crash handler still restores the terminal before the
/// process dies: the shell's screen comes back and canonical mode and echo are on.
final class CrashRestoreTests: EndToEndTestCase {
    func testACrashLeavesTheTerminalRestored() throws {
        let page = try writePage(Fixtures.gardenPage)
        // Debug builds crash on request after the first paint; the backtracer is kept quiet.
        let session = try startReader(
            ["PIVOT_TUI_DEBUG_CRASH=1", "SWIFT_BACKTRACE=enable=no", binary.path, page.path],
            executable: URL(fileURLWithPath: "/usr/bin/env"))
        assertTerminalRestored(try waitForReaderExit(session), exitStatus: 128 + Int(SIGILL))
    }
}
