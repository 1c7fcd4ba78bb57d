import CNcurses
import CTerminalSupport
import Glibc
import PivotReader

/// The screen-reader mode (`--linear`): the page written as lines that follow each other, the
/// way a screen reader follows a terminal (`LinearTranscript`), never drawn at a cursor
/// position. ncurses still decodes the keys, from the terminal's input, but draws into
/// /dev/null; the terminal's modes (no echo, a key at a time) are set here.
final class LinearScreen: ReaderScreen {
    private let keys: CursesScreen
    private var transcript = LinearTranscript()
    private var savedModes = termios()
    private let hasSavedModes: Bool
    /// The terminal's keypad mode (terminfo smkx/rmkx): arrows then send what terminfo says.
    private let keypadOn: String
    private let keypadOff: String
    private var isOpen = true

    init(escapeDelay: Int32) throws {
        var input: UnsafeMutablePointer<FILE>? = pv_stdin()
        if isatty(STDIN_FILENO) == 0 { input = fopen("/dev/tty", "r") }
        let nowhere = fopen("/dev/null", "w")
        keys = try CursesScreen(input: input, output: nowhere, themeName: .dark, useColor: false, useMouse: false,
                                escapeDelay: escapeDelay, needsCursorAddressing: false)
        keypadOn = CursesScreen.capability("smkx") ?? ""
        keypadOff = CursesScreen.capability("rmkx") ?? ""
        let descriptor = keys.inputDescriptor
        hasSavedModes = tcgetattr(descriptor, &savedModes) == 0
        if hasSavedModes {
            pv_save_terminal_modes(descriptor)
            var modes = savedModes
            // A key at a time, unechoed, Ctrl-C as a key; output processing (newline as CR LF) stays.
            modes.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
            modes.c_iflag &= ~tcflag_t(IXON | ICRNL)
            tcsetattr(descriptor, TCSANOW, &modes)
        }
        pv_arm_crash_restore(keypadOff + "\r\n")
        keys.adoptWindowSize()
        write(keypadOn)
    }

    var size: Size { keys.size }
    var inputDescriptor: Int32 { keys.inputDescriptor }

    func show(_ browser: Browser) {
        let reading = browser.index == nil && browser.linksPanel == nil && browser.reader?.overlay == nil
        write(transcript.update(to: render(browser), top: reading ? browser.reader?.top : nil,
                                generation: browser.generation))
    }

    func adoptWindowSize() {
        keys.adoptWindowSize()
    }

    /// Ctrl-L: the view again, from its title.
    func invalidate() {
        transcript = LinearTranscript()
    }

    /// No pictures: a screen reader reads their captions.
    func pictureStyle(mayAskTerminal: Bool) -> PictureStyle? { nil }

    func showPixels(_ pixels: [String: [UInt8]]) {}

    func close() {
        guard isOpen else { return }
        isOpen = false
        // The prompt goes, so the shell's next line starts clean.
        write("\r\u{1B}[K" + keypadOff)
        if hasSavedModes { tcsetattr(keys.inputDescriptor, TCSANOW, &savedModes) }
        keys.close()
    }

    private func write(_ text: String) {
        guard !text.isEmpty else { return }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }
}
