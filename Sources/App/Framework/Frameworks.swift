import CapableCore
import Fluent
import Foundation

/// Queries over frameworks and their versions, shared by the pages, the API and the editor.
enum Frameworks {
    /// All versions of a framework, oldest first.
    static func versions(of frameworkID: UUID, on db: any Database) async throws -> [FrameworkVersion] {
        try await FrameworkVersion.query(on: db).filter(\.$frameworkID == frameworkID).sort(\.$version).all()
    }

    /// The version people see: the newest one that is not a draft. When a framework has only a
    /// draft, authors (`includeDraft`) see that instead.
    static func current(_ frameworkID: UUID, includeDraft: Bool, on db: any Database) async throws -> FrameworkVersion? {
        let versions = try await versions(of: frameworkID, on: db)
        return versions.last { !$0.isDraft } ?? (includeDraft ? versions.last : nil)
    }

    /// The framework's draft version, if one is being written.
    static func draft(of frameworkID: UUID, on db: any Database) async throws -> FrameworkVersion? {
        try await FrameworkVersion.query(on: db).filter(\.$frameworkID == frameworkID)
            .filter(\.$status == FrameworkDocument.Status.draft.rawValue).first()
    }

    /// One version by number.
    static func version(_ frameworkID: UUID, number: Int, on db: any Database) async throws -> FrameworkVersion? {
        try await FrameworkVersion.query(on: db).filter(\.$frameworkID == frameworkID).filter(\.$version == number).first()
    }

    /// Each framework's current version (see `current`), plus whether a draft is being written,
    /// ordered by title.
    static func library(includeDrafts: Bool, on db: any Database) async throws -> [(current: FrameworkVersion, hasDraft: Bool)] {
        let all = try await FrameworkVersion.query(on: db).sort(\.$version).all()
        let grouped = Dictionary(grouping: all, by: \.lineage)
        return grouped.values.compactMap { versions -> (FrameworkVersion, Bool)? in
            let hasDraft = versions.contains(where: \.isDraft)
            guard let current = versions.last(where: { !$0.isDraft }) ?? (includeDrafts ? versions.last : nil) else { return nil }
            return (current, hasDraft)
        }
        .sorted { $0.0.title.localizedCaseInsensitiveCompare($1.0.title) == .orderedAscending }
    }

    /// Where an element appears: each version that has it, newest first, with the element row.
    static func appearances(of elementID: UUID, on db: any Database) async throws -> [(version: FrameworkVersion, row: FrameworkElementRow)] {
        let rows = try await FrameworkElementRow.query(on: db).filter(\.$elementID == elementID).with(\.$version).all()
        return rows.map { ($0.version, $0) }.sorted { $0.0.version > $1.0.version }
    }

    /// Elements by stable id in the newest non-draft version that has each (for job roles,
    /// reviews and courses that refer to them), keyed by element id.
    static func latestElements(_ ids: [UUID], on db: any Database) async throws -> [UUID: (version: FrameworkVersion, row: FrameworkElementRow)] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await FrameworkElementRow.query(on: db).filter(\.$elementID ~~ Array(Set(ids))).with(\.$version).all()
        var latest: [UUID: (version: FrameworkVersion, row: FrameworkElementRow)] = [:]
        for row in rows where !row.version.isDraft {
            if let existing = latest[row.elementID], existing.version.version >= row.version.version { continue }
            latest[row.elementID] = (row.version, row)
        }
        return latest
    }
}
