/// Where an image's text stand-in is looked for (docs/frames.md): a frames file named after
/// the image's alt text, else after its file name, beside the page.
public enum StandInNames {
    public static func candidates(alt: String, source: String) -> [String] {
        var names: [String] = []
        let altSlug = slug(alt)
        if !altSlug.isEmpty { names.append(altSlug + ".frames") }
        let path = source.split(separator: "?").first.map(String.init) ?? source
        if let file = path.split(separator: "/").last {
            let base = file.split(separator: ".").first.map(String.init) ?? String(file)
            let fileSlug = slug(base)
            if !fileSlug.isEmpty, !names.contains(fileSlug + ".frames") { names.append(fileSlug + ".frames") }
        }
        return names
    }

    /// Lower-case letters and digits, other runs as one '-'.
    public static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, result.last != "-" {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    /// The host of an image address, for the pane's caption.
    public static func host(of source: String) -> String? {
        guard let schemeEnd = source.firstRange(of: "://") else { return nil }
        let rest = source[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        return host.isEmpty ? nil : String(host)
    }
}
