import App
import Foundation
import Logging
import Vapor

/// Reads the settings, builds the app and runs the command (`serve` by default).
@main
enum Entrypoint {
    static func main() async throws {
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
