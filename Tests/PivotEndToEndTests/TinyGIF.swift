import Foundation

/// Writes small GIF89a files byte by byte, so the tests own exactly what `pivot-tui frames`
/// decodes, with no image library and no binary fixture in the repository.
///
/// The image data is LZW as every decoder reads it, but never compressed: a clear code comes
/// before every two pixels, so the dictionary never grows past 3-bit codes and the encoder
/// needs no table at all.
enum TinyGIF {
    /// Four colours (black, white, red, blue): a 2-bit palette, the smallest LZW code size.
    static let palette: [UInt8] = [0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0, 255]

    /// A looping GIF of `frames`, each `width * height` palette indices (0...3) row by row,
    /// shown for `delay` hundredths of a second.
    static func make(width: Int, height: Int, frames: [[UInt8]], delay: Int = 20) -> Data {
        precondition(frames.allSatisfy { $0.count == width * height && $0.allSatisfy { $0 < 4 } })
        var bytes = Array("GIF89a".utf8)
        bytes += le16(width) + le16(height)
        bytes += [0xF1, 0, 0]  // global colour table of 2^(1+1) entries, background 0, square pixels
        bytes += palette
        // NETSCAPE2.0: loop forever, as animated GIFs on the web do.
        bytes += [0x21, 0xFF, 0x0B] + Array("NETSCAPE2.0".utf8) + [0x03, 0x01, 0x00, 0x00, 0x00]
        for pixels in frames {
            bytes += [0x21, 0xF9, 0x04, 0x00] + le16(delay) + [0x00, 0x00]  // graphic control: delay, no transparency
            bytes += [0x2C] + le16(0) + le16(0) + le16(width) + le16(height) + [0x00]
            bytes += imageData(pixels)
        }
        bytes.append(0x3B)  // trailer
        return Data(bytes)
    }

    /// A 2x2 GIF of two frames: a black-and-white checker, then the same inverted.
    static var checker: Data {
        make(width: 2, height: 2, frames: [[0, 1, 1, 0], [1, 0, 0, 1]])
    }

    /// LZW minimum code size 2: clear is 4, end of information 5, codes 3 bits wide.
    private static func imageData(_ pixels: [UInt8]) -> [UInt8] {
        var codes: [UInt8] = []
        for (index, pixel) in pixels.enumerated() {
            if index % 2 == 0 { codes.append(4) }
            codes.append(pixel)
        }
        codes.append(5)
        // Codes are packed least significant bit first.
        var packed: [UInt8] = []
        var accumulator = 0
        var bits = 0
        for code in codes {
            accumulator |= Int(code) << bits
            bits += 3
            while bits >= 8 {
                packed.append(UInt8(accumulator & 0xFF))
                accumulator >>= 8
                bits -= 8
            }
        }
        if bits > 0 { packed.append(UInt8(accumulator & 0xFF)) }
        var data: [UInt8] = [2]
        var offset = 0
        while offset < packed.count {
            let chunk = packed[offset..<min(offset + 255, packed.count)]
            data.append(UInt8(chunk.count))
            data += chunk
            offset += chunk.count
        }
        data.append(0)  // block terminator
        return data
    }

    private static func le16(_ value: Int) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)]
    }
}
