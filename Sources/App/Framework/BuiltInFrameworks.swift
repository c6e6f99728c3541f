import Fluent
import Foundation

/// The framework content that ships with Capable (Resources/builtin/frameworks.json), loaded on
/// first start and by `capable seed frameworks`. Records keep fixed ids, so loading twice adds nothing.
enum BuiltInFrameworks {
    struct Record: Decodable {
        var id: UUID
        var title: String
        var description: String
        var owner: String
        var kind: String
        var status: String
        var version: Int
    }

    static func records() throws -> [Record] {
        try JSONDecoder().decode([Record].self, from: AppResources.data("builtin/frameworks.json"))
    }

    /// Adds the built-in frameworks that are not there yet; returns how many were added.
    @discardableResult
    static func load(on db: any Database) async throws -> Int {
        let records = try records()
        return try await db.writeTransaction { tx in
            var added = 0
            for record in records where try await Framework.find(record.id, on: tx) == nil {
                let framework = Framework(id: record.id, title: record.title, summary: record.description, owner: record.owner,
                                          kind: record.kind, status: record.status, version: record.version)
                try await framework.create(on: tx)
                try await Audit.append("create", entity: "framework", id: record.id.uuidString,
                                       changes: [.init(field: "title", old: nil, new: record.title)], context: .system, on: tx)
                added += 1
            }
            return added
        }
    }
}
