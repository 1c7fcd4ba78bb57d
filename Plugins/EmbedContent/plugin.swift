import Foundation
import PackagePlugin

/// Embeds every text file of `content/` in the target as Swift string literals, so the
/// binary carries its page and frames and runs from any directory.
@main
struct EmbedContent: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let contentDirectory = context.package.directoryURL.appending(path: "content")
        let files = try FileManager.default
            .contentsOfDirectory(at: contentDirectory, includingPropertiesForKeys: nil)
            .filter { ["md", "frames"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedContent.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) file(s) from content/",
                executable: try context.tool(named: "EmbedGenerator").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
