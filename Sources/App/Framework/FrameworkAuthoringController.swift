import CapableCore
import Fluent
import Plot
import Vapor

/// Writing frameworks (HR and administrators): create, draft a new version, edit its details,
/// publish, discard, retire. A published version never changes; a change is a new draft version.
enum FrameworkAuthoringController {
    struct DetailsForm: Content {
        var title: String?
        var description: String?
        var owner: String?
        var kind: String?
        var implemented_on: String?
        var amended_on: String?
        /// One level per line: "Label: what it means".
        var scale: String?

        init(title: String? = nil, description: String? = nil, owner: String? = nil, kind: String? = nil,
             implemented_on: String? = nil, amended_on: String? = nil, scale: String? = nil) {
            self.title = title; self.description = description; self.owner = owner; self.kind = kind
            self.implemented_on = implemented_on; self.amended_on = amended_on; self.scale = scale
        }

        init(_ document: FrameworkDocument) {
            self.init(title: document.title, description: document.description, owner: document.owner, kind: document.kind.rawValue,
                      implemented_on: document.implementedOn, amended_on: document.amendedOn,
                      scale: document.ratingScale.map { "\($0.label): \($0.description)" }.joined(separator: "\n"))
        }

        /// Applies the form to a document, or names each bad field.
        func apply(to document: inout FrameworkDocument) -> [FieldError] {
            var errors: [FieldError] = []
            let title = (title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if title.isEmpty { errors.append(.init(field: "title", message: "Enter the framework’s title")) }
            if title.count > 200 { errors.append(.init(field: "title", message: "Title must be 200 characters or fewer")) }
            let owner = (owner ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if owner.isEmpty { errors.append(.init(field: "owner", message: "Enter the organisation that owns the framework")) }
            guard let kind = FrameworkDocument.Kind(rawValue: kind ?? "") else {
                return errors + [.init(field: "kind", message: "Choose what kind of framework this is")]
            }
            var dates: [String: String?] = [:]
            for (field, value, label) in [("implemented_on", implemented_on, "implemented"), ("amended_on", amended_on, "amended")] {
                let text = (value ?? "").trimmingCharacters(in: .whitespaces)
                if text.isEmpty { dates[field] = .some(nil); continue }
                guard let date = CalendarDate(text) else {
                    errors.append(.init(field: field, message: "Enter the date it was \(label) as a real date, like 26/05/2006"))
                    continue
                }
                dates[field] = date.description
            }
            var levels: [ScaleLevel] = []
            if let scale, !scale.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                let lines = scale.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                levels = lines.enumerated().map { index, line in
                    let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    return ScaleLevel(value: index + 1, label: parts[0], description: parts.count > 1 ? parts[1] : "")
                }
                errors += ScaleLevel.problems(levels).map { FieldError(field: "scale", message: $0) }
            }
            guard errors.isEmpty else { return errors }
            document.title = title
            document.description = (description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            document.owner = owner
            document.kind = kind
            document.implementedOn = dates["implemented_on"] ?? nil
            document.amendedOn = dates["amended_on"] ?? nil
            document.scale = levels.isEmpty || levels == ScaleLevel.standard ? nil : levels
            return []
        }
    }

    @Sendable static func newForm(req: Request) async throws -> HTML {
        DetailsFormPage.view(.init(frameworkID: nil, form: DetailsForm(kind: FrameworkDocument.Kind.custom.rawValue), errors: []),
                             context: PageContext(req))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(DetailsForm.self)
        var document = FrameworkDocument(id: UUID(), title: "", description: "", owner: "", kind: .custom, status: .draft,
                                         version: 1, source: "", elements: [])
        let errors = form.apply(to: &document)
        guard errors.isEmpty else {
            return DetailsFormPage.view(.init(frameworkID: nil, form: form, errors: errors), context: PageContext(req)).response(status: .badRequest)
        }
        _ = try await FrameworkAuthoring.createDraft(document, on: req)
        return req.redirect(to: SiteURL.frameworkDraft(document.id).path, redirectType: .normal)
    }

    /// Starts a new draft version as a copy of the current one; elements keep their stable ids.
    @Sendable static func startDraft(req: Request) async throws -> Response {
        guard let id = req.parameters.get("frameworkID", as: UUID.self) else { throw AppError.notFound }
        if try await Frameworks.draft(of: id, on: req.database) != nil {
            return req.redirect(to: SiteURL.frameworkDraft(id).path, redirectType: .normal)
        }
        guard let current = try await Frameworks.current(id, includeDraft: false, on: req.database) else { throw AppError.notFound }
        guard current.statusValue != .retired else {
            throw AppError.conflict("\(current.title) is retired. It stays readable, but new versions cannot be drafted.")
        }
        var document = try await FrameworkStore.document(current, on: req.database)
        let newest = try await Frameworks.versions(of: id, on: req.database).map(\.version).max() ?? current.version
        document.version = newest + 1
        document.status = .draft
        _ = try await FrameworkAuthoring.createDraft(document, on: req)
        return req.redirect(to: SiteURL.frameworkDraft(id).path, redirectType: .normal)
    }

    @Sendable static func draftPage(req: Request) async throws -> HTML {
        let (version, document) = try await FrameworkAuthoring.draft(req)
        let previous = try await Frameworks.versions(of: document.id, on: req.database).last { !$0.isDraft && $0.version < version.version }
        return DraftPage.view(.init(document: document, previousVersion: previous?.version), context: PageContext(req))
    }

    @Sendable static func detailsForm(req: Request) async throws -> HTML {
        let (_, document) = try await FrameworkAuthoring.draft(req)
        return DetailsFormPage.view(.init(frameworkID: document.id, form: DetailsForm(document), errors: []), context: PageContext(req))
    }

    @Sendable static func saveDetails(req: Request) async throws -> Response {
        let (version, old) = try await FrameworkAuthoring.draft(req)
        let form = try req.content.decode(DetailsForm.self)
        var document = old
        let errors = form.apply(to: &document)
        guard errors.isEmpty else {
            return DetailsFormPage.view(.init(frameworkID: old.id, form: form, errors: errors), context: PageContext(req)).response(status: .badRequest)
        }
        try await FrameworkAuthoring.save(document, over: old, into: version, on: req)
        return req.redirect(to: SiteURL.frameworkDraft(old.id).path, redirectType: .normal)
    }
}
