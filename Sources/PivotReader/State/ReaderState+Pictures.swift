import PivotAnimation
import PivotDocument

/// Pictures the edge draws after the page shows: they take their images' places without
/// moving the text at the top of the page.
extension ReaderState {
    /// The images the edge may draw: those without a frames stand-in, each source once.
    public var pictureSources: [String] {
        PictureRequest.sources(in: document, besides: standIns.filter { !drawnPictureSources.contains($0.key) })
    }

    /// The pictures drawn so far, by source.
    var drawnPictures: [String: Animation] {
        standIns.filter { drawnPictureSources.contains($0.key) }
    }

    /// The reader with `pictures` standing in for their images (replacing those drawn at another
    /// size), and `notes` about the pictures that could not be drawn added to the page's notes.
    public func showingPictures(_ pictures: [String: Animation], notes: [String]) -> ReaderState {
        let newNotes = notes.filter { !document.warnings.contains($0) }
        let changed = pictures.contains { standIns[$0.key] != $0.value }
        guard changed || !newNotes.isEmpty else { return self }
        var next = self
        next.document.warnings += newNotes
        if next.message == nil, let first = newNotes.first {
            next.message = first + (newNotes.count > 1 ? " (i: all notes)" : "")
        }
        guard changed else { return next }
        next.standIns.merge(pictures) { $1 }
        next.drawnPictureSources.formUnion(pictures.keys)
        next.relayout(always: true)
        return next
    }
}
