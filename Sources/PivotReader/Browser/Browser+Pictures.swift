import PivotAnimation
import PivotDocument

/// Which pictures a request was for: the page load, the part of the page, the box.
struct PictureKey: Equatable {
    var generation: Int
    var part: PagePart
    var box: PictureBox
}

/// A page's pictures are drawn by the edge after the page shows (decoding is slow): asked for
/// when a page, or a part of a large one, opens, and again when a resize changes their box.
extension Browser {
    /// The effect that asks for the open page's pictures, when it has not been asked already.
    mutating func askForPictures() -> [Effect] {
        guard let reader else { return [] }
        let box = PictureBox(readingWidth: reader.layout.options.width, windowHeight: reader.windowSize.height)
        let key = PictureKey(generation: generation, part: reader.part, box: box)
        guard askedPictures?.key != key else { return [] }
        let sources = reader.pictureSources
        let request = sources.isEmpty ? nil : PictureRequest(path: path, sources: sources, box: box,
                                                                  asciiOnly: reader.settings.glyphs == .ascii, generation: generation)
        askedPictures = (key, request)
        return request.map { [.drawPictures($0)] } ?? []
    }

    /// The edge's pictures, shown when they answer the latest request.
    mutating func show(_ drawn: DrawnPictures, for request: PictureRequest) {
        guard askedPictures?.request == request, let current = reader else { return }
        reader = current.showingPictures(drawn.pictures, notes: drawn.notes)
    }
}
