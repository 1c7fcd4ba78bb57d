import PivotDocument

/// What the info panel says about where the reader is: the page's path in the site and the
/// command that opens this place again (a deep link another reader can use).
extension Browser {
    /// `path#anchor` of the section at the top of the page, or the path alone.
    public var deepLink: String? {
        guard let path else { return nil }
        guard let reader, let top = reader.place.anchor else { return path }
        var best: (order: Int, id: String)?
        for (id, order) in reader.document.anchors where order <= top.order {
            if best == nil || order > best!.order || (order == best!.order && id.count < best!.id.count) {
                best = (order, id)
            }
        }
        return best.map { path + "#" + $0.id } ?? path
    }

    var placeInfo: [MetadataEntry] {
        guard let path, let link = deepLink else { return [] }
        var entries = [MetadataEntry(key: "site page", value: path)]
        if let shareCommand { entries.append(MetadataEntry(key: "open this place", value: shareCommand + " " + Self.quotedWord(link))) }
        return entries
    }

    /// A word a POSIX shell reads back as it is.
    public static func quotedWord(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_./#:@%+=,".unicodeScalars.contains($0)
        }
        return plain ? word : "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
