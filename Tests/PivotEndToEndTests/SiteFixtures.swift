import Foundation

/// A Jekyll site written by the site tests: pages with front matter, a post, relative links,
/// a permalink, a link out of the site, a symlink pointing out of it, and a missing page.
enum SiteFixtures {
    static let siteTitle = "Orchard Site"
    static let aboutTitle = "About the Orchard"

    /// Link numbers on the index page, in page order.
    enum HomeLink: Int { case about = 1, guide, post, escape, symlinkOut, missing, external }

    static var pages: [String: String] {
        var about = "---\ntitle: \(aboutTitle)\npermalink: /about/\n---\n\n"
        for part in 1...8 {
            about += "## Orchard part \(part)\n\n"
            about += "Apple rows of part \(part) stretch along the hill and need pruning every winter.\n\n"
            about += "Pear trees of part \(part) stand near the wall, where the frost comes late.\n\n"
        }
        about += "Back to [the home page](/) or the [guide](docs/guide.md#planting).\n"
        return [
            "_config.yml": "title: \(siteTitle)\npermalink: pretty\n",
            "index.md": """
                ---
                title: Orchard Home
                ---

                Welcome to the orchard. Read [about us](about.md), the [guide](docs/guide.md),
                the [first post]({% post_url 2021-04-05-blossom %}), [a secret](../../etc/passwd),
                [a shortcut](escape.md), [the shed](shed.md) and [the web](https://example.org/orchard).

                """,
            "about.md": about,
            "docs/guide.md": "---\ntitle: Planting Guide\n---\n\n## Planting\n\nDig a hole twice as wide as the roots.\n\nBack to [about](../about.md).\n",
            "_posts/2021-04-05-blossom.md": "---\ntitle: Blossom Week\n---\n\nThe first blossoms opened today.\n",
        ]
    }

    /// Writes the site under `directory/site` (and the symlink out of it); returns its folder.
    static func write(in directory: URL) throws -> URL {
        let root = directory.appendingPathComponent("site")
        for (path, text) in pages {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try "# Outside the site\n".write(to: directory.appendingPathComponent("outside.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("escape.md").path,
                                                   withDestinationPath: directory.appendingPathComponent("outside.md").path)
        return root
    }
}
