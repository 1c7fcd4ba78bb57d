import PivotReader

/// Settings written as a config file would hold them: what `--print-config` shows, ready to
/// be saved as config.yml.
public enum SettingsWriter {
    public static func text(_ settings: Settings) -> String {
        var lines = [
            "theme: \(settings.theme.rawValue)",
            "width: \(settings.width)",
            "mouse: \(settings.mouse)",
            "animation: \(settings.animation)",
            "idle-stop: \(settings.idleStop)",
            "percent: \(settings.percent)",
            "linear: \(settings.linear)",
        ]
        let colors = ColorNames.roles.compactMap { entry in
            settings.colors[entry.role].map { "  \(entry.name): \(ColorNames.name(of: $0))" }
        }
        lines += colors.isEmpty ? ["colors: {}"] : ["colors:"] + colors
        let keys = settings.keys.namedBindings.map { "  \($0.action): \(quoted($0.character))" }
        lines += keys.isEmpty ? ["keys: {}"] : ["keys:"] + keys
        return lines.joined(separator: "\n") + "\n"
    }

    /// A key in double quotes, YAML's escapes for the two characters that need them.
    private static func quoted(_ character: Character) -> String {
        let text = character == "\"" || character == "\\" ? "\\\(character)" : String(character)
        return "\"\(text)\""
    }
}
