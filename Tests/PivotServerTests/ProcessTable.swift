import Foundation

/// Processes as /proc shows them (no dependence on pgrep or ps being installed).
enum ProcessTable {
    struct Entry {
        var pid: pid_t
        var parent: pid_t
        var state: Character
        var name: String
    }

    static func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name in
            guard let pid = pid_t(name) else { return nil }
            return entry(pid)
        }
    }

    static func entry(_ pid: pid_t) -> Entry? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { return nil }
        // After "pid (name) ": the state, then the parent. The name may hold spaces and ")".
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 1, let state = fields[0].first, let parent = pid_t(fields[1]) else { return nil }
        return Entry(pid: pid, parent: parent, state: state, name: String(stat[stat.index(after: open)..<close]))
    }

    /// True while the process exists and is not a zombie.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let entry = entry(pid) else { return false }
        return entry.state != "Z" && entry.state != "X"
    }

    static func children(of parent: pid_t) -> [pid_t] {
        entries().filter { $0.parent == parent && $0.state != "Z" }.map(\.pid)
    }

    /// Every live process below `ancestor`.
    static func descendants(of ancestor: pid_t) -> [pid_t] {
        let all = entries().filter { $0.state != "Z" }
        var found: [pid_t] = []
        var frontier = [ancestor]
        while let next = frontier.popLast() {
            let children = all.filter { $0.parent == next }.map(\.pid)
            found += children
            frontier += children
        }
        return found
    }

    /// Polls until `condition` holds or `timeout` passes; returns whether it held.
    static func waitUntil(timeout: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() > deadline { return false }
            usleep(20_000)
        }
        return true
    }
}
