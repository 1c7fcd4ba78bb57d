import Foundation
import Glibc

/// What a process holds, read from /proc: open descriptors, live children, and memory (RSS,
/// and USS: the pages only it uses, Private_Clean + Private_Dirty of smaps_rollup).
struct ProcessResources: CustomStringConvertible {
    var descriptors: [String]
    var children: [pid_t]
    var residentKiB: Int
    var uniqueKiB: Int

    static func of(_ pid: pid_t) throws -> ProcessResources {
        let folder = "/proc/\(pid)/fd"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
        let descriptors = names.map { name in
            "\(name)->" + ((try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\(name)")) ?? "?")
        }
        let rollup = try String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8)
        func kibibytes(_ field: String) -> Int {
            guard let line = rollup.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return 0 }
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return ProcessResources(descriptors: descriptors, children: ProcessTable.children(of: pid),
                                residentKiB: kibibytes("Rss"),
                                uniqueKiB: kibibytes("Private_Clean") + kibibytes("Private_Dirty"))
    }

    /// Polls until the process has no children and its descriptors have stayed the same for
    /// half a second (a closing connection or reader takes a moment to be collected); returns
    /// the last sample, settled or not after `timeout`.
    static func settled(_ pid: pid_t, timeout: TimeInterval = 10) throws -> ProcessResources {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try of(pid)
        var steady = 0
        while steady < 5 && Date() < deadline {
            usleep(100_000)
            let now = try of(pid)
            steady = now.children.isEmpty && now.descriptors == last.descriptors ? steady + 1 : 0
            last = now
        }
        return last
    }

    /// Descriptors open now that were not in `baseline`: what leaked, by number and target.
    func descriptorsAdded(since baseline: ProcessResources) -> [String] {
        descriptors.filter { !baseline.descriptors.contains($0) }
    }

    var description: String {
        "\(descriptors.count) descriptors, \(children.count) children, RSS \(residentKiB) KiB, USS \(uniqueKiB) KiB"
    }
}

/// Figures the reliability tests measure, one line each, for docs/RELIABILITY.md to quote:
/// `RELIABILITY|name|value`. `PIVOT_RELIABILITY_REPORT=FILE` collects them in a file too.
enum ReliabilityReport {
    static func record(_ name: String, _ value: String) {
        let line = "RELIABILITY|\(name)|\(value)"
        print(line)
        guard let path = ProcessInfo.processInfo.environment["PIVOT_RELIABILITY_REPORT"], !path.isEmpty,
              let file = fopen(path, "a") else { return }
        fputs(line + "\n", file)
        fclose(file)
    }
}
