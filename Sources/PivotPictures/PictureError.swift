/// Why a picture is shown as its caption only: one line for the page's notes.
public struct PictureError: Error, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
