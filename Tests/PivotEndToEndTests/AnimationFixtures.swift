import Foundation

/// Pages with an animated image, and frames files whose every frame is one letter repeated,
/// so a capture tells at a glance which frame the pane shows.
enum AnimationFixtures {
    static let pageTitle = "Spin Fixture"
    /// The image's alt text: the reader looks for `spin.frames` beside the page.
    static let alt = "spin"
    static let framesFileName = "spin.frames"
    static let caption = "spin · example.org"
    static let frameWidth = 10
    static let frameHeight = 3
    /// The last body line of the page; only shown once the page is scrolled to its end.
    static let lastLine = "Line 30 closes the page."

    /// A title, a paragraph, the image, then thirty short paragraphs: the pane sits on the
    /// first screen at 80x24 and a page down takes it out of view.
    static var page: String {
        var text = """
            ---
            title: \(pageTitle)
            ---

            # \(pageTitle)

            A paragraph above the animation.

            <img src="https://example.org/spin.gif" alt="\(alt)">

            """
        for number in 1..<30 {
            text += "\nLine \(String(format: "%02d", number)) of the text below the animation.\n"
        }
        text += "\n\(lastLine)\n"
        return text
    }

    /// What one row of the frame showing `letter` looks like.
    static func row(_ letter: Character) -> String {
        String(repeating: letter, count: frameWidth)
    }

    /// A valid frames file: one frame per letter, each `frameWidth` x `frameHeight` of that
    /// letter, each shown `delay` ms.
    static func frames(letters: String = "ABC", delay: Int = 200) -> String {
        var text = "pivot-frames 1\nsize \(frameWidth)x\(frameHeight)\ndelay \(delay)\n"
        for letter in letters {
            text += "frame\n" + String(repeating: row(letter) + "\n", count: frameHeight)
        }
        return text
    }

    /// A frames file whose second art line is two columns wider than `size` allows.
    static var brokenFrames: String {
        "pivot-frames 1\nsize \(frameWidth)x\(frameHeight)\nframe\n"
            + row("A") + "\n" + row("A") + "AA\n" + row("A") + "\n"
    }

    /// The caption under the embedded page's pane, "ALT · HOST", from the first `<img>` of
    /// content/pivot.md.
    static func embeddedCaption() throws -> String? {
        let page = try String(contentsOf: TestEnvironment.pivotPage, encoding: .utf8)
        guard let tag = page.components(separatedBy: "\n").first(where: { $0.hasPrefix("<img") }),
              let alt = attribute("alt", of: tag), let source = attribute("src", of: tag),
              let afterScheme = source.components(separatedBy: "://").dropFirst().first,
              let host = afterScheme.split(separator: "/").first else { return nil }
        return "\(alt) · \(host)"
    }

    private static func attribute(_ name: String, of tag: String) -> String? {
        tag.components(separatedBy: " \(name)=\"").dropFirst().first?.components(separatedBy: "\"").first
    }

    /// The frames of a frames file as their art lines padded to the width: enough of
    /// docs/frames.md to read content/pivot.frames (text charset, comments before the frames).
    static func artFrames(of text: String) -> [[String]] {
        let lines = text.components(separatedBy: "\n")
        var width = 0
        var height = 0
        var frames: [[String]] = []
        var index = 0
        while index < lines.count {
            let words = lines[index].split(separator: " ")
            index += 1
            if words.first == "size", words.count == 2 {
                let parts = words[1].split(separator: "x").compactMap { Int($0) }
                if parts.count == 2 { (width, height) = (parts[0], parts[1]) }
            } else if words.first == "frame", height > 0, index + height <= lines.count {
                frames.append(lines[index..<(index + height)].map {
                    $0 + String(repeating: " ", count: max(0, width - $0.count))
                })
                index += height
            }
        }
        return frames
    }
}
