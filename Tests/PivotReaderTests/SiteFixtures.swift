import PivotDocument
@testable import PivotReader

/// A small Jekyll site written by the tests, and an edge that answers the browser's effects from
/// it in memory, as the terminal front does from files.
struct SiteFixture {
    let texts: [String: String]
    let site: Site

    static let config = "title: Fixture Site\npermalink: pretty\n"

    static func long(_ name: String, sections: Int, extra: String = "") -> String {
        var text = ""
        for section in 1...sections {
            text += "## \(name) part \(section)\n\n"
            for paragraph in 1...4 {
                text += "Paragraph \(paragraph) of \(name) part \(section) says enough words to wrap on a narrow "
                    + "window and fill several lines of the reading column.\n\n"
            }
        }
        return text + extra
    }

    static let standard = SiteFixture(texts: [
        "index.md": """
            ---
            title: Home
            ---
            Welcome. Read [the about page](about.md), the [install guide](docs/guide.md#guide-part-2),
            the [first post]({% post_url 2020-01-02-hello %}), an [outside site](https://example.org/x),
            an [escape](../../etc/passwd), a [missing page](nothing.md), [[About]] by its title and
            [the guide again](/docs/guide/).

            """ + long("home", sections: 3),
        "about.md": "---\ntitle: About\npermalink: /about/\n---\n" + long("about", sections: 6,
            extra: "Back [home](/) or to [part two](#about-part-2).\n"),
        "docs/guide.md": "---\ntitle: Guide\n---\n" + long("guide", sections: 5, extra: "See [about](../about.md).\n"),
        "_posts/2020-01-02-hello.md": "---\ntitle: Hello\n---\nA post. [Home](/).\n",
    ])

    init(texts: [String: String]) {
        self.texts = texts
        site = Site(files: texts.map { SiteFile(path: $0.key, head: $0.value) }, config: Self.config)
    }

    func document(_ path: String) -> Document {
        PageParser.document(from: texts[path] ?? "", site: site)
    }

    func page(_ path: String) -> PreparedPage {
        PreparedPage(document: document(path), standIns: [:])
    }

    func browser(on path: String, width: Int = 80, height: Int = 24) -> Browser {
        Browser(page: page(path), path: path, settings: ReaderSettings(), size: Size(width: width, height: height),
                site: site)
    }

    func index(width: Int = 80, height: Int = 24) -> Browser {
        Browser(site: site, settings: ReaderSettings(), size: Size(width: width, height: height))
    }

    /// Sends an event and answers every effect it asks for; the pages loaded are counted.
    func send(_ browser: Browser, _ event: BrowserEvent, loads: inout Int) -> Browser {
        let (next, effects) = update(browser, event)
        var result = next
        for effect in effects {
            switch effect {
            case .quit:
                break
            case .readSite:
                result = send(result, .siteLoaded(site), loads: &loads)
            case .open(let request):
                loads += 1
                if let path = request.path, texts[path] != nil {
                    result = send(result, .pageLoaded(request, page(path), isPartial: false), loads: &loads)
                } else {
                    result = send(result, .pageFailed(request, "no such page in this site: \(request.path ?? "")"),
                                  loads: &loads)
                }
            case .searchSite(let query):
                let hits = site.pages.flatMap {
                    SiteSearch.hits(of: query, in: document($0.path), path: $0.path, pageTitle: $0.title)
                }
                result = send(result, .siteSearched(query: query, hits: hits), loads: &loads)
            case .drawPictures:
                break  // these fixtures' pages have no picture files
            case .loadPieces, .countMatches:
                break  // nor pages large enough to be read in pieces
            }
        }
        return result
    }

    func send(_ browser: Browser, _ event: BrowserEvent) -> Browser {
        var loads = 0
        return send(browser, event, loads: &loads)
    }

    func press(_ browser: Browser, _ keys: Key...) -> Browser {
        keys.reduce(browser) { send($0, .reader(.key($1))) }
    }

    func type(_ browser: Browser, _ text: String) -> Browser {
        text.reduce(browser) { send($0, .reader(.key(.character($1)))) }
    }

    /// `f N Enter`.
    func follow(_ browser: Browser, number: Int) -> Browser {
        press(type(press(browser, .character("f")), String(number)), .enter)
    }
}

extension Browser {
    /// The anchor of the line at the top of the page area.
    var topAnchor: Anchor? {
        guard let reader, reader.layout.lines.indices.contains(reader.top) else { return nil }
        return reader.layout.lines[reader.top].anchor
    }

    var status: String { render(self).textLines.last ?? "" }
}
