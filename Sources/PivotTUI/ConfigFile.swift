import Glibc
import PivotConfig
import PivotDocument

/// The edge to the user's config file, `$XDG_CONFIG_HOME/pivot-tui/config.yml` (else
/// `~/.config/pivot-tui/config.yml`). A missing file means the defaults; a bad one too, with a
/// one-line warning. Readers started by the SSH server never read one (`PIVOT_TUI_NO_CONFIG=1`,
/// which the server sets): the server's own user's settings are not its visitors'.
enum ConfigFile {
    struct Loaded {
        var settings = Settings()
        /// The file the settings came from; nil when none was read.
        var path: String?
        var warning: String?
    }

    /// Far more than a config file could need; a larger one is refused.
    static let byteLimit = 1_048_576

    static func load() -> Loaded {
        guard environment("PIVOT_TUI_NO_CONFIG") != "1", let path = path() else { return Loaded() }
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path, limit: byteLimit)
        } catch FileReadError.missing {
            return Loaded()
        } catch {
            return Loaded(warning: "\(error); using the default settings")
        }
        do {
            return Loaded(settings: try SettingsParser.parse(String(decoding: bytes, as: UTF8.self)), path: path)
        } catch {
            return Loaded(warning: "\(path): \(error); using the default settings")
        }
    }

    /// Where the file is looked for, as the XDG base directory rules say; nil without a home.
    static func path() -> String? {
        if let folder = environment("XDG_CONFIG_HOME"), folder.hasPrefix("/") {
            return folder + "/pivot-tui/config.yml"
        }
        guard let home = environment("HOME"), !home.isEmpty else { return nil }
        return home + "/.config/pivot-tui/config.yml"
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
