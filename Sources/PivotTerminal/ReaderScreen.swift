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
}

extension CursesScreen: ReaderScreen {
    func show(_ browser: Browser) {
        draw(render(browser))
    }
}
