// The hostile corpus of the hardening tests: page text that tries to reach the terminal.
//
// Shared by the document, reader and end-to-end tests through this test-support target.
// It uses the standard library only.

public enum HostileCorpus {
    public struct Payload: Sendable {
        public let name: String
        public let text: String
    }

    /// Escape and control sequences as raw page text. None holds a line end, so each can sit
    /// inside a heading, a table cell or a list item without changing the page's structure.
    public static let sequences: [Payload] = [
        Payload(name: "CSI clear screen", text: "\u{1B}[2J"),
        Payload(name: "CSI red", text: "\u{1B}[31m"),
        Payload(name: "CSI cursor home", text: "\u{1B}[H"),
        Payload(name: "OSC window title, BEL", text: "\u{1B}]0;pwned-title\u{07}"),
        Payload(name: "OSC 52 clipboard", text: "\u{1B}]52;c;cHduZWQ=\u{07}"),
        Payload(name: "OSC 8 hyperlink, ST", text: "\u{1B}]8;;https://evil.example/\u{1B}\\click\u{1B}]8;;\u{1B}\\"),
        Payload(name: "DCS", text: "\u{1B}P+q544e\u{1B}\\"),
        Payload(name: "APC", text: "\u{1B}_apc\u{1B}\\"),
        Payload(name: "PM", text: "\u{1B}^pm\u{1B}\\"),
        Payload(name: "SOS", text: "\u{1B}Xsos\u{1B}\\"),
        Payload(name: "C1 CSI", text: "\u{9B}2J"),
        Payload(name: "C1 OSC, C1 ST", text: "\u{9D}0;pwned-c1\u{9C}"),
        Payload(name: "C1 DCS", text: "\u{90}q\u{9C}"),
        Payload(name: "C1 NEL, IND, RI", text: "\u{85}\u{84}\u{8D}"),
        Payload(name: "BEL", text: "ding\u{07}"),
        Payload(name: "backspace overstrike", text: "a\u{08}b_\u{08}c"),
        Payload(name: "DEL", text: "x\u{7F}y"),
        Payload(name: "VT, FF, SO, SI", text: "v\u{0B}f\u{0C}s\u{0E}i\u{0F}"),
        Payload(name: "RLO", text: "\u{202E}desrever"),
        Payload(name: "LRI, PDI", text: "\u{2066}isolate\u{2069}"),
        Payload(name: "RLE, PDF", text: "\u{202B}embed\u{202C}"),
        Payload(name: "ALM, LRM, RLM", text: "\u{061C}m\u{200E}m\u{200F}"),
    ]

    /// The same kinds of sequence written as HTML character references, which cmark-gfm
    /// (Markdown text, link targets) and our HTML tokenizer (raw HTML) decode.
    public static let entities: [Payload] = [
        Payload(name: "&#27; CSI", text: "&#27;[2J"),
        Payload(name: "&#x1b; OSC title", text: "&#x1b;]0;pwned-entity&#7;"),
        Payload(name: "&#x1B; DCS", text: "&#x1B;P1$r&#x1b;&#92;"),
        Payload(name: "&#x9b; C1 CSI", text: "&#x9b;31m"),
        Payload(name: "&#155; C1 CSI", text: "&#155;2J"),
        Payload(name: "&#x9d; C1 OSC", text: "&#x9d;52;c;QUFB&#x9c;"),
        Payload(name: "&#8; backspace", text: "a&#8;b"),
        Payload(name: "&#127; DEL", text: "d&#127;"),
        Payload(name: "&#x202e; RLO", text: "&#x202e;rlo"),
        Payload(name: "&#x2066; LRI", text: "&#x2066;lri"),
        Payload(name: "&#0; NUL", text: "n&#0;n"),
        Payload(name: "&#13; CR", text: "c&#13;r"),
    ]

    /// Every raw sequence, one after the other.
    public static var raw: String { sequences.map(\.text).joined(separator: " ") }
    /// Every entity payload, one after the other.
    public static var encoded: String { entities.map(\.text).joined(separator: " ") }

    /// Raw bytes that are not UTF-8: C1 controls as single bytes (0x9B is CSI to an 8-bit
    /// terminal), overlong forms, a lone surrogate, truncated sequences, 0xFE/0xFF, and code
    /// points above U+10FFFF. Each must become U+FFFD.
    public static let invalidUTF8: [(name: String, bytes: [UInt8])] = [
        ("raw C1 CSI byte", [0x9B, 0x32, 0x4A]),
        ("raw C1 OSC and ST bytes", [0x9D, 0x30, 0x3B, 0x74, 0x9C]),
        ("raw C1 DCS, NEL bytes", [0x90, 0x71, 0x85]),
        ("overlong slash", [0xC0, 0xAF]),
        ("overlong ESC", [0xC0, 0x9B]),
        ("three-byte overlong", [0xE0, 0x80, 0xAF]),
        ("four-byte overlong", [0xF0, 0x80, 0x80, 0xAF]),
        ("lone high surrogate", [0xED, 0xA0, 0x80]),
        ("lone low surrogate", [0xED, 0xBF, 0xBF]),
        ("truncated three-byte", [0xE2, 0x82]),
        ("truncated four-byte", [0xF0, 0x9F, 0x98]),
        ("0xFF and 0xFE", [0xFF, 0xFE]),
        ("five-byte form", [0xF8, 0x88, 0x80, 0x80, 0x80]),
        ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("lone continuation bytes", [0x80, 0xBF]),
    ]

    // MARK: - Escaping for each place

    /// Text that Markdown takes literally: every ASCII punctuation character backslash-escaped.
    public static func markdownLiteral(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, isPunctuation(UInt8(scalar.value)) { result += "\\" }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Entity payloads inside link text or image alt, where a bare bracket would end the text.
    public static func bracketSafe(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "[" || character == "]" { result += "\\" }
            result.append(character)
        }
        return result
    }

    /// A YAML double-quoted scalar holding `text` exactly, controls written as `\uXXXX`
    /// escapes (libyaml refuses raw control characters but decodes escapes into them).
    public static func yamlQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if scalar == "\"" || scalar == "\\" {
                result += "\\" + String(scalar)
            } else if value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(value) {
                let digits = String(value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Scalars a terminal may act on: C0 controls (line feed allowed only where `allowingNewline`),
    /// DEL, C1 controls, and bidirectional formatting controls.
    public static func forbiddenScalars(in text: String, allowingNewline: Bool = false) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { value in
            if value == 0x0A { return !allowingNewline }
            return value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(value)
        }
    }

    public static func isBidiControl(_ value: UInt32) -> Bool {
        value == 0x061C || value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }

    // MARK: - Pages

    /// A page carrying the raw sequences and the entity payloads in every place a page can
    /// carry text: front matter (keys, values, title, lists, nested maps), headings (ATX,
    /// setext, HTML), paragraphs, emphasis, strike, inline code, code blocks (fenced, indented,
    /// Liquid highlight), link text and targets, autolinks, image alt and source, footnotes,
    /// table cells, list lead words, task items, quotes, HTML blocks and inline HTML (text
    /// and attributes), Liquid output (resolved, unresolved, site values) and Liquid tags.
    public static var page: String {
        let raw = self.raw
        let literal = markdownLiteral(raw)
        let encoded = self.encoded
        let encodedInBrackets = bracketSafe(encoded)
        var lines: [String] = []
        lines += [
            "---",
            "title: " + yamlQuoted("Hostile title " + raw),
            "description: " + yamlQuoted(raw),
            yamlQuoted("key " + raw) + ": plain value",
            "tags: [" + yamlQuoted(raw) + ", second]",
            "nested:",
            "  inner: " + yamlQuoted(raw),
            "permalink: " + yamlQuoted("/p/" + raw),
            "---",
            "",
            "# Heading raw " + literal,
            "",
            "Paragraph with raw sequences, unescaped: " + raw,
            "",
            "Paragraph with entities: " + encoded,
            "",
            "Emphasis *em " + literal + "* and **strong " + literal + "** and ~~strike " + literal + "~~.",
            "",
            "Inline code `code " + raw + "` and entities in code `" + encoded + "`.",
            "",
            "## Heading entities " + encoded,
            "",
            "Links: [link text " + literal + "](<https://example.org/" + markdownLiteral(raw) + ">) and "
                + "[entity link " + encodedInBrackets + "](https://example.org/" + encoded.replacingSpaces() + ") and "
                + "<https://example.org/auto" + encoded.replacingSpaces() + "> and https://example.org/bare&#27;x and "
                + "an inline image ![inline alt " + literal + "](<img" + markdownLiteral(raw) + ".png>).",
            "",
            "![alt " + literal + "](<img" + markdownLiteral(raw) + ".png>)",
            "",
            "![alt entities " + encodedInBrackets + "](img" + encoded.replacingSpaces() + ".png \"title " + encoded + "\")",
            "",
            "A footnote[^note] here.",
            "",
            "[^note]: Footnote text " + literal + " " + encoded,
            "",
            "```lang" + raw.replacingSpaces(),
            "fenced code " + raw,
            "entities stay literal " + encoded,
            "```",
            "",
            "    indented code " + raw,
            "",
            "The lead words introduce the items below:",
            "",
        ]
        for (index, payload) in (sequences + entities).enumerated() {
            let lead = payload.text.contains("&#") ? bracketSafe(payload.text) : markdownLiteral(payload.text)
            lines.append("- **w\(index) " + lead + "**: item " + lead)
        }
        lines += [
            "",
            "Tasks:",
            "",
            "- [x] task " + literal,
            "- [ ] task " + encoded,
            "",
            "1. ordered " + literal,
            "2. ordered " + encoded,
            "",
            "> quote " + literal,
            ">",
            "> - **q1 " + markdownLiteral("\u{1B}[5m") + "**: quoted lead word",
            "> - **q2**: " + encoded,
            "",
            "| head " + literal + " | head " + encoded + " |",
            "|---|---|",
            "| cell " + literal + " | cell " + encoded + " |",
            "",
            "<div class=\"" + raw + "\">",
            "<h3>html heading " + raw + " " + encoded + "</h3>",
            "<p>html paragraph " + raw + " " + encoded + " <a href=\"https://example.org/" + raw + encoded + "\">html link "
                + raw + "</a>",
            "<img alt=\"html alt " + raw + " " + encoded + "\" src=\"pic" + raw + encoded + ".png\"> <b title=\"" + raw
                + "\">bold " + raw + "</b> <code>" + encoded + "</code></p>",
            "<pre>pre " + raw,
            "pre entities " + encoded + "</pre>",
            "<script>hidden " + raw + "</script>",
            "<!-- comment " + raw + " -->",
            "</div>",
            "",
            "Inline <b>html " + raw + "</b> <span title=\"" + encoded + "\">" + encoded + "</span> <a href=\""
                + encoded + "\">anchor " + encoded + "</a> <img alt=\"" + encoded + "\" src=\"" + raw + "\"><br>after.",
            "",
            "Liquid: {{ page.description }} and {{ page.title }} and {{ site.evil }} and {{ page.missing"
                + raw.replacingSpaces() + " }} and {% evil" + raw.replacingSpaces() + " %} and "
                + "{% raw %}{{ raw " + raw + " }}{% endraw %} and [liquid link]({{ page.permalink }}).",
            "",
            "{% highlight ruby" + raw.replacingSpaces() + " %}",
            "highlighted " + raw,
            "{{ page.description }}",
            "{% endhighlight %}",
            "",
            "Setext heading " + literal,
            "------------------------",
            "",
            "A carriage return alone: safe\rEVIL and CRLF\r\nends a line.",
            "",
            "Last words.",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// `page` as bytes, with a paragraph and a heading of raw bytes that are not UTF-8.
    public static var pageBytes: [UInt8] {
        var bytes = Array(page.utf8)
        bytes += Array("\n## Raw bytes ".utf8) + [0x9B] + Array("31m heading\n\nInvalid UTF-8:".utf8)
        for sample in invalidUTF8 { bytes += Array(" \(sample.name) <".utf8) + sample.bytes + Array(">".utf8) }
        bytes += Array("\n".utf8)
        return bytes
    }

    /// The marks that stand for the controls of `raw` once the page is made safe.
    public static let placeholders: [String] = ["\u{241B}", "\u{2407}", "\u{2408}", "\u{2421}", "\u{FFFD}"]
}

extension String {
    /// Spaces as underscores, for payloads in places where a space ends the text (a URL).
    fileprivate func replacingSpaces() -> String {
        String(map { $0 == " " ? "_" : $0 })
    }
}
