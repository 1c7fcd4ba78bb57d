import Glibc
import PivotDocument
import PivotFiles

/// What the command line names: a page (with the site it sits in), a site folder, or a page of
/// a site given as a link (`--site DIR about#team`, or a remote reader's `ssh -t HOST about`).
struct SiteTarget {
    var folder: SiteFolder?
    /// True when the site itself is opened: its index, or the page `deepLink` names.
    var isFolder = false
    /// The page's path in its site, when a page file is opened.
    var pagePath: String?
    var deepLink: String?

    /// Longest deep link taken from a remote reader.
    static let deepLinkLimit = 1_024

    init(file: String?, site: String?, remoteCommand: String?) throws {
        if let site {
            folder = try SiteFolder(folder: site)
            isFolder = true
            deepLink = try file ?? remoteCommand.flatMap(Self.deepLink(fromRemoteCommand:))
            return
        }
        guard let file, file != "-" else { return }
        var info = stat()
        if stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            folder = try SiteFolder(folder: file)
            isFolder = true
            return
        }
        folder = SiteFolder(containingPage: file)
        pagePath = folder?.relativePath(ofFile: file)
    }

    /// A remote reader's command as a page of the site: one word, printable, not too long.
    /// `plain` asks for text and is no page.
    static func deepLink(fromRemoteCommand command: String) throws -> String? {
        let words = command.split(separator: " ")
        guard !words.isEmpty, words != ["plain"] else { return nil }
        guard words.count == 1, command.utf8.count <= deepLinkLimit,
              !command.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) })
        else { throw SiteFolder.Failure.notInSite(TextSanitizer.clean(String(command.prefix(80)))) }
        return String(words[0])
    }
}

/// The site index as plain text: what a pipe or `ssh HOST plain` gets for a site.
enum SiteListing {
    static func text(_ site: Site) -> String {
        let name = site.value(forKey: "title").map { TextSanitizer.clean($0) } ?? "Site"
        var output = name + "\n" + String(repeating: "=", count: max(1, min(80, name.count))) + "\n\n"
        for page in site.pages {
            output += (page.date.map { $0 + "  " } ?? "") + page.title + "  " + page.permalink + "  (" + page.path + ")\n"
        }
        return output
    }
}
