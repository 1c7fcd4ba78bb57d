/// An animation made of text frames: the stand-in for a page's image.
public struct Animation: Sendable, Equatable {
    public enum Color: String, Sendable, CaseIterable {
        case `default`, red, green, yellow, blue, magenta, cyan, white
    }

    public struct Frame: Sendable, Equatable {
        /// Exactly `height` lines of exactly `width` printable ASCII characters.
        public var lines: [String]
        /// Milliseconds this frame stays on screen.
        public var delay: Int
        public var color: Color

        public init(lines: [String], delay: Int, color: Color = .default) {
            self.lines = lines
            self.delay = delay
            self.color = color
        }
    }

    public var width: Int
    public var height: Int
    public var frames: [Frame]
    /// Times the animation plays; 0 repeats forever.
    public var loopCount: Int

    public init(width: Int, height: Int, frames: [Frame], loopCount: Int = 0) {
        self.width = width
        self.height = height
        self.frames = frames
        self.loopCount = loopCount
    }

    /// One pass through every frame, in milliseconds.
    public var cycleDuration: Int { frames.reduce(0) { $0 + $1.delay } }

    /// The frame shown `elapsed` milliseconds after the start; a finished animation rests on its last frame.
    public func frameIndex(atElapsed elapsed: Int) -> Int {
        guard frames.count > 1, cycleDuration > 0 else { return 0 }
        if loopCount > 0 && elapsed >= loopCount * cycleDuration { return frames.count - 1 }
        var remaining = max(0, elapsed) % cycleDuration
        for (index, frame) in frames.enumerated() {
            if remaining < frame.delay { return index }
            remaining -= frame.delay
        }
        return frames.count - 1
    }

    /// Milliseconds from `elapsed` until the frame changes; nil once nothing will change.
    public func timeToNextFrame(afterElapsed elapsed: Int) -> Int? {
        guard frames.count > 1, cycleDuration > 0 else { return nil }
        let elapsed = max(0, elapsed)
        if loopCount > 0 && elapsed >= loopCount * cycleDuration { return nil }
        var boundary = elapsed - elapsed % cycleDuration
        for frame in frames {
            boundary += frame.delay
            if boundary > elapsed { return boundary - elapsed }
        }
        return nil
    }
}
