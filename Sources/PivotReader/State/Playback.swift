/// The animation clock, driven by `.tick` events: pause, and the idle stop that keeps an
/// unattended reader from sending anything.
public struct Playback: Hashable, Sendable {
    /// The latest time from the edge, in milliseconds.
    public private(set) var now: Int
    public private(set) var isPaused = false
    private var startedAt: Int
    private var pausedAt: Int?
    private var lastInputAt: Int

    init(now: Int) {
        self.now = now
        startedAt = now
        lastInputAt = now
    }

    mutating func advance(to time: Int) {
        now = max(now, time)
    }

    /// A key or a click: the reader is here. An animation stopped for idleness starts again.
    mutating func noteInput() {
        lastInputAt = now
    }

    mutating func togglePause() {
        if let pausedAt {
            startedAt += now - pausedAt
            self.pausedAt = nil
            isPaused = false
        } else {
            pausedAt = now
            isPaused = true
        }
    }

    /// True once no key came for `limit` milliseconds.
    func isIdle(limit: Int) -> Bool {
        now - lastInputAt >= limit
    }

    /// Milliseconds of animation time played so far.
    var elapsed: Int {
        (pausedAt ?? now) - startedAt
    }

    /// Restarts the clock (after an idle stop), so the animation plays again from its start.
    mutating func restart() {
        startedAt = now
    }

    func idleRemaining(limit: Int) -> Int {
        max(0, limit - (now - lastInputAt))
    }
}
