import CapableCore
import Fluent
import Vapor

extension FrameworkAuthoringController {
    /// Publishes the draft: it becomes the version people see and the one before it is superseded.
    @Sendable static func publish(req: Request) async throws -> Response {
        let (draft, document) = try await FrameworkAuthoring.draft(req)
        guard !document.elements.isEmpty else {
            throw AppError.invalid([.init(field: "elements", message: "Add at least one element before publishing \(document.title)")])
        }
        let problems = FrameworkDocument.validate(document)
        guard problems.isEmpty else { throw AppError.invalid(problems.map { .init(field: "elements", message: $0) }) }
        let versions = try await Frameworks.versions(of: document.id, on: req.database)
        let previous = versions.last { !$0.isDraft && $0.version < draft.version }
        for old in versions where old.statusValue == .published {
            try await req.update(old) { $0.status = FrameworkDocument.Status.superseded.rawValue }
        }
        let today = CalendarDate.today.description
        try await req.update(draft) { draft in
            draft.status = FrameworkDocument.Status.published.rawValue
            draft.publishedAt = Date()
            if draft.implementedOn == nil { draft.implementedOn = previous?.implementedOn ?? today }
            // A new version whose author did not set a new amended date was amended today.
            if previous != nil, draft.amendedOn == previous?.amendedOn { draft.amendedOn = today }
        }
        return req.redirect(to: SiteURL.framework(document.id).path, redirectType: .normal)
    }

    /// Throws the draft away; the published versions are untouched.
    @Sendable static func discard(req: Request) async throws -> Response {
        let (draft, document) = try await FrameworkAuthoring.draft(req)
        try await FrameworkElementRow.query(on: req.database).filter(\.$version.$id == draft.requireID()).delete()
        try await req.delete(draft)
        let remaining = try await Frameworks.versions(of: document.id, on: req.database)
        return req.redirect(to: remaining.isEmpty ? SiteURL.frameworks.path : SiteURL.framework(document.id).path, redirectType: .normal)
    }

    /// Retires the published version. Everything that refers to it stays readable.
    @Sendable static func retire(req: Request) async throws -> Response {
        guard let id = req.parameters.get("frameworkID", as: UUID.self),
              let current = try await Frameworks.current(id, includeDraft: false, on: req.database) else { throw AppError.notFound }
        guard current.statusValue == .published else {
            throw AppError.conflict("Only the published version can be retired; version \(current.version) is \(current.statusValue.rawValue).")
        }
        try await req.update(current) { $0.status = FrameworkDocument.Status.retired.rawValue }
        return req.redirect(to: SiteURL.framework(id).path, redirectType: .normal)
    }
}
