import PivotAnimation

/// Which frame each pane shows, and when the edge must wake up to draw the next one.
extension ReaderState {
    /// Frames are still when animation is off, paused, or the reader has been idle.
    var animationIsStill: Bool {
        !settings.animates || playback.isPaused || isIdleStopped
    }

    /// The idle stop applies to a playing animation; a paused one keeps its frame.
    var isIdleStopped: Bool {
        !playback.isPaused && playback.isIdle(limit: settings.idleStop)
    }

    /// The frame a pane shows now.
    public func frameIndex(of animation: Animation) -> Int {
        if !settings.animates { return 0 }
        if isIdleStopped { return animation.frames.count - 1 }
        return animation.frameIndex(atElapsed: playback.elapsed)
    }

    /// Milliseconds until something on screen changes by itself; nil when nothing will
    /// (no pane in view, a panel open, paused, idle, or every animation finished).
    public var nextTick: Int? {
        guard !animationIsStill, overlay == nil else { return nil }
        var soonest: Int?
        var seen: Set<String> = []
        for index in top..<min(layout.lines.count, top + pageHeight) {
            guard let slot = layout.lines[index].pane, seen.insert(slot.source).inserted,
                  let animation = standIns[slot.source],
                  let wait = animation.timeToNextFrame(afterElapsed: playback.elapsed) else { continue }
            soonest = min(soonest ?? wait, wait)
        }
        guard let frameWait = soonest else { return nil }
        // Wake at the idle deadline too, to show the last frame and stop.
        return max(1, min(frameWait, playback.idleRemaining(limit: settings.idleStop)))
    }

    mutating func togglePause() {
        guard !standIns.isEmpty else { return }
        playback.togglePause()
        message = playback.isPaused ? "animation paused (p resumes)" : "animation playing"
    }
}
