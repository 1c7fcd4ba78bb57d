import CNcurses
import Glibc

/// Asks the terminal which pixel protocol it speaks: kitty's graphics query (answered only by
/// terminals with the protocol) then DA1, which every terminal answers (attribute 4: sixel).
/// Asked once, the first time a page has a picture; the answer is awaited 100 ms at most.
enum GraphicsProbe {
    /// Kitty's query for a 1x1 image with id 31, then DA1.
    static let query = Array("\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\\u{1B}[c".utf8)
    static let timeout = 100

    private static let kittyOK = Array("\u{1B}_Gi=31;OK".utf8)
    private static let apcStart = Array("\u{1B}_G".utf8), stringTerminator = Array("\u{1B}\\".utf8)
    private static let da1Start = Array("\u{1B}[?".utf8), da1End = UInt8(ascii: "c")

    /// What the answers say: kitty before sixel (a terminal with both draws kitty's better).
    static func protocolIn(_ answers: [UInt8]) -> TerminalGraphics.Kind? {
        if find(kittyOK, in: answers[...]) != nil { return .kitty }
        guard let reply = da1Reply(in: answers) else { return nil }
        return answers[(reply.lowerBound + da1Start.count)..<(reply.upperBound - 1)]
            .split(separator: UInt8(ascii: ";")).contains { Array($0) == [UInt8(ascii: "4")] } ? .sixel : nil
    }

    /// The answers end with DA1's reply: `ESC [ ? ... c`.
    static func isComplete(_ answers: [UInt8]) -> Bool {
        da1Reply(in: answers) != nil
    }

    /// Where DA1's reply is, `ESC [ ?` to its `c`.
    private static func da1Reply(in bytes: [UInt8]) -> Range<Int>? {
        guard let start = find(da1Start, in: bytes[...]),
              let end = bytes[(start + da1Start.count)...].firstIndex(of: da1End) else { return nil }
        return start..<(end + 1)
    }

    private static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (bytes.startIndex...(bytes.endIndex - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// Writes the query and reads the answers from `input` (keys typed meanwhile go back to
    /// ncurses, in order).
    static func ask(input: Int32) -> TerminalGraphics.Kind? {
        RawOutput.write(query)
        var answers: [UInt8] = []
        let deadline = MonotonicClock.milliseconds() + timeout
        var buffer = [UInt8](repeating: 0, count: 256)
        while !isComplete(answers) {
            let left = deadline - MonotonicClock.milliseconds()
            guard left > 0 else { break }
            var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(left)) > 0 else { break }
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            answers += buffer[0..<count]
        }
        for byte in keys(in: answers).reversed() { ungetch(Int32(byte)) }
        return protocolIn(answers)
    }

    /// The bytes of `answers` that are not the two replies.
    static func keys(in answers: [UInt8]) -> [UInt8] {
        var bytes = answers
        if let start = find(apcStart, in: bytes[...]),
           let end = find(stringTerminator, in: bytes[(start + apcStart.count)...]) {
            bytes.removeSubrange(start..<(end + stringTerminator.count))
        }
        if let reply = da1Reply(in: bytes) { bytes.removeSubrange(reply) }
        return bytes
    }
}
