import PivotDocument
import PivotReader
import PivotTerminal

/// The config file's text (YAML, read with the project's libyaml reader) as `Settings`. Any
/// mistake makes the whole file fail, with the line it is on: a half-read file would leave the
/// reader set up in a way the user did not write.
public enum SettingsParser {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// The line of the mistake (1-based), when one is known.
        public var line: Int?
        public var message: String
        public var description: String { line.map { "line \($0): \(message)" } ?? message }
    }

    public static func parse(_ text: String) throws -> Settings {
        let root: YAMLValue
        do {
            root = try YAMLReader.read(text)
        } catch {
            // libyaml's own message names the line and column.
            throw Failure(line: nil, message: "\(error)")
        }
        var settings = Settings()
        if root == .null { return settings }
        guard case .mapping(let pairs) = root else { throw Failure(line: 1, message: "expected settings as `name: value` lines") }
        let lines = KeyLines(text)
        for (key, value) in pairs {
            let line = lines.line(of: key)
            func fail(_ message: String) -> Failure { Failure(line: line, message: message) }
            switch key {
            case "theme":
                guard let theme = value.string.flatMap(ThemeName.init(rawValue:)) else { throw fail("theme must be dark or light") }
                settings.theme = theme
            case "width":
                guard let width = value.string.flatMap({ Int($0) }), Settings.widthRange.contains(width) else {
                    throw fail("width must be a number from 20 to 1000")
                }
                settings.width = width
            case "mouse", "animation", "linear", "percent":
                guard let on = value.string.flatMap(boolean) else { throw fail("\(key) must be true or false") }
                switch key {
                case "mouse": settings.mouse = on
                case "animation": settings.animation = on
                case "percent": settings.percent = on
                default: settings.linear = on
                }
            case "idle-stop":
                guard let seconds = value.string.flatMap({ Int($0) }), Settings.idleStopRange.contains(seconds) else {
                    throw fail("idle-stop must be 1 to 86400 seconds")
                }
                settings.idleStop = seconds
            case "colors":
                try readColors(value, into: &settings, lines: lines, sectionLine: line)
            case "keys":
                try readKeys(value, into: &settings, lines: lines, sectionLine: line)
            default:
                throw fail("unknown setting \"\(key)\" (known: theme, width, mouse, animation, idle-stop, percent, linear, colors, keys)")
            }
        }
        return settings
    }

    private static func readColors(_ value: YAMLValue, into settings: inout Settings, lines: KeyLines, sectionLine: Int?) throws {
        guard case .mapping(let pairs) = value else {
            throw Failure(line: sectionLine, message: "colors must list roles, as `heading: blue`")
        }
        for (name, choice) in pairs {
            let line = lines.line(of: name, after: sectionLine)
            guard let role = ColorNames.roles.first(where: { $0.name == name })?.role else {
                throw Failure(line: line, message: "unknown role \"\(name)\" (known: \(ColorNames.roles.map(\.name).joined(separator: ", ")))")
            }
            guard let color = choice.string.flatMap(ColorNames.color) else {
                throw Failure(line: line, message: "\(name): a colour is a name (\(ColorNames.colors.joined(separator: ", "))) or a number from 0 to 255")
            }
            settings.colors[role] = color
        }
    }

    private static func readKeys(_ value: YAMLValue, into settings: inout Settings, lines: KeyLines, sectionLine: Int?) throws {
        guard case .mapping(let pairs) = value else {
            throw Failure(line: sectionLine, message: "keys must list actions, as `down: e`")
        }
        for (action, choice) in pairs {
            let line = lines.line(of: action, after: sectionLine)
            // One visible character: space, controls and escape already mean something to the reader.
            guard let text = choice.string, text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first,
                  scalar.value > 0x20, scalar.value != 0x7F, let character = text.first else {
                throw Failure(line: line, message: "\(action): a key is one character, as \"e\"")
            }
            guard settings.keys.bind(character, to: action) else {
                throw Failure(line: line, message: "unknown action \"\(action)\" (known: \(KeyMap.actions.map(\.name).joined(separator: ", ")))")
            }
        }
    }

    private static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}
