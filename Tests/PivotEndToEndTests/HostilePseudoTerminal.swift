import Foundation
import PivotTestSupport
import Glibc

/// Runs a program on a fresh pseudo-terminal and records every byte it writes to it, for
/// tests that judge the bytes themselves (tmux would interpret them before we could look).
///
/// The child gets its own session with the pty as controlling terminal (posix_spawn with
/// POSIX_SPAWN_SETSID, then the slave opened as 0, 1 and 2), so it is a full-screen program
/// as in a terminal window. Keys are written to the master once the output has been quiet.
enum PseudoTerminal {
    struct Result {
        var output: [UInt8]
        var exitStatus: Int32?
        var signal: Int32?
        var timedOut: Bool
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `executable` in a `width` x `height` pty (of `pixels` when given, as terminals
    /// that draw pictures report); after each quiet spell of `quiet` seconds (with some output
    /// seen) the next of `keys` is typed; each time the program writes an `answers` query, its
    /// reply is typed back, as a terminal answers; waits for the exit.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String],
                    directory: URL, width: Int = 80, height: Int = 24, pixels: (width: Int, height: Int)? = nil,
                    keys: [String], answers: [(query: [UInt8], reply: [UInt8])] = [],
                    quiet: TimeInterval = 0.3, timeout: TimeInterval = 20) throws -> Result {
        guard let functions = Functions.load() else { throw Failure(description: "posix_openpt and friends not found") }
        let master = functions.openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, functions.grant(master) == 0, functions.unlock(master) == 0 else {
            throw Failure(description: "cannot open a pty: \(String(cString: strerror(errno)))")
        }
        defer { close(master) }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        var nameBuffer = [CChar](repeating: 0, count: 256)
        guard functions.name(master, &nameBuffer, nameBuffer.count) == 0 else { throw Failure(description: "ptsname_r failed") }
        let slavePath = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: UInt16(pixels?.width ?? 0),
                           ws_ypixel: UInt16(pixels?.height ?? 0))
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc's 0x80; the Glibc module does not declare it): a new session,
        // so the slave opened next becomes the child's controlling terminal.
        resetSignals(&attributes, extraFlags: 0x80)

        let command = "cd \(shellQuoted(directory.path)) && exec " + ([executable.path] + arguments).map(shellQuoted)
            .joined(separator: " ")
        let shellArguments: [String] = ["/bin/sh", "-c", command]
        let argv = shellArguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot run \(executable.path): \(String(cString: strerror(spawned)))") }

        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        var output: [UInt8] = []
        var pending = keys[...]
        var lastOutput = Date()
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var exited = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        var answered = [Int](repeating: 0, count: answers.count)
        while true {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 20)
            var masterClosed = false
            while true {
                let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if count > 0 {
                    output += buffer[0..<count]
                    lastOutput = Date()
                } else if count == 0 || (count < 0 && errno == EIO) {
                    masterClosed = true  // every slave descriptor is closed: the program is gone
                    break
                } else {
                    break  // EAGAIN, EINTR
                }
            }
            for (index, answer) in answers.enumerated() where occurrences(of: answer.query, in: output) > answered[index] {
                answered[index] += 1
                _ = answer.reply.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            }
            if !exited, waitpid(pid, &status, WNOHANG) == pid { exited = true }
            if exited && (masterClosed || Date().timeIntervalSince(lastOutput) > 0.5) { break }
            if Date() > deadline {
                kill(pid, SIGKILL)
                if !exited { waitpid(pid, &status, 0) }
                let signal = status & 0x7f
                return Result(output: output, exitStatus: signal == 0 ? (status >> 8) & 0xff : nil,
                              signal: signal == 0 ? nil : signal, timedOut: true)
            }
            if !exited, !output.isEmpty, let key = pending.first, Date().timeIntervalSince(lastOutput) >= quiet {
                pending = pending.dropFirst()
                _ = Array(key.utf8).withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
                lastOutput = Date()
            }
        }
        let signal = status & 0x7f
        return Result(output: output, exitStatus: signal == 0 ? (status >> 8) & 0xff : nil,
                      signal: signal == 0 ? nil : signal, timedOut: false)
    }

    static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).last { Array(bytes[$0..<($0 + needle.count)]) == needle }
    }

    static func occurrences(of needle: [UInt8], in bytes: [UInt8]) -> Int {
        guard !needle.isEmpty, bytes.count >= needle.count else { return 0 }
        return (0...(bytes.count - needle.count)).filter { bytes[$0] == needle[0] && Array(bytes[$0..<($0 + needle.count)]) == needle }.count
    }

    /// glibc's pty functions, which Swift's Glibc module does not declare (they need
    /// _XOPEN_SOURCE); looked up at run time, as ProcessRunner does for addchdir.
    private struct Functions {
        typealias Open = @convention(c) (Int32) -> Int32
        typealias OnDescriptor = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
        let openpt: Open
        let grant: OnDescriptor
        let unlock: OnDescriptor
        let name: Name

        static func load() -> Functions? {
            let handle = UnsafeMutableRawPointer(bitPattern: 0)
            guard let openpt = dlsym(handle, "posix_openpt"), let grant = dlsym(handle, "grantpt"),
                  let unlock = dlsym(handle, "unlockpt"), let name = dlsym(handle, "ptsname_r") else { return nil }
            return Functions(openpt: unsafeBitCast(openpt, to: Open.self), grant: unsafeBitCast(grant, to: OnDescriptor.self),
                             unlock: unsafeBitCast(unlock, to: OnDescriptor.self), name: unsafeBitCast(name, to: Name.self))
        }
    }
}

/// What a program wrote to a terminal, judged byte by byte.
enum TerminalBytes {
    /// Plain output (a pipe): no ESC, BEL, BS, NUL or DEL, no C1 control as a byte or as the
    /// UTF-8 encoding of U+0080–U+009F, and valid UTF-8 throughout.
    static func plainProblems(_ bytes: [UInt8]) -> [String] {
        var found: [String] = []
        for (offset, byte) in bytes.enumerated() where [0x1B, 0x07, 0x08, 0x00, 0x7F].contains(byte) {
            found.append("byte 0x\(String(byte, radix: 16)) at \(offset): \(context(bytes, offset))")
            if found.count > 10 { return found }
        }
        return found + c1Problems(bytes)
    }

    /// Full-screen output: only the sequences ncurses writes itself. Any ESC must start a CSI
    /// (ESC [), a character set choice (ESC ( B and the like) or one of ESC = > 7 8 M; never an
    /// OSC (ESC ]), DCS (ESC P), APC (ESC _), PM (ESC ^) or SOS (ESC X). No BEL, no C1 control.
    static func screenProblems(_ bytes: [UInt8]) -> [String] {
        var found: [String] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x07 { found.append("BEL at \(index): \(context(bytes, index))") }
            if byte == 0x1B {
                guard index + 1 < bytes.count else { found.append("ESC at the very end"); break }
                let next = bytes[index + 1]
                switch next {
                case UInt8(ascii: "["):
                    // CSI: parameter and intermediate bytes, then a final byte 0x40–0x7E.
                    var end = index + 2
                    while end < bytes.count, (0x20...0x3F).contains(bytes[end]) { end += 1 }
                    if end >= bytes.count || !(0x40...0x7E).contains(bytes[end]) {
                        found.append("unterminated CSI at \(index): \(context(bytes, index))")
                    }
                    index = end
                case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                    index += 2
                case UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "7"), UInt8(ascii: "8"), UInt8(ascii: "M"):
                    index += 1
                default:
                    let kind = [UInt8(ascii: "]"): "OSC", UInt8(ascii: "P"): "DCS", UInt8(ascii: "_"): "APC",
                                UInt8(ascii: "^"): "PM", UInt8(ascii: "X"): "SOS"][next] ?? "ESC \(Character(Unicode.Scalar(next)))"
                    found.append("\(kind) at \(index): \(context(bytes, index))")
                    index += 1
                }
            }
            if found.count > 10 { return found }
            index += 1
        }
        return found + c1Problems(bytes)
    }

    /// C1 controls: single bytes 0x80–0x9F outside a UTF-8 sequence, and U+0080–U+009F encoded.
    static func c1Problems(_ bytes: [UInt8]) -> [String] {
        var found: [String] = []
        var index = 0
        while index < bytes.count, found.count <= 10 {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00..<0x80: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let continuations = index + length <= bytes.count
                && (1..<max(1, length)).allSatisfy { (0x80...0xBF).contains(bytes[index + $0]) }
            if length == 0 || !continuations {
                found.append("byte 0x\(String(byte, radix: 16)) outside UTF-8 at \(index): \(context(bytes, index))")
                index += 1
                continue
            }
            if byte == 0xC2, (0x80...0x9F).contains(bytes[index + 1]) {
                found.append("U+00\(String(bytes[index + 1], radix: 16)) (a C1 control) at \(index): \(context(bytes, index))")
            }
            index += length
        }
        return found
    }

    static func context(_ bytes: [UInt8], _ offset: Int) -> String {
        let slice = bytes[max(0, offset - 16)..<min(bytes.count, offset + 24)]
        return String(decoding: slice, as: UTF8.self).debugDescription
    }
}

extension Array where Element == UInt8 {
    func contains(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= count else { return false }
        for start in 0...(count - pattern.count) where self[start] == pattern[0] {
            if self[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }
}
