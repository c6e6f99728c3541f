import Foundation

/// Files shipped inside the binary's resource bundle (Sources/App/Assets), so Capable
/// works from any working directory.
enum AppResources {
    /// Foundation on Linux and on macOS disagree on whether `resourceURL` is the bundle itself
    /// or a folder inside it, so look in both.
    static let root: URL? = [Bundle.module.resourceURL, Bundle.module.bundleURL]
        .compactMap { $0?.appendingPathComponent("Assets", isDirectory: true) }
        .first { FileManager.default.fileExists(atPath: $0.path) }

    /// The URL of a shipped file, e.g. `url("builtin/frameworks")`, or nil when it is missing.
    static func url(_ relativePath: String) -> URL? {
        guard let url = root?.appendingPathComponent(relativePath), FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url
    }

    static func data(_ relativePath: String) throws -> Data {
        guard let url = url(relativePath) else { throw MissingResource(path: relativePath) }
        return try Data(contentsOf: url)
    }

    struct MissingResource: Error, CustomStringConvertible {
        var path: String
        var description: String { "The app's resource \(path) is missing; rebuild Capable" }
    }
}
