import ArgumentParser
import Glibc

/// `pivot-tui serve …` runs `pivot-tui-server`, installed beside this program: the SSH server
/// and its network stack stay out of the reader, which every session starts.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the page over SSH (see `pivot-tui serve --help`).")

    @Argument(parsing: .captureForPassthrough, help: "The server's options; --help lists them.")
    var options: [String] = []

    func run() throws {
        let server = Self.siblingPath("pivot-tui-server")
        let argv = [server] + options
        var cArguments = argv.map { strdup($0) } + [nil]
        execv(server, &cArguments)
        Diagnostics.fail("serve: cannot run \(server): \(String(cString: strerror(errno)))")
    }

    /// A program installed in the same folder as this one.
    static func siblingPath(_ name: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let this = count > 0 ? String(cString: buffer) : CommandLine.arguments[0]
        let folder = this.lastIndex(of: "/").map { String(this[..<$0]) } ?? "."
        return folder + "/" + name
    }
}
