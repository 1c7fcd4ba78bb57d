import ArgumentParser
import PivotAnimation
import PivotDocument
import PivotPictures

extension PictureCells.Symbols: ExpressibleByArgument {}

/// `pivot-tui frames FILE.gif`: a picture as text frames drawn by chafa, ready to stand in for an image.
struct FramesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames",
        abstract: "Print a GIF (or PNG, JPEG, WebP) converted to the frames format (docs/frames.md).",
        discussion: "Save the output as NAME.frames beside a page to make it the stand-in of an image whose alt text is NAME.")

    static let defaultWidth = 48

    @Argument(help: "The picture to convert.")
    var gif: String

    @Option(help: "Columns of the frames (default 48).")
    var width: Int?

    @Option(help: "Most rows of the frames; the width shrinks to keep the aspect.")
    var height: Int?

    @Option(help: "ascii (characters alone, for any terminal), or blocks, sextants or braille (symbols in 256 colours).")
    var charset: PictureCells.Symbols = .ascii

    func validate() throws {
        if let width, !FramesParser.widthRange.contains(width) { throw ValidationError("--width must be 1 to 200") }
        if let height, !FramesParser.heightRange.contains(height) { throw ValidationError("--height must be 1 to 100") }
    }

    func run() throws {
        do {
            let bytes = try FileReader.read(gif, limit: PictureConverter.gifByteLimit)
            // Without a width, the default unless the rows asked for make it narrower.
            let animation = try PictureConverter.animation(
                from: bytes, columns: width ?? Self.defaultWidth, rows: height ?? FramesParser.heightRange.upperBound,
                symbols: charset, colors: charset == .ascii ? .none : .indexed240)
            PlainOutput.write(FramesWriter.text(animation))
        } catch let error as PictureError {
            Diagnostics.fail("\(gif): \(error)")
        } catch {
            Diagnostics.fail("\(error)")
        }
    }
}
