import PivotAnimation
import PivotDocument

/// The whole page as plain text: every section unfolded, no fold markers, no escape
/// sequences; links listed at the end. What a pipe, a script or a screen reader gets.
public enum PlainText {
    /// Animations show their first frame.
    public static func render(_ document: Document, width: Int, glyphs: Glyphs = .unicode,
                              standIns: [String: Animation] = [:]) -> String {
        let layout = Layout(document: document,
                            options: LayoutOptions(width: width, showsMarkers: false, glyphs: glyphs, colorPanes: false),
                            folds: [],
                            standIns: standIns)
        var output = ""
        if let title = document.title, !document.titleInBody {
            output += title + "\n" + String(repeating: "=", count: min(width, max(1, CellWidth.of(title)))) + "\n\n"
        }
        for line in layout.lines {
            var text = line.text
            while text.hasSuffix(" ") { text.removeLast() }
            output += text + "\n"
        }
        let numbered = document.links.indices.filter { InlineStyling.showsNumber(document.links, $0) }
        if !numbered.isEmpty {
            output += "\nLinks:\n"
            for index in numbered { output += "[\(index + 1)] \(document.links[index].target)\n" }
        }
        return output
    }
}
