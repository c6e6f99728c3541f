import CapableCore
import Fluent
import Foundation

/// Reads and writes framework versions as `FrameworkDocument`s, the one shape that the pages,
/// the editor, the comparison, the API and CASE/CSV exchange all work on.
enum FrameworkStore {
    /// A version's document, elements in order.
    static func document(_ version: FrameworkVersion, on db: any Database) async throws -> FrameworkDocument {
        let rows = try await FrameworkElementRow.query(on: db)
            .filter(\.$version.$id == version.requireID())
            .sort(\.$position)
            .all()
        let children = Dictionary(grouping: rows, by: \.parentElementID)
        func build(_ row: FrameworkElementRow) throws -> FrameworkDocument.Element {
            try element(row, children: (children[row.elementID] ?? []).map(build))
        }
        return FrameworkDocument(
            id: version.lineage, title: version.title, description: version.summary, owner: version.owner,
            kind: version.kindValue, status: version.statusValue, version: version.version,
            implementedOn: version.implementedOn, amendedOn: version.amendedOn, datesAsWritten: version.datesAsWritten,
            source: version.source ?? "", elements: try (children[nil] ?? []).map(build),
            scale: try version.scale.map { try JSONDecoder().decode([ScaleLevel].self, from: Data($0.utf8)) })
    }

    static func element(_ row: FrameworkElementRow, children: [FrameworkDocument.Element] = []) throws -> FrameworkDocument.Element {
        let decoder = JSONDecoder()
        return FrameworkDocument.Element(
            id: row.elementID, code: row.code, kind: .init(rawValue: row.kind) ?? .behaviour, title: row.title,
            statement: row.statement, audience: .init(rawValue: row.audience) ?? .allStaff,
            whyItMatters: row.whyItMatters, whatItMeansForMe: row.whatItMeansForMe,
            indicators: try decoder.decode([FrameworkDocument.Indicator].self, from: Data(row.indicators.utf8)),
            links: try decoder.decode([FrameworkDocument.Link].self, from: Data(row.links.utf8)),
            children: children)
    }

    /// Creates a version from a document (its id is the framework id) with the given status.
    static func create(_ document: FrameworkDocument, status: FrameworkDocument.Status, on db: any Database) async throws -> FrameworkVersion {
        let version = FrameworkVersion()
        version.frameworkID = document.id
        version.status = status.rawValue
        if status == .published { version.publishedAt = Date() }
        apply(document, to: version)
        try await version.create(on: db)
        try await saveElements(of: version, from: document, on: db)
        return version
    }

    /// Replaces a draft's fields and elements with the document's (the editor's one write path).
    static func save(_ document: FrameworkDocument, into version: FrameworkVersion, on db: any Database) async throws {
        apply(document, to: version)
        try await version.save(on: db)
        try await FrameworkElementRow.query(on: db).filter(\.$version.$id == version.requireID()).delete()
        try await saveElements(of: version, from: document, on: db)
    }

    private static func apply(_ document: FrameworkDocument, to version: FrameworkVersion) {
        version.title = document.title
        version.summary = document.description
        version.owner = document.owner
        version.kind = document.kind.rawValue
        version.version = document.version
        version.implementedOn = document.implementedOn
        version.amendedOn = document.amendedOn
        version.datesAsWritten = document.datesAsWritten
        version.source = document.source.isEmpty ? nil : document.source
        version.scale = document.scale.flatMap { try? String(decoding: JSONEncoder().encode($0), as: UTF8.self) }
    }

    private static func saveElements(of version: FrameworkVersion, from document: FrameworkDocument, on db: any Database) async throws {
        let versionID = try version.requireID()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var rows: [FrameworkElementRow] = []
        func walk(_ elements: [FrameworkDocument.Element], parent: UUID?) throws {
            for (position, element) in elements.enumerated() {
                let row = FrameworkElementRow()
                row.$version.id = versionID
                row.elementID = element.id
                row.parentElementID = parent
                row.position = position
                row.code = element.code
                row.kind = element.kind.rawValue
                row.title = element.title
                row.statement = element.statement
                row.audience = element.audience.rawValue
                row.whyItMatters = element.whyItMatters
                row.whatItMeansForMe = element.whatItMeansForMe
                row.indicators = String(decoding: try encoder.encode(element.indicators), as: UTF8.self)
                row.links = String(decoding: try encoder.encode(element.links), as: UTF8.self)
                rows.append(row)
                try walk(element.children, parent: element.id)
            }
        }
        try walk(document.elements, parent: nil)
        // Chunked so a large framework stays under SQLite's bound-parameter limit.
        for chunk in rows.chunks(of: 50) {
            try await chunk.create(on: db)
        }
    }
}
