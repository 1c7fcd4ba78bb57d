import PivotLibraryLoader

/// The C++ shim around GNU Source-highlight (`libpivot-highlight.so`, target CSourceHighlight),
/// loaded the first time a page has code: linked into pivot-tui, the library, Boost.Regex and ICU
/// would cost every start 4.8 million instructions of dynamic linking, pages without code too.
final class SourceHighlightLibrary: @unchecked Sendable {
    typealias TokenCallback = @convention(c) (UnsafeMutableRawPointer?, UInt32, UInt32, UInt32, UnsafePointer<CChar>?) -> Void
    typealias HighlightFunction = @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int,
                                                  Int, Double, TokenCallback?, UnsafeMutableRawPointer?) -> Int32

    static let fileName = "libpivot-highlight.so"
    /// PIVOT_HIGHLIGHT_VERSION of the shim this code calls: another (an old install) is not used.
    static let interfaceVersion: Int32 = 1

    let highlight: HighlightFunction

    private init(highlight: HighlightFunction) {
        self.highlight = highlight
    }

    static func load() -> SourceHighlightLibrary? {
        guard let handle = BundledLibrary.open(fileName, versionSymbol: "pivot_highlight_version", version: interfaceVersion),
              let highlight = BundledLibrary.function("pivot_highlight_code", in: handle, as: HighlightFunction.self)
        else { return nil }
        return SourceHighlightLibrary(highlight: highlight)
    }
}
