import Glibc

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

    /// The library beside the executable (a build folder) or in `../lib/pivot-tui/` (an install);
    /// never from a search path or the environment, which a served reader does not choose.
    static func load(executable: String? = executablePath()) -> SourceHighlightLibrary? {
        guard let executable, let slash = executable.lastIndex(of: "/") else { return nil }
        let folder = String(executable[..<slash])
        for candidate in [folder + "/" + fileName, folder + "/../lib/pivot-tui/" + fileName] {
            guard access(candidate, R_OK) == 0, let handle = dlopen(candidate, RTLD_NOW | RTLD_LOCAL) else { continue }
            typealias VersionFunction = @convention(c) () -> Int32
            guard let version = dlsym(handle, "pivot_highlight_version"),
                  unsafeBitCast(version, to: VersionFunction.self)() == interfaceVersion,
                  let symbol = dlsym(handle, "pivot_highlight_code") else {
                dlclose(handle)
                continue
            }
            return SourceHighlightLibrary(highlight: unsafeBitCast(symbol, to: HighlightFunction.self))
        }
        return nil
    }

    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
