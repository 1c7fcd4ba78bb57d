/// kramdown's attribute lists, which Jekyll's pages carry and no CommonMark parser knows:
/// block IALs (`{: .note}` on a line of its own), span IALs (`[x](y){:target="_blank"}`),
/// ALDs (`{:name: .class}`) and extensions (`{::comment}…{:/comment}`, `{::options … /}`).
/// All are removed before Markdown is parsed; a block IAL naming a callout class (`.note`,
/// `.warning`…) leaves a marker that makes its block a callout box. Fenced code is left alone.
enum KramdownAttributes {
    /// Marks a callout for the block after it (`before`) or before it (`after`), as an HTML
    /// comment: an HTML block of its own, which may end a paragraph.
    static let markerPrefix = "<!--\u{E003}callout:"
    /// Stands where `* TOC` + `{:toc}` asked for the page's table of contents.
    static let tableOfContentsMarker = "<!--\u{E003}toc-->"

    static func strip(_ text: String) -> String {
        guard containsAttributeList(text) else { return text }
        var output: [Substring] = []
        var fence: Substring?
        var inComment = false
        var previousBlank = true
        for line in ByteScan.lines(text) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                output.append(line)
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == trimmed.first }
                output.append(line)
                previousBlank = false
                continue
            }
            if inComment {
                if ByteScan.contains(line, "{:/"), let end = line.firstRange(of: "{:/") {
                    inComment = false
                    let rest = line[end.upperBound...].drop { $0 != "}" }.dropFirst()
                    output.append(Substring(spans(String(rest))))
                } else {
                    output.append("")
                }
                continue
            }
            if trimmed.hasPrefix("{::comment}") {
                if let end = trimmed.firstRange(of: "{:/") {
                    output.append(Substring(spans(String(trimmed[end.upperBound...].drop { $0 != "}" }.dropFirst()))))
                } else {
                    inComment = true
                    output.append("")
                }
                continue
            }
            if let block = blockList(trimmed) {
                if block.isTableOfContents, let last = output.last,
                   last.drop(while: { $0 == " " }).first.map({ "*-+".contains($0) || $0.isNumber }) == true {
                    output[output.count - 1] = Substring(tableOfContentsMarker)
                    previousBlank = true
                    continue
                }
                // A block IAL after a blank line belongs to the next block, else to the one before.
                if let kind = Callout.kind(ofClasses: block.classes) {
                    output.append(Substring(markerPrefix + kind.rawValue + ":" + (previousBlank ? "before" : "after") + "-->"))
                } else {
                    output.append("")
                }
                previousBlank = true
                continue
            }
            // A heading's `{: #id}` is its anchor: `HeadingIDs` takes it (and removes it).
            let hasList = ByteScan.contains(line, "{:")
            let keepsID = hasList && trimmed.hasPrefix("#") && trimmed.drop { $0 != "{" }.contains("#")
            let cleaned = hasList && !keepsID ? Substring(spans(String(line))) : line
            output.append(cleaned)
            previousBlank = trimmed.isEmpty
        }
        return output.joined(separator: "\n")
    }

    /// `{:` anywhere, found by a byte scan (most pages have none and pay only this).
    static func containsAttributeList(_ text: String) -> Bool {
        ByteScan.withBytes(of: text) { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == UInt8(ascii: ":"), previous == UInt8(ascii: "{") { return true }
                previous = byte
            }
            return false
        }
    }

    /// A line that is only an attribute list or an extension tag, with the classes it names.
    static func blockList(_ trimmed: Substring) -> (classes: [Substring], isTableOfContents: Bool)? {
        var line = trimmed
        while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
        guard line.hasPrefix("{:"), line.hasSuffix("}"), !line.dropFirst(2).dropLast().contains("}") else { return nil }
        let words = line.dropFirst(2).dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
        return (words.filter { $0.hasPrefix(".") }.map { $0.dropFirst() }, words == ["toc"])
    }

    /// A line without its span IALs and extension tags; inline code keeps them.
    static func spans(_ line: String) -> String {
        var result = ""
        var index = line.startIndex
        var inCode = false
        while index < line.endIndex {
            let character = line[index]
            if character == "`" { inCode.toggle() }
            if !inCode, character == "{", line[index...].hasPrefix("{:"),
               let close = line[index...].firstIndex(of: "}") {
                index = line.index(after: close)
                continue
            }
            result.append(character)
            index = line.index(after: index)
        }
        return result
    }
}
