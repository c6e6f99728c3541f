import CapableCore
import Fluent
import Foundation
import SQLKit
import Vapor

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

    /// A framework's current version in brief, for the library and the API.
    struct Summary: Content {
        var id: UUID
        var title: String
        var description: String
        var owner: String
        var kind: FrameworkDocument.Kind
        var status: FrameworkDocument.Status
        var version: Int
        var implementedOn: String?
        var amendedOn: String?
        var elementCount: Int
        var hasDraft: Bool
    }

    /// Every framework's current version in brief (see `library`), with its element count.
    static func summaries(includeDrafts: Bool, on db: any Database) async throws -> [Summary] {
        let rows = try await library(includeDrafts: includeDrafts, on: db)
        let counts = try await elementCounts(rows.map { try $0.current.requireID() }, on: db)
        return try rows.map { row in
            let version = row.current
            return Summary(id: version.lineage, title: version.title, description: version.summary, owner: version.owner,
                           kind: version.kindValue, status: version.statusValue, version: version.version,
                           implementedOn: version.implementedOn, amendedOn: version.amendedOn,
                           elementCount: counts[try version.requireID()] ?? 0, hasDraft: row.hasDraft)
        }
    }

    /// How many elements each version has, counted by the database in one query.
    static func elementCounts(_ versionIDs: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !versionIDs.isEmpty else { return [:] }
        struct Row: Decodable { var version_id: UUID; var elements: Int }
        let rows = try await db.sql.select()
            .column("version_id")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "elements")
            .from(FrameworkElementRow.schema)
            .where("version_id", .in, versionIDs)
            .groupBy("version_id")
            .all(decoding: Row.self)
        return Dictionary(rows.map { ($0.version_id, $0.elements) }, uniquingKeysWith: +)
    }

    /// Elements of published frameworks by code (ignoring case), for forms where people type codes
    /// such as "CV.1.1"; a code two published frameworks share maps to both.
    static func publishedElements(codes: [String], on db: any Database) async throws -> [String: [(id: UUID, code: String, title: String)]] {
        let wanted = Array(Set(codes.map { $0.lowercased() }))
        guard !wanted.isEmpty else { return [:] }
        struct Row: Decodable { var element_id: UUID; var code: String; var title: String }
        let sql: SQLQueryString = """
            SELECT e.element_id, e.code, e.title FROM framework_elements e JOIN frameworks f ON f.id = e.version_id \
            WHERE f.status = \(bind: FrameworkDocument.Status.published.rawValue) AND lower(e.code) IN (\(binds: wanted))
            """
        let rows = try await db.sql.raw(sql).all(decoding: Row.self)
        return Dictionary(grouping: rows, by: { $0.code.lowercased() }).mapValues { $0.map { ($0.element_id, $0.code, $0.title) } }
    }

    /// Framework element codes typed into a form ("TR.3, CV.1.3") as element ids, each code
    /// naming exactly one published element; an error on `field` for each that does not.
    static func elementIDs(fromCodes raw: String?, field: String, errors: inout [FieldError], on db: any Database) async throws -> [UUID] {
        let codes = (raw ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let found = try await publishedElements(codes: codes, on: db)
        var elements: [UUID] = []
        for code in codes {
            guard let matches = found[code.lowercased()], matches.count == 1 else {
                errors.append(.init(field: field, message: "No single published framework element has the code \(code)"))
                continue
            }
            if !elements.contains(matches[0].id) { elements.append(matches[0].id) }
        }
        return elements
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
