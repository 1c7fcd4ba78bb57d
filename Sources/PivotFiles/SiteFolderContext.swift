import PivotDocument

/// What Liquid needs while a page of a read site is parsed: the site's permalinks and values
/// (`Site`, pure) and its `_includes/` files, read through the folder.
public struct SiteFolderContext: SiteContext {
    public let site: Site
    public let folder: SiteFolder

    public init(site: Site, folder: SiteFolder) {
        self.site = site
        self.folder = folder
    }

    public func permalink(forPath path: String) -> String? { site.permalink(forPath: path) }
    public func permalink(forPost name: String) -> String? { site.permalink(forPost: name) }
    public func value(forKey key: String) -> String? { site.value(forKey: key) }
    public func includeText(_ name: String) -> String? { FileSite.include(name, root: folder.root) }
}
