import CapableCore
import Foundation
import Vapor

/// `capable export framework ID [--format case|csv] [--version N] [--output FILE]`: a framework as
/// a 1EdTech CASE v1.1 package or CSV, to standard output unless a file is named.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "framework")
        var what: String
        @Argument(name: "id", help: "the framework's id (see the framework page or GET /api/v1/frameworks)")
        var id: String
        @Option(name: "format", help: "case (default) or csv")
        var format: String?
        @Option(name: "version", help: "a version number (default: the current version)")
        var version: Int?
        @Option(name: "output", help: "a file to write (default: standard output)")
        var output: String?
    }

    var help: String { "Exports a framework: capable export framework ID [--format case|csv] [--version N] [--output FILE]" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.what == "framework" else { throw CommandFailure("Unknown export '\(signature.what)'; use: capable export framework ID") }
        guard let format = FrameworkExchange.Format(rawValue: signature.format ?? "case") else {
            throw CommandFailure("--format must be case or csv, not \(signature.format ?? "")")
        }
        guard let id = UUID(uuidString: signature.id) else { throw CommandFailure("\(signature.id) is not a framework id") }
        let app = context.application
        try await app.autoMigrate()
        try await BuiltInFrameworks.load(on: app.db)
        let found = if let number = signature.version {
            try await Frameworks.version(id, number: number, on: app.db)
        } else {
            try await Frameworks.current(id, includeDraft: true, on: app.db)
        }
        guard let version = found else {
            throw CommandFailure("No framework \(signature.id)\(signature.version.map { " version \($0)" } ?? "")")
        }
        let file = try await FrameworkExchange.export(version, as: format, baseURI: FrameworkController.caseBaseURI(app), on: app.db)
        if let output = signature.output {
            try file.data.write(to: URL(fileURLWithPath: output))
            context.console.print("Wrote \(version.title) version \(version.version) to \(output)")
        } else {
            FileHandle.standardOutput.write(file.data)
        }
    }
}
