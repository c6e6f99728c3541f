import CapableCore
import Fluent
import Vapor

/// The rules every authoring change follows: only a draft changes, the whole draft is validated
/// before anything is written, and each change is audited with what it changed.
enum FrameworkAuthoring {
    static let elementEntity = "framework_element"

    /// The framework's draft and its document; a framework without a draft is read-only.
    static func draft(_ req: Request) async throws -> (version: FrameworkVersion, document: FrameworkDocument) {
        guard let id = req.parameters.get("frameworkID", as: UUID.self) else { throw AppError.notFound }
        guard let draft = try await Frameworks.draft(of: id, on: req.database) else {
            guard let current = try await Frameworks.current(id, includeDraft: false, on: req.database) else { throw AppError.notFound }
            throw AppError.conflict("Version \(current.version) of \(current.title) is \(current.statusValue.rawValue) and cannot be changed. Start a new version to make changes.")
        }
        return (draft, try await FrameworkStore.document(draft, on: req.database))
    }

    /// Writes an edited draft and audits each element that changed, plus the framework's own fields.
    static func save(_ document: FrameworkDocument, over old: FrameworkDocument, into version: FrameworkVersion, on req: Request) async throws {
        try await FrameworkStore.save(document, into: version, on: req.database)
        let comparison = FrameworkComparison(from: old, to: document)
        let label = FieldChange(field: "framework", old: nil, new: "\(document.title) version \(document.version)")
        var entries: [Audit.Entry] = []
        if !comparison.framework.isEmpty {
            entries.append(.init(action: "update", entity: FrameworkVersion.auditEntity, id: document.id.uuidString, changes: comparison.framework))
        }
        entries += comparison.added.map { element in
            .init(action: "create", entity: elementEntity, id: element.id.uuidString,
                  changes: [label] + FieldChange.diff(before: [:], after: document.snapshot(of: element.id)))
        }
        entries += comparison.removed.map { element in
            .init(action: "delete", entity: elementEntity, id: element.id.uuidString,
                  changes: [label] + FieldChange.diff(before: old.snapshot(of: element.id), after: [:]))
        }
        entries += comparison.changed.map { changed in
            .init(action: "update", entity: elementEntity, id: changed.element.id.uuidString, changes: [label] + changed.changes)
        }
        try await Audit.appendAll(entries, context: req.auditContext, on: req.database)
    }

    /// Creates a new framework (version 1, a draft) or a new draft version of an existing one.
    static func createDraft(_ document: FrameworkDocument, on req: Request) async throws -> FrameworkVersion {
        let version = try await FrameworkStore.create(document, status: .draft, on: req.database)
        try await req.audit("create", entity: FrameworkVersion.auditEntity, id: document.id.uuidString,
                            changes: FieldChange.diff(before: [:], after: version.auditSnapshot))
        return version
    }
}
