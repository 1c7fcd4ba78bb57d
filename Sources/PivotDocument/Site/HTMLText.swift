/// The text of a bit of HTML (a heading's), tags dropped and entities decoded.
enum HTMLText {
    static func plain(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return html }
        var text = ""
        for token in HTMLTokenizer.tokens(html) {
            if case .text(let piece) = token { text += piece }
        }
        return HTMLEntities.decode(text)
    }
}
