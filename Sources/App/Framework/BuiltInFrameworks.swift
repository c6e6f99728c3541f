import CapableCore
import Fluent
import Foundation

/// The framework content that ships with Capable (`Assets/builtin/frameworks/*.json`, transcribed
/// from the source documents), loaded on first start and by `capable seed frameworks`. Each file's
/// framework keeps its fixed id, so loading twice adds nothing and never overwrites local edits.
enum BuiltInFrameworks {
    /// Every built-in framework, in file-name order.
    static func documents() throws -> [FrameworkDocument] {
        guard let folder = AppResources.url("builtin/frameworks") else { return [] }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { file in
            try JSONDecoder().decode(FrameworkDocument.self, from: Data(contentsOf: folder.appendingPathComponent(file)))
        }
    }

    /// Adds the built-in frameworks that are not there yet; returns how many were added.
    @discardableResult
    static func load(on db: any Database) async throws -> Int {
        let documents = try documents()
        return try await db.writeTransaction { tx in
            var added = 0
            for document in documents where try await Frameworks.versions(of: document.id, on: tx).isEmpty {
                let version = try await FrameworkStore.create(document, status: document.status, on: tx)
                try await Audit.append("create", entity: FrameworkVersion.auditEntity, id: document.id.uuidString,
                                       changes: [.init(field: "title", old: nil, new: document.title),
                                                 .init(field: "version", old: nil, new: String(version.version))],
                                       context: .system, on: tx)
                added += 1
            }
            return added
        }
    }
}
