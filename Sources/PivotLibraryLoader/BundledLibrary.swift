import Glibc

/// A library pivot-tui ships beside itself and loads only when a page needs it (the highlighter,
/// the picture decoders): linked into the binary, each would cost every start its dynamic linking.
public enum BundledLibrary {
    /// The library `fileName` beside the executable (a build folder) or in `../lib/pivot-tui/`
    /// (an install); never from a search path or the environment, which a served reader does not
    /// choose. Only a library whose `versionSymbol` returns `version` (not an old install's).
    public static func open(_ fileName: String, versionSymbol: String, version: Int32,
                            executable: String? = executablePath()) -> UnsafeMutableRawPointer? {
        guard let executable, let slash = executable.lastIndex(of: "/") else { return nil }
        let folder = String(executable[..<slash])
        for candidate in [folder + "/" + fileName, folder + "/../lib/pivot-tui/" + fileName] {
            guard access(candidate, R_OK) == 0, let handle = dlopen(candidate, RTLD_NOW | RTLD_LOCAL) else { continue }
            typealias VersionFunction = @convention(c) () -> Int32
            guard let symbol = dlsym(handle, versionSymbol),
                  unsafeBitCast(symbol, to: VersionFunction.self)() == version else {
                dlclose(handle)
                continue
            }
            return handle
        }
        return nil
    }

    /// A function of a library `open` returned, as the C type `T`.
    public static func function<T>(_ name: String, in handle: UnsafeMutableRawPointer, as type: T.Type) -> T? {
        dlsym(handle, name).map { unsafeBitCast($0, to: type) }
    }

    public static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
