import PivotConfig
import PivotReader
import PivotTerminal
import XCTest

/// The config file's text into settings: every setting, and mistakes named by their line.
final class SettingsParserTests: XCTestCase {
    func testEverySettingIsRead() throws {
        let settings = try SettingsParser.parse("""
            # my reader
            theme: light
            width: 72
            mouse: false
            animation: off
            idle-stop: 30
            percent: yes
            colors:
              heading: magenta
              link: 33
            keys:
              down: e
              quit: "x"
            """)
        XCTAssertEqual(settings.theme, .light)
        XCTAssertEqual(settings.width, 72)
        XCTAssertFalse(settings.mouse)
        XCTAssertFalse(settings.animation)
        XCTAssertEqual(settings.idleStop, 30)
        XCTAssertTrue(settings.percent)
        XCTAssertEqual(settings.colors, [.heading: 5, .link: 33])
        XCTAssertEqual(settings.keys.translated(.character("e")), .character("j"))
        XCTAssertEqual(settings.keys.translated(.character("x")), .character("q"))
        XCTAssertEqual(settings.keys.translated(.character("j")), .character("j"), "the default key keeps working")
    }

    func testAnEmptyFileIsTheDefaults() throws {
        XCTAssertEqual(try SettingsParser.parse(""), Settings())
        XCTAssertEqual(try SettingsParser.parse("# nothing yet\n"), Settings())
    }

    func testMistakesNameTheirLine() {
        let cases: [(text: String, line: Int?, words: String)] = [
            ("theme: light\nwidth: 5\n", 2, "width must be"),
            ("theme: blue\n", 1, "theme must be dark or light"),
            ("width: 70\nmouse: sometimes\n", 2, "mouse must be true or false"),
            ("colors:\n  heading: blue\n  sidebar: red\n", 3, "unknown role \"sidebar\""),
            ("colors:\n  heading: 300\n", 2, "a colour is a name"),
            ("keys:\n  down: ee\n", 2, "a key is one character"),
            ("keys:\n  jump: e\n", 2, "unknown action \"jump\""),
            ("theme: dark\nfont: mono\n", 2, "unknown setting \"font\""),
            ("idle-stop: 0\n", 1, "idle-stop must be"),
        ]
        for (text, line, words) in cases {
            XCTAssertThrowsError(try SettingsParser.parse(text), text) { error in
                guard let failure = error as? SettingsParser.Failure else { return XCTFail("\(error)") }
                XCTAssertEqual(failure.line, line, text)
                XCTAssertTrue(failure.description.contains(words), "\(text): \(failure)")
                XCTAssertFalse(failure.description.contains("\n"), "one line: \(failure)")
            }
        }
    }

    func testBrokenYAMLNamesItsLine() {
        XCTAssertThrowsError(try SettingsParser.parse("theme: dark\nwidth: [80\n")) { error in
            XCTAssertTrue("\(error)".contains("line 3") || "\(error)".contains("line 2"), "\(error)")
        }
    }

    func testWrittenSettingsReadBackTheSame() throws {
        var settings = Settings()
        settings.theme = .light
        settings.width = 100
        settings.animation = false
        settings.colors = [.codeKeyword: 2, .quote: 244]
        XCTAssertTrue(settings.keys.bind("\"", to: "search"))
        XCTAssertTrue(settings.keys.bind("e", to: "down"))
        let text = SettingsWriter.text(settings)
        XCTAssertTrue(text.contains("code-keyword: green"), text)
        XCTAssertEqual(try SettingsParser.parse(text), settings)
        XCTAssertEqual(try SettingsParser.parse(SettingsWriter.text(Settings())), Settings())
    }
}
