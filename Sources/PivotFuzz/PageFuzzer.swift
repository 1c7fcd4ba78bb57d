import PivotDocument
import PivotReader

/// libFuzzer entry point (`make fuzz`): any bytes as a page, through parsing, the outline,
/// layout at a few widths, rendering, and a few keys. A crash, a hang or a control character
/// in a rendered cell is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard let text = try? PageSource.text(from: bytes) else { return 0 }
    let document = PageParser.document(from: text)
    for width in [20, 57, 80] {
        var state = ReaderState(document: document, size: Size(width: width, height: 12))
        for key in [Key.character("-"), .tab, .enter, .character("+"), .end, .character("/")] {
            state = update(state, .key(key)).0
        }
        state = update(state, .key(.enter)).0
        for cell in render(state).cells {
            for scalar in cell.text.unicodeScalars where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                fatalError("control U+\(String(scalar.value, radix: 16)) reached a cell")
            }
        }
    }
    return 0
}
