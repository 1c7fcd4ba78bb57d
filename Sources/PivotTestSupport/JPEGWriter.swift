import Foundation

/// JPEGs for tests, made by libjpeg-turbo's `cjpeg` (the test packages install it) from RGBA
/// pixels: nil when cjpeg is not installed.
public enum JPEGWriter {
    public static var cjpeg: URL? {
        ["/usr/bin/cjpeg", "/usr/local/bin/cjpeg"].first { FileManager.default.isExecutableFile(atPath: $0) }
            .map { URL(fileURLWithPath: $0) }
    }

    public static func jpeg(width: Int, height: Int, rgba: [UInt8]) throws -> [UInt8]? {
        guard let cjpeg else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pivot-jpeg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // A binary PPM: a header, then RGB bytes.
        var ppm = Array("P6\n\(width) \(height)\n255\n".utf8)
        for pixel in stride(from: 0, to: rgba.count, by: 4) { ppm += rgba[pixel..<pixel + 3] }
        let input = directory.appendingPathComponent("picture.ppm"), output = directory.appendingPathComponent("picture.jpg")
        try Data(ppm).write(to: input)
        let result = try ProcessRunner.run(cjpeg, ["-outfile", output.path, input.path],
                                           environment: ProcessInfo.processInfo.environment)
        guard result.exitStatus == 0 else {
            throw NSError(domain: "cjpeg", code: Int(result.exitStatus ?? -1), userInfo: [NSLocalizedDescriptionKey: result.stderrText])
        }
        return [UInt8](try Data(contentsOf: output))
    }
}
