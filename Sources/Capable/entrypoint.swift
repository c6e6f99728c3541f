import App
import CMemory
import Foundation
import Logging
import Vapor

/// Reads the settings, builds the app and runs the command (`serve` by default).
@main
enum Entrypoint {
    static func main() async throws {
        // glibc keeps what the server frees: an arena per allocating thread, and large page
        // buffers (the organisation tree, a search of 30,000 people) left in the heap once its
        // moving mapping threshold has grown. The benchmark ended at 204 MB resident; with two
        // arenas and a fixed 128 KiB threshold, under 150 MB, measured no slower.
        _ = capable_tune_malloc(2, 128 * 1024)
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let config: AppConfig
        do {
            config = try AppConfig.load(from: ProcessInfo.processInfo.environment)
        } catch let invalid as AppConfig.Invalid {
            FileHandle.standardError.write(Data("capable: \(invalid.description)\n".utf8))
            exit(78)
        }
        let app = try await Application.make(env)
        do {
            try await configure(app, config: config)
            let command = env.arguments.dropFirst().first
            if command == nil || command == "serve" || command?.hasPrefix("-") == true {
                try await prepareToServe(app, arguments: env.arguments)
            }
            try await app.execute()
        } catch {
            FileHandle.standardError.write(Data("capable: \(error)\n".utf8))
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
