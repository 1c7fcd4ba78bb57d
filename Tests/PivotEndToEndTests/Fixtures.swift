import Foundation
import PivotTestSupport

/// Pages the tests write, and facts read from the repository's own page.
enum Fixtures {
    /// Two lead-word lists, each introduced by a paragraph: two foldable top-level sections.
    /// `hiddenWord` is only in the last words of the second item of the first list, so it is
    /// neither in a folded section's preview line nor anywhere else on the page.
    static let hiddenWord = "quietzebra"
    static let gardenTitle = "Fixture Garden"
    static let gardenPage = """
        ---
        title: \(gardenTitle)
        ---

        The first group of plants grows in the shade of the old wall.

        - **alpha**: ferns line the northern path and keep the soil cool.
        - **beta**: mosses cover the stones and the steps near the old \(hiddenWord) fountain.

        The second group of plants needs full sun all day long.

        - **gamma**: lavender fills the southern bed with scent.
        - **delta**: rosemary grows in the dry corner by the gate.

        """
    /// Text that only a section's body shows, never its one-line folded form.
    static let gardenBodyTexts = ["northern path", "mosses cover", "southern bed", "dry corner"]

    /// A page long enough to scroll at 80x24 and to wrap at 40 columns.
    static var longPage: String {
        var text = "---\ntitle: Long Fixture\n---\n\n"
        for group in 1...6 {
            text += "Paragraph \(group) introduces a list of items that are described at some length here.\n\n"
            for item in 1...4 {
                text += "- **item\(group)x\(item)**: line \(group).\(item) says enough words to wrap "
                    + "at forty columns and to take a little room on an eighty column screen.\n"
            }
            text += "\n"
        }
        return text
    }

    /// The `title` of a page's YAML front matter (the header shows it).
    static func frontMatterTitle(of page: String) -> String? {
        let lines = page.components(separatedBy: "\n")
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        for line in lines.dropFirst() {
            if line.trimmingCharacters(in: .whitespaces) == "---" { break }
            guard line.hasPrefix("title:") else { continue }
            var value = line.dropFirst("title:".count).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }

    /// Plain words of a page's prose, in page order: the first few all-letter words of each
    /// paragraph or list line without links, HTML or Liquid (whose text the reader rewrites).
    static func proseWords(of page: String, perLine: Int = 3) -> [String] {
        var words: [String] = []
        var inFrontMatter = false
        var inComment = false
        for (index, rawLine) in page.components(separatedBy: "\n").enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line == "---" && (index == 0 || inFrontMatter) { inFrontMatter.toggle(); continue }
            if inFrontMatter { continue }
            if line.hasPrefix("<!--") { inComment = true }
            if inComment { if line.contains("-->") { inComment = false }; continue }
            if line.isEmpty || line.hasPrefix("<") || ["[", "](", "{%", "{{", "`"].contains(where: line.contains) {
                continue
            }
            let candidates = line.split(whereSeparator: \.isWhitespace)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".,:;!?*")) }
                .filter { $0.count >= 4 && $0.allSatisfy { $0.isASCII && $0.isLetter } }
            words += candidates.prefix(perLine)
        }
        return words
    }

    /// A fresh directory for one test's files.
    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pivot-e2e-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Quotes a word for `sh`, so paths with spaces or quotes survive the shell command line.
