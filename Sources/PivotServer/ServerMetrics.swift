import Metrics

/// What the server counts, through swift-metrics: exported as Prometheus text by `--metrics`
/// (swift-prometheus), and nothing at all (swift-metrics' no-op handlers) without it.
enum ServerMetrics {
    static let sessionsOpen = Gauge(label: "pivot_sessions_open")
    static let sessionsStarted = Counter(label: "pivot_sessions_started_total")
    static let loginFailures = Counter(label: "pivot_login_failures_total")
    static let bytesSent = Counter(label: "pivot_bytes_sent_total")
    /// From a session's start to the reader's first output.
    static let firstPaint = Metrics.Timer(label: "pivot_first_paint_seconds")

    /// Connections and sessions turned away, by why: `connections`, `max-sessions`,
    /// `max-per-address`, `command`, `proxy-header`.
    static func refused(_ reason: String) {
        Counter(label: "pivot_refused_total", dimensions: [("reason", reason)]).increment()
    }

    /// Sessions ended, by how: the reader's exit, the client leaving, idleness, the server stopping...
    static func sessionEnded(_ cause: String, open: Int) {
        Counter(label: "pivot_reader_exits_total", dimensions: [("cause", cause)]).increment()
        sessionsOpen.record(open)
    }

    static func sessionStarted(open: Int) {
        sessionsStarted.increment()
        sessionsOpen.record(open)
    }
}
