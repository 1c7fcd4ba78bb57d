import CTerminalSupport
import Glibc

/// One-line messages on standard error, and the ways the program ends.
enum Diagnostics {
    static func warn(_ message: String) {
        let line = "pivot-tui: \(message)\n"
        _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    }

    static func fail(_ message: String) -> Never {
        warn(message)
        exit(1)
    }

    /// Ends the process the way the signal would have (the terminal is already restored).
    static func reraise(_ signal: Int32) -> Never {
        pv_reraise(signal)
        exit(128 + signal)
    }
}

/// Writes text to standard output in large pieces; a closed pipe ends the program quietly.
enum PlainOutput {
    static func write(_ text: String) {
        signal(SIGPIPE, SIG_DFL)
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                exit(errno == EPIPE ? 0 : 1)
            }
            offset += written
        }
        bytes = []
    }
}
