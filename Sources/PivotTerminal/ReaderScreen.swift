import PivotReader

/// Where the session shows the browser and reads keys from: the full screen (`CursesScreen`)
/// or the lines of the screen-reader mode (`LinearScreen`).
protocol ReaderScreen: AnyObject {
    var size: Size { get }
    var inputDescriptor: Int32 { get }
    func show(_ browser: Browser)
    /// Takes the terminal's new size (after SIGWINCH).
    func adoptWindowSize()
    /// Shows everything again at the next `show` (Ctrl-L).
    func invalidate()
    func close()
    /// How pictures are drawn here; nil: not at all (their captions stand for them).
    func pictureStyle(mayAskTerminal: Bool) -> PictureStyle?
    /// The pixels of the pictures drawn last (sixel or kitty bytes, by source), where they show.
    func showPixels(_ pixels: [String: [UInt8]])
}

extension CursesScreen: ReaderScreen {
    func show(_ browser: Browser) {
        draw(render(browser))
    }

    func showPixels(_ pixels: [String: [UInt8]]) {
        graphicsWriter?.replace(pixels)
    }
}
