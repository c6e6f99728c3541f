import Vapor

/// Serves the few files in `Public` (the style sheet, the script, the icon) by their exact
/// paths, and passes every other request straight on. Vapor's `FileMiddleware` on its own looks
/// for a file on disk for every request, API calls included.
struct PublicFilesMiddleware: Middleware {
    let files: FileMiddleware
    let paths: Set<String>

    init(directory: URL) throws {
        files = FileMiddleware(publicDirectory: directory.path + "/", defaultFile: nil)
        paths = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path).map { "/" + $0 })
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard paths.contains(request.url.path) else { return next.respond(to: request) }
        return files.respond(to: request, chainingTo: next)
    }
}
