import CNcurses
import Glibc
import PivotDocument
import PivotReader
@testable import PivotTerminal

/// libFuzzer entry point (`make fuzz-keys`): any bytes typed at a pseudo-terminal read by the
/// reader's own screen set-up (TERM=xterm-256color), decoded by ncurses and `KeyDecoder` as
/// the run loop reads them, applied to a reader and drawn. A crash, a hang, a control
/// character taken for a key, or input left behind after the read is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeys(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let keyboard = FuzzKeyboard.shared
    // The pty's input queue holds 4 KiB in raw mode; longer inputs are cut there.
    keyboard.type(UnsafeRawBufferPointer(start: start, count: min(count, 4000)))
    var state = ReaderState(document: FuzzKeyboard.page, size: Size(width: 80, height: 24))
    while let input = KeyDecoder.next(from: pv_stdscr()) {
        guard case .event(let event) = input else { continue }
        switch event {
        case .key(.character(let character)):
            let scalars = character.unicodeScalars
            if scalars.count != 1 || scalars.first!.value < 0x20 || (0x7F...0x9F).contains(scalars.first!.value) {
                fatalError("a control or a cluster taken for a character key: \(scalars.map { $0.value })")
            }
        case .key(.control(let letter)) where !("a"..."z").contains(letter):
            fatalError("control chord \(letter.debugDescription)")
        case .resize, .tick:
            fatalError("\(event) from the keyboard")
        default:
            break
        }
        state = update(state, event).0
    }
    if keyboard.unreadBytes != 0 { fatalError("\(keyboard.unreadBytes) bytes left unread") }
    if KeyDecoder.next(from: pv_stdscr()) != nil { fatalError("ncurses held input back until a later read") }
    let grid = render(state)
    if grid.width != 80 || grid.height != 24 { fatalError("grid \(grid.width)x\(grid.height)") }
    keyboard.discardScreenOutput()
    return 0
}

/// ncurses on a pseudo-terminal, set up once for the whole run.
final class FuzzKeyboard {
    nonisolated(unsafe) static let shared = FuzzKeyboard()
    static let page = PageParser.document(from: "# Keys\n\n" + String(repeating: "Words to scroll through. ", count: 400))

    private let keyboard: Int32
    private let terminal: UnsafeMutablePointer<FILE>
    private let screen: CursesScreen

    private init() {
        setenv("TERM", "xterm-256color", 1)
        setlocale(LC_ALL, "C.UTF-8")
        var master: Int32 = -1
        var slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0, let terminal = fdopen(slave, "r+") else {
            fatalError("no pseudo-terminal")
        }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        keyboard = master
        self.terminal = terminal
        // A short escape delay: each input that ends inside a sequence waits for it once.
        guard let screen = try? CursesScreen(input: terminal, output: terminal, themeName: .dark, useColor: false,
                                             useMouse: true, escapeDelay: 5) else { fatalError("no curses screen") }
        self.screen = screen
        fflush(terminal)
        discardScreenOutput()
    }

    /// Writes the bytes and waits until the terminal end can read them all.
    func type(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let written = write(keyboard, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard written > 0 else { fatalError("write: \(errno)") }
            offset += written
        }
        var spins = 0
        while unreadBytes < bytes.count {
            spins += 1
            if spins > 200_000 { fatalError("typed bytes never crossed the pty") }
            usleep(10)
        }
    }

    var unreadBytes: Int {
        var count: Int32 = 0
        return ioctl(fileno(terminal), UInt(FIONREAD), &count) == 0 ? Int(count) : -1
    }

    func discardScreenOutput() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while read(keyboard, &buffer, buffer.count) > 0 {}
    }
}
