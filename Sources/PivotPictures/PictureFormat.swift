/// What a picture file is, by its first bytes (never by its name: a page may name a PNG `x.gif`).
public enum PictureFormat: String, Sendable {
    case png = "PNG", jpeg = "JPEG", gif = "GIF", webp = "WebP"

    public init?(sniffing bytes: [UInt8]) {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if starts([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if starts(Array("GIF8".utf8)) {
            self = .gif
        } else if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) {
            self = .webp
        } else {
            return nil
        }
    }

    /// File names a page's pictures have: only these are read for pictures.
    public static let fileExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]
}
