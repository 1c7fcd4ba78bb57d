/// Writes an animation in the frames format, so `pivot-tui frames` output can be used as a stand-in.
public enum FramesWriter {
    public static func text(_ animation: Animation) -> String {
        var output = "pivot-frames 1\nsize \(animation.width)x\(animation.height)\nloop \(animation.loopCount)\n"
        if animation.charset != .text { output += "charset \(animation.charset.rawValue)\n" }
        for frame in animation.frames {
            output += "frame \(frame.delay)" + (frame.color == .default ? "" : " color \(frame.color.rawValue)") + "\n"
            for line in frame.lines {
                var trimmed = Substring(line)
                while trimmed.last == " " { trimmed = trimmed.dropLast() }
                output += trimmed + "\n"
            }
        }
        return output
    }
}
