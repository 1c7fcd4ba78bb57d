import PivotTestSupport
import XCTest
@testable import PivotDocument

/// The hostile corpus through the parser: whatever a page holds, every string of the
/// `Document` is safe to put on a terminal (no C0 control but the line feed of code and line
/// breaks, no DEL, no C1 control, no bidirectional control), and controls show as visible
/// placeholders rather than vanishing.
final class HostileDocumentTests: XCTestCase {
    /// A site whose `_config.yml` values and permalinks are hostile too.
    private struct HostileSite: SiteContext {
        func permalink(forPath path: String) -> String? { "/linked/" + HostileCorpus.raw }
        func value(forKey key: String) -> String? { "site value " + HostileCorpus.raw }
    }

    private func document(_ bytes: [UInt8], site: SiteContext? = HostileSite()) throws -> Document {
        PageParser.document(from: try PageSource.text(from: bytes), site: site)
    }

    func testTheHostilePageIsNotMistakenForBinary() throws {
        XCTAssertNoThrow(try PageSource.text(from: HostileCorpus.pageBytes))
    }

    func testEveryStringOfTheHostileDocumentIsSafe() throws {
        let document = try document(HostileCorpus.pageBytes)
        let strings = Self.allStrings(of: document)
        XCTAssertGreaterThan(strings.count, 100, "the walk should reach every part of the page")
        var failures: [String] = []
        for (place, text, newlineAllowed) in strings {
            let bad = HostileCorpus.forbiddenScalars(in: text, allowingNewline: newlineAllowed)
            if !bad.isEmpty {
                failures.append("\(place): \(bad.map { "U+" + String($0, radix: 16) }) in \(text.debugDescription)")
            }
        }
        XCTAssertTrue(failures.isEmpty, "unsafe strings:\n" + failures.joined(separator: "\n"))
    }

    /// The payload reached each place (so the test above looked at something), as placeholders.
    func testPayloadsArriveInEveryPlaceAsPlaceholders() throws {
        let document = try document(HostileCorpus.pageBytes)
        let escape = "\u{241B}"
        XCTAssertTrue(document.title?.contains("Hostile title \(escape)[2J") == true, document.title ?? "no title")
        let metadata = Dictionary(document.metadata.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        XCTAssertTrue(metadata["description"]?.contains("\(escape)]0;pwned-title\u{2407}") == true, "\(metadata)")
        XCTAssertTrue(metadata.keys.contains { $0.hasPrefix("key \(escape)[2J") }, "\(metadata.keys)")
        XCTAssertTrue(metadata["tags"]?.contains("\(escape)[31m") == true, "\(metadata)")
        XCTAssertTrue(metadata["nested"]?.contains("inner: \(escape)[2J") == true, "\(metadata)")

        let strings = Self.allStrings(of: document).map(\.text)
        func expect(_ needle: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertTrue(strings.contains { $0.contains(needle) }, "\(what): no string holds \(needle.debugDescription)",
                          file: file, line: line)
        }
        expect("Heading raw \(escape)[2J", "ATX heading")
        expect("Heading entities \(escape)[2J", "heading with entities")
        expect("Setext heading \(escape)[2J", "setext heading")
        expect("html heading \(escape)[2J", "HTML heading")
        expect("unescaped: \(escape)[2J", "paragraph")
        expect("entities: \(escape)[2J", "paragraph with &#27;")
        expect("\(escape)]0;pwned-entity\u{2407}", "&#x1b; and &#7;")
        expect("\u{FFFD}31m", "&#x9b;")
        expect("\u{FFFD}2J", "&#155; and raw U+009B")
        expect("a\u{2408}b_\u{2408}c", "backspace overstrike")
        expect("x\u{2421}y", "DEL")
        expect("em \(escape)[2J", "emphasis")
        expect("strong \(escape)[2J", "strong")
        expect("strike \(escape)[2J", "strikethrough")
        expect("code \(escape)[2J", "inline code")
        expect("fenced code \(escape)[2J", "fenced code block")
        expect("indented code \(escape)[2J", "indented code block")
        expect("highlighted \(escape)[2J", "Liquid highlight block")
        expect("link text \(escape)[2J", "link text")
        expect("https://example.org/\(escape)[2J", "link target")
        expect("alt \(escape)[2J", "image alt")
        expect("img\(escape)[2J", "image source")
        expect("inline alt \(escape)[2J", "inline image alt")
        expect("alt entities \(escape)[2J", "image alt with entities")
        expect("Footnote text \(escape)[2J", "footnote")
        expect("task \(escape)[2J", "task item")
        expect("ordered \(escape)[2J", "ordered item")
        expect("quote \(escape)[2J", "block quote")
        expect("head \(escape)[2J", "table header")
        expect("cell \(escape)[2J", "table cell")
        expect("html paragraph \(escape)[2J", "HTML block text")
        expect("html alt \(escape)[2J", "HTML img alt")
        expect("https://example.org/\(escape)[2J \(escape)[31m", "HTML a href")
        expect("bold \(escape)[2J", "HTML inline style")
        expect("pre \(escape)[2J", "HTML pre")
        expect("html \(escape)[2J", "inline HTML")
        expect("anchor \(escape)[2J", "inline HTML link text")
        expect("Liquid: \(escape)[2J", "Liquid page variable")
        expect("site value \(escape)[2J", "Liquid site variable")
        expect("raw \(escape)[2J", "Liquid raw block")
        expect("page.missing\(escape)[2J", "unresolved Liquid variable")
        expect("Raw bytes \u{FFFD}31m heading", "raw 0x9B byte")
        XCTAssertFalse(strings.contains { $0.contains("hidden") }, "script content must vanish")
        XCTAssertTrue(document.warnings.contains { $0.contains("evil\(escape)") }, "Liquid tag note: \(document.warnings)")

        // Lead words carrying payloads still make sections, titled with placeholders.
        let leadTitles = document.sections.filter { $0.kind == .item }.map(\.title)
        XCTAssertGreaterThanOrEqual(leadTitles.count, HostileCorpus.sequences.count + HostileCorpus.entities.count,
                                    "lead-word items: \(leadTitles)")
        XCTAssertTrue(leadTitles.contains("w0 \(escape)[2J"), "\(leadTitles)")
        XCTAssertTrue(document.sections.contains { $0.title.contains("html heading") }, "HTML heading section")
    }

    /// Each raw sequence and each entity alone, in each kind of place: the smallest pages, so
    /// a failure names the sequence and the place.
    func testEachPayloadInEachPlaceAlone() throws {
        let places: [(String, (String) -> String)] = [
            ("title", { "---\ntitle: \(HostileCorpus.yamlQuoted($0))\n---\n\ntext\n" }),
            ("heading", { "# h \($0)\n\ntext\n" }),
            ("paragraph", { "p \($0) p\n" }),
            ("emphasis", { "*e \(HostileCorpus.markdownLiteral($0))*\n" }),
            ("code span", { "`c \($0)`\n" }),
            ("code block", { "```\n\($0)\n```\n" }),
            ("link", { "[t \(HostileCorpus.bracketSafe($0))](<https://x.example/\(HostileCorpus.markdownLiteral($0))>)\n" }),
            ("image", { "![a \(HostileCorpus.bracketSafe($0))](<i\(HostileCorpus.markdownLiteral($0))>)\n" }),
            ("table", { "| a \(HostileCorpus.markdownLiteral($0)) | b |\n|---|---|\n| \($0) | d |\n" }),
            ("lead word", { "Intro:\n\n- **\(HostileCorpus.markdownLiteral($0))**: one\n- **two**: \($0)\n" }),
            ("html block", { "<div title=\"\($0)\">\n<h2>\($0)</h2><a href=\"\($0)\">\($0)</a><img alt=\"\($0)\">\n</div>\n" }),
            ("inline html", { "x <i>\($0)</i> <a href=\"\($0)\">a</a> <img alt=\"\($0)\" src=\"\($0)\">\n" }),
            ("liquid", { "---\nv: \(HostileCorpus.yamlQuoted($0))\n---\n\n{{ page.v }} {{ x\($0) }}\n" }),
        ]
        var failures: [String] = []
        for payload in HostileCorpus.sequences + HostileCorpus.entities {
            for (place, make) in places {
                // Plain words around the payload: a page made mostly of controls reads as binary.
                let padding = "\n\n" + String(repeating: "Plain words around the payload. ", count: 8) + "\n"
                let document = try document(Array((make(payload.text) + padding).utf8))
                for (spot, text, newlineAllowed) in Self.allStrings(of: document) {
                    let bad = HostileCorpus.forbiddenScalars(in: text, allowingNewline: newlineAllowed)
                    if !bad.isEmpty { failures.append("\(payload.name) in \(place) (\(spot)): \(text.debugDescription)") }
                }
            }
        }
        XCTAssertTrue(failures.isEmpty, failures.joined(separator: "\n"))
    }

    /// Raw controls in YAML are refused by libyaml: the front matter is ignored with a note,
    /// and the note itself is clean.
    func testRawControlsInFrontMatterGiveACleanWarning() throws {
        let page = "---\ntitle: T \u{1B}]0;x\u{07}\nkey: \u{9B}2J\n---\n\nbody\n"
        let document = try document(Array(page.utf8))
        XCTAssertFalse(document.warnings.isEmpty)
        for warning in document.warnings {
            XCTAssertEqual(HostileCorpus.forbiddenScalars(in: warning), [], warning.debugDescription)
        }
    }

    // MARK: - NUL

    /// A NUL byte in the first 8 KiB means a binary file: refused, not shown.
    func testANulByteMakesThePageBinary() {
        let bytes = Array("# Title\n\nText ".utf8) + [0x00] + Array(" more\n".utf8)
        XCTAssertThrowsError(try PageSource.text(from: bytes)) { XCTAssertEqual($0 as? PageError, .binary) }
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 56)
        XCTAssertThrowsError(try PageSource.text(from: elf)) { XCTAssertEqual($0 as? PageError, .binary) }
    }

    /// A NUL further in than the binary check looks is shown as a placeholder, never passed on.
    func testANulByteLateInThePageIsMadeSafe() throws {
        var bytes = Array("# Title\n\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 9000)
        bytes += Array("\n\nLate ".utf8) + [0x00] + Array(" nul, `code ".utf8) + [0x00] + Array("`\n\n```\nblock ".utf8)
            + [0x00] + Array("\n```\n".utf8)
        let document = try document(bytes)
        for (place, text, newlineAllowed) in Self.allStrings(of: document) {
            XCTAssertEqual(HostileCorpus.forbiddenScalars(in: text, allowingNewline: newlineAllowed), [],
                           "\(place): \(text.debugDescription)")
        }
        XCTAssertTrue(Self.allStrings(of: document).contains { $0.text.hasPrefix("Late ") })
    }

    // MARK: - Invalid UTF-8

    func testInvalidUTF8OpensAndShowsReplacementCharacters() throws {
        for sample in HostileCorpus.invalidUTF8 {
            let bytes = Array("---\ntitle: t ".utf8) + sample.bytes + Array("\n---\n\n# Head ".utf8) + sample.bytes
                + Array("\n\nText ".utf8) + sample.bytes + Array(" end\n\n- **lead ".utf8) + sample.bytes
                + Array("**: a\n- **b**: c\n\n| ".utf8) + sample.bytes + Array(" | x |\n|---|---|\n| y | z |\n\n`".utf8)
                + sample.bytes + Array("`\n".utf8) + sample.bytes
            let document = try document(bytes, site: nil)
            let strings = Self.allStrings(of: document)
            for (place, text, newlineAllowed) in strings {
                XCTAssertEqual(HostileCorpus.forbiddenScalars(in: text, allowingNewline: newlineAllowed), [],
                               "\(sample.name) in \(place): \(text.debugDescription)")
            }
            XCTAssertTrue(document.title?.contains("\u{FFFD}") == true, "\(sample.name): title \(document.title ?? "nil")")
            XCTAssertTrue(strings.contains { $0.text.hasPrefix("Text \u{FFFD}") && $0.text.hasSuffix(" end") },
                          "\(sample.name): paragraph")
            XCTAssertTrue(document.sections.contains { $0.title.hasPrefix("Head \u{FFFD}") }, "\(sample.name): heading")
        }
    }

    // MARK: - Walking a document

    /// Every string of a document with where it was found, and whether a line feed is allowed
    /// there (code text keeps its lines; a hard line break is a "\n" span).
    static func allStrings(of document: Document) -> [(place: String, text: String, newlineAllowed: Bool)] {
        var result: [(String, String, Bool)] = []
        if let title = document.title { result.append(("title", title, false)) }
        for entry in document.metadata {
            result.append(("metadata key", entry.key, false))
            result.append(("metadata value", entry.value, false))
        }
        document.warnings.forEach { result.append(("warning", $0, false)) }
        for link in document.links {
            result.append(("link text", link.text, false))
            result.append(("link target", link.target, false))
        }
        document.sections.forEach { result.append(("section title", $0.title, false)) }
        func spans(_ inlines: Inlines, _ place: String) {
            for span in inlines { result.append((place, span.text, span.text == "\n")) }
        }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .paragraph(let inlines): spans(inlines, "paragraph")
                case .heading(_, let inlines): spans(inlines, "heading")
                case .code(let language, let text):
                    result.append(("code language", language, false))
                    result.append(("code text", text, true))
                case .image(let image):
                    result.append(("image alt", image.alt, false))
                    result.append(("image source", image.source, false))
                case .table(let table):
                    for row in [table.header] + table.rows { row.forEach { spans($0, "table cell") } }
                case .section(_, let body), .quote(let body): visit(body)
                case .list(let list): list.items.forEach { visit($0.blocks) }
                case .rule: break
                }
            }
        }
        visit(document.blocks)
        return result
    }
}
