import PivotAnimation
import PivotDocument

/// The whole page as plain text: every section unfolded, no fold markers, no escape
/// sequences; links listed at the end. What a pipe, a script or a screen reader gets.
/// A page read in pieces is written a piece at a time: `title`, each piece's `body`, then
/// `links` with every piece's `linkLines`.
public enum PlainText {
    /// Animations show their first frame.
    public static func render(_ document: Document, width: Int, glyphs: Glyphs = .unicode,
                              standIns: [String: Animation] = [:]) -> String {
        title(of: document, width: width) + body(of: document, width: width, glyphs: glyphs, standIns: standIns)
            + links(linkLines(of: document))
    }

    /// The page's title, underlined, when it is not a heading of the body.
    public static func title(of document: Document, width: Int) -> String {
        guard let title = document.title, !document.titleInBody else { return "" }
        return title + "\n" + String(repeating: "=", count: min(width, max(1, CellWidth.of(title)))) + "\n\n"
    }

    /// The page's lines, without its title or its links. `continuing`: the document is a piece
    /// after others, so it starts with the blank line that parts it from them in the whole page.
    public static func body(of document: Document, width: Int, glyphs: Glyphs = .unicode,
                            standIns: [String: Animation] = [:], continuing: Bool = false) -> String {
        let units = LayoutUnits(document: document, folds: [])
        let layout = Layout(document: document,
                            options: LayoutOptions(width: width, showsMarkers: false, glyphs: glyphs, colorPanes: false),
                            folds: [], standIns: standIns, units: units, window: 0..<units.count)
        var output = continuing && units.count > 0 && units[0].separator != nil ? "\n" : ""
        for line in layout.lines {
            var text = line.text
            while text.hasSuffix(" ") { text.removeLast() }
            output += text + "\n"
        }
        return output
    }

    /// "[n] target" for each link shown with a number, numbered as within the whole page.
    public static func linkLines(of document: Document) -> [String] {
        document.links.indices.filter { InlineStyling.showsNumber(document.links, $0) }.map { index in
            "[\(index + 1 + document.linkNumberOffset)] \(document.links[index].target)"
        }
    }

    /// The list of links that ends the text (nothing when there are none).
    public static func links(_ lines: [String]) -> String {
        lines.isEmpty ? "" : "\nLinks:\n" + lines.map { $0 + "\n" }.joined()
    }
}
