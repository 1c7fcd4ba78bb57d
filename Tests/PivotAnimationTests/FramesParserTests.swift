import XCTest
@testable import PivotAnimation

final class FramesParserTests: XCTestCase {
    private let twoFrames = """
        pivot-frames 1
        # a comment
        size 4x2
        delay 50
        frame
        ab
        #cd
        frame 300 color yellow
        abcd
         x
        """

    func testParsesSettingsAndPadsShortLines() throws {
        let animation = try FramesParser.parse(twoFrames)
        XCTAssertEqual(animation.width, 4)
        XCTAssertEqual(animation.height, 2)
        XCTAssertEqual(animation.loopCount, 0)
        XCTAssertEqual(animation.frames.map(\.lines), [["ab  ", "#cd "], ["abcd", " x  "]])
        XCTAssertEqual(animation.frames.map(\.delay), [50, 300])
        XCTAssertEqual(animation.frames.map(\.color), [.default, .yellow])
    }

    func testRoundTripsThroughTheWriter() throws {
        let animation = try FramesParser.parse(twoFrames)
        XCTAssertEqual(try FramesParser.parse(FramesWriter.text(animation)), animation)
    }

    func testBadFilesNameTheLine() {
        let cases: [(String, Int, String)] = [
            ("", 1, "pivot-frames 1"),
            ("pivot-frames 1\nframe\nx\n", 2, "size"),
            ("pivot-frames 1\nsize 3x1\nframe\nabcd\n", 4, "wider"),
            ("pivot-frames 1\nsize 3x2\nframe\nabc\n", 3, "ends first"),
            ("pivot-frames 1\nsize 3x1\nframe\na\u{1B}b\n", 4, "printable ASCII"),
            ("pivot-frames 1\nsize 3x1\nframe\né\n", 4, "printable ASCII"),
            ("pivot-frames 1\nsize 3x1\nframe 5\nabc\n", 3, "delay"),
            ("pivot-frames 1\nsize 3x1\nframe color purple\nabc\n", 3, "color"),
            ("pivot-frames 1\nsize 3x1\n", 2, "no frames"),
            ("pivot-frames 1\nsize 0x1\n", 2, "size"),
            ("pivot-frames 1\nsize 3x1\nwobble 2\n", 3, "unknown"),
            ("pivot-frames 1\nsize 3x1\nframe\nabc\nsize 4x4\n", 5, "before"),
        ]
        for (text, line, words) in cases {
            XCTAssertThrowsError(try FramesParser.parse(text), text) { error in
                guard let failure = error as? FramesParser.Failure else { return XCTFail("\(error)") }
                XCTAssertEqual(failure.line, line, "\(text.debugDescription): \(failure)")
                XCTAssertTrue(failure.message.contains(words), "\(text.debugDescription): \(failure)")
            }
        }
    }

    func testTheEmbeddedStandInIsAValidAnimationOfTheRightShape() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("content/pivot.frames")
        let animation = try FramesParser.parse(String(contentsOf: url, encoding: .utf8))
        XCTAssertGreaterThanOrEqual(animation.frames.count, 12)
        XCTAssertTrue((36...48).contains(animation.width))
        XCTAssertTrue((10...14).contains(animation.height))
        // Consecutive frames differ: it moves.
        for (a, b) in zip(animation.frames, animation.frames.dropFirst()) { XCTAssertNotEqual(a.lines, b.lines) }
    }
}

final class AnimationClockTests: XCTestCase {
    private let clip = Animation(width: 1, height: 1, frames: [
        .init(lines: ["a"], delay: 100), .init(lines: ["b"], delay: 200), .init(lines: ["c"], delay: 50),
    ])

    func testFrameForAGivenClock() {
        XCTAssertEqual([0, 99, 100, 299, 300, 349, 350, 450].map(clip.frameIndex(atElapsed:)), [0, 0, 1, 1, 2, 2, 0, 1])
    }

    func testTimeToTheNextFrame() {
        XCTAssertEqual(clip.timeToNextFrame(afterElapsed: 0), 100)
        XCTAssertEqual(clip.timeToNextFrame(afterElapsed: 150), 150)
        XCTAssertEqual(clip.timeToNextFrame(afterElapsed: 349), 1)
        XCTAssertEqual(clip.timeToNextFrame(afterElapsed: 350), 100)
    }

    func testAFinitePlaybackRestsOnItsLastFrame() {
        var once = clip
        once.loopCount = 1
        XCTAssertEqual(once.frameIndex(atElapsed: 10_000), 2)
        XCTAssertNil(once.timeToNextFrame(afterElapsed: 350))
        XCTAssertNil(Animation(width: 1, height: 1, frames: [.init(lines: ["a"], delay: 100)]).timeToNextFrame(afterElapsed: 0))
    }

    func testStandInNames() {
        XCTAssertEqual(StandInNames.candidates(alt: "Pivot!", source: "https://h.example/a/tenor.gif?x=1"),
                       ["pivot.frames", "tenor.frames"])
        XCTAssertEqual(StandInNames.candidates(alt: "", source: "img/My Cat.gif"), ["my-cat.frames"])
        XCTAssertEqual(StandInNames.host(of: "https://media.example:8080/x.gif"), "media.example")
        XCTAssertNil(StandInNames.host(of: "local.gif"))
    }
}
