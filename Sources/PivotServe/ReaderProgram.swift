import Foundation

/// The `pivot-tui` reader installed beside this program: run once here for the page's plain
/// text, and by the server for every session.
struct ReaderProgram {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let path: String

    static func besideThisProgram() -> ReaderProgram {
        let this = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return ReaderProgram(path: URL(fileURLWithPath: this).deletingLastPathComponent().appendingPathComponent("pivot-tui").path)
    }

    /// The reader's plain output for `arguments`; its own one-line error when it fails.
    func plainText(arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        // Like the sessions' readers, this one reads no config file (ReaderEnvironment).
        process.environment = ProcessInfo.processInfo.environment.merging(["PIVOT_TUI_NO_CONFIG": "1"]) { $1 }
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run the reader \(path): \(error.localizedDescription)")
        }
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let line = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: line.hasPrefix("pivot-tui: ") ? String(line.dropFirst(11)) : line)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
