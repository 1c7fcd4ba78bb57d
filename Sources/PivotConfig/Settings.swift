import PivotReader
import PivotTerminal

/// The reader's settings a user may keep in the config file; each starts at the command
/// line's default. The command line overrides them (`ReadRequest`).
public struct Settings: Equatable, Sendable {
    public var theme: ThemeName = .dark
    public var width = 80
    public var mouse = true
    public var animation = true
    /// Seconds without a key after which animations stop.
    public var idleStop = 120
    /// A percentage in the status line between the page's ends, rewritten on every scroll.
    public var percent = false
    /// The screen-reader mode: lines that follow each other, no full screen, no animation.
    public var linear = false
    /// Foreground colours for some roles, by palette number (0-255).
    public var colors: [ColorRole: Int16] = [:]
    public var keys = KeyMap()

    public static let widthRange = 20...1000
    public static let idleStopRange = 1...86_400

    public init() {}
}
