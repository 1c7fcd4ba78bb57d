import ArgumentParser
import PivotAnimation
import PivotDocument
import PivotGIF

extension GIFConverter.Charset: ExpressibleByArgument {}

/// `pivot-tui frames FILE.gif`: a GIF as text frames, ready to stand in for an image.
struct FramesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames",
        abstract: "Print a GIF converted to the frames format (docs/frames.md).",
        discussion: "Save the output as NAME.frames beside a page to make it the stand-in of an image whose alt text is NAME.")

    static let gifByteLimit = 64 * 1_048_576

    @Argument(help: "The GIF to convert.")
    var gif: String

    @Option(help: "Columns of the frames (default 48).")
    var width: Int?

    @Option(help: "Most rows of the frames; the width shrinks to keep the aspect.")
    var height: Int?

    @Option(help: "ascii (a brightness ramp) or blocks (half blocks in 256 colours).")
    var charset: GIFConverter.Charset = .ascii

    func validate() throws {
        if let width, !FramesParser.widthRange.contains(width) { throw ValidationError("--width must be 1 to 200") }
        if let height, !FramesParser.heightRange.contains(height) { throw ValidationError("--height must be 1 to 100") }
    }

    func run() throws {
        do {
            let bytes = try FileReader.read(gif, limit: Self.gifByteLimit)
            let animation = try GIFConverter.animation(fromGIF: bytes, width: width, height: height, charset: charset)
            PlainOutput.write(FramesWriter.text(animation))
        } catch let error as GIFDecoder.Failure {
            Diagnostics.fail("\(gif): \(error)")
        } catch {
            Diagnostics.fail("\(error)")
        }
    }
}
