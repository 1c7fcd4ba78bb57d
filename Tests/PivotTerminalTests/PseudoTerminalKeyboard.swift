import CNcurses
import Foundation
import PivotTestSupport
import Glibc
@testable import PivotTerminal
import PivotReader

/// ncurses reading keys from a pseudo-terminal, as the reader does: the reader's own
/// `CursesScreen` (raw, no echo, keypad, no-delay, the mouse on, the reader's escape delay) on
/// the pty's terminal end, with TERM=xterm-256color. Bytes typed at the other end come out as
/// what `KeyDecoder.next` makes of them. A pty rather than a pipe: ncurses reads 8-bit input
/// only from an 8-bit terminal, as every pty is.
final class PseudoTerminalKeyboard {
    /// The terminal type whose key sequences ncurses decodes here.
    static let terminalType = "xterm-256color"
    /// How long typed bytes may take to cross the pty (the kernel moves them asynchronously).
    static let crossingDeadline: TimeInterval = 2
    /// A read still blocked after this long is freed by typing more.
    static let rescueDelay: TimeInterval = 5

    private let screen: CursesScreen
    private let terminal: UnsafeMutablePointer<FILE>
    private let keyboard: Int32

    init(escapeDelay: Int32 = 25) throws {
        setenv("TERM", Self.terminalType, 1)
        guard setlocale(LC_ALL, "C.UTF-8") != nil else { throw KeyboardError("no C.UTF-8 locale") }
        var master: Int32 = -1
        var slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw KeyboardError("openpty: \(String(cString: strerror(errno)))") }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        guard let terminal = fdopen(slave, "r+") else { throw KeyboardError("fdopen: \(String(cString: strerror(errno)))") }
        self.terminal = terminal
        keyboard = master
        screen = try CursesScreen(input: terminal, output: terminal, themeName: .dark, useColor: false,
                                  useMouse: true, escapeDelay: escapeDelay)
        fflush(terminal)
        discardScreenOutput()
    }

    deinit {
        screen.close()
        discardScreenOutput()
        fclose(terminal)
        Glibc.close(keyboard)
    }

    /// Types `bytes` (a batch is far smaller than the pty's input queue) and waits until all
    /// of them can be read at the terminal end, as the reader's poll would see them.
    func type(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(keyboard, $0.baseAddress, $0.count) }
            if written < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard written > 0 else { throw KeyboardError("write: \(String(cString: strerror(errno)))") }
            offset += written
        }
        let deadline = Date().addingTimeInterval(Self.crossingDeadline)
        while unreadBytes < bytes.count {
            guard Date() < deadline else { throw KeyboardError("only \(unreadBytes) of \(bytes.count) bytes crossed the pty") }
            usleep(200)
        }
    }

    /// Everything ncurses decodes from what has been typed, read the way the reader's loop
    /// reads after a wake-up: until `KeyDecoder.next` says nothing is waiting.
    func read() -> [KeyDecoder.Input] {
        // ncurses used to block here on a mouse report cut short: end such a wait with a few
        // bytes, so that the test fails on its deadline instead of hanging.
        let rescue = DispatchWorkItem { [keyboard] in
            let bytes = [UInt8](repeating: UInt8(ascii: "~"), count: 64)  // a final byte for any sequence
            _ = bytes.withUnsafeBytes { write(keyboard, $0.baseAddress, $0.count) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.rescueDelay, execute: rescue)
        defer { rescue.cancel() }
        var inputs: [KeyDecoder.Input] = []
        while let next = KeyDecoder.next(from: pv_stdscr()) { inputs.append(next) }
        discardScreenOutput()
        return inputs
    }

    /// Bytes waiting at the terminal end that ncurses has not read.
    var unreadBytes: Int {
        var count: Int32 = 0
        return ioctl(fileno(terminal), UInt(FIONREAD), &count) == 0 ? Int(count) : -1
    }

    /// The sequence terminfo gives for a capability (`kcuu1`, the up arrow, say).
    static func sequence(_ capability: String) -> [UInt8]? {
        guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { return nil }
        return Array(String(cString: value).utf8)
    }

    var size: Size { Size(width: Int(getmaxx(pv_stdscr())), height: Int(getmaxy(pv_stdscr()))) }

    /// What ncurses wrote to the terminal (mode switches): read and dropped, so it never fills up.
    private func discardScreenOutput() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Glibc.read(keyboard, &buffer, buffer.count) > 0 {}
    }
}

struct KeyboardError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
