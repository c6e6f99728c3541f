import CapableCore
import Fluent
import Plot
import Vapor

extension FrameworkAuthoringController {
    @Sendable static func newElementForm(req: Request) async throws -> HTML {
        let (_, document) = try await FrameworkAuthoring.draft(req)
        let parent = (try? req.query.get(UUID.self, at: "parent")).flatMap { document.element($0) }
        var form = ElementForm()
        form.parent = parent?.id.uuidString.lowercased() ?? ""
        form.kind = parent?.kind.allowedChildren.sorted { $0.rawValue < $1.rawValue }.first?.rawValue
            ?? (document.kind == .coreValues ? "value" : document.kind == .guidingPrinciples ? "principle" : "capability")
        form.audience = parent?.audience.rawValue ?? "allStaff"
        return ElementFormPage.view(.init(document: document, elementID: nil, form: form, errors: []), context: PageContext(req))
    }

    @Sendable static func editElementForm(req: Request) async throws -> HTML {
        let (_, document) = try await FrameworkAuthoring.draft(req)
        guard let id = req.parameters.get("elementID", as: UUID.self), let element = document.element(id) else { throw AppError.notFound }
        let form = ElementForm(element, parent: document.parent(of: id)?.id, in: document)
        return ElementFormPage.view(.init(document: document, elementID: id, form: form, errors: []), context: PageContext(req))
    }

    /// Adds an element (no `:elementID`) or saves one, moving it if its parent changed.
    @Sendable static func saveElement(req: Request) async throws -> Response {
        let (version, old) = try await FrameworkAuthoring.draft(req)
        let form = try req.content.decode(ElementForm.self)
        let existing: FrameworkDocument.Element?
        if let id = req.parameters.get("elementID", as: UUID.self) {
            guard let element = old.element(id) else { throw AppError.notFound }
            existing = element
        } else {
            existing = nil
        }
        let refuse = { (errors: [FieldError]) in
            ElementFormPage.view(.init(document: old, elementID: existing?.id, form: form, errors: errors), context: PageContext(req))
                .response(status: .badRequest)
        }
        var document = old
        switch form.element(existing: existing, in: old) {
        case .failure(.invalid(let errors)):
            return refuse(errors)
        case .failure(let error):
            throw error
        case .success(let (element, parent)):
            do {
                if let existing {
                    try document.updateElement(existing.id) { $0 = element }
                    if old.parent(of: existing.id)?.id != parent { try document.moveElement(existing.id, under: parent) }
                } else {
                    try document.addElement(element, under: parent)
                }
            } catch {
                return refuse(error.problems.map { FieldError(field: "code", message: $0) })
            }
            try await FrameworkAuthoring.save(document, over: old, into: version, on: req)
            return req.redirect(to: SiteURL.frameworkDraft(old.id).path + "#element-\(element.code)", redirectType: .normal)
        }
    }

    struct MoveForm: Content {
        /// "up" or "down".
        var direction: String?
    }

    @Sendable static func moveElement(req: Request) async throws -> Response {
        let (version, old) = try await FrameworkAuthoring.draft(req)
        guard let id = req.parameters.get("elementID", as: UUID.self), let element = old.element(id) else { throw AppError.notFound }
        let direction = try req.content.decode(MoveForm.self).direction
        guard let offset = ["up": -1, "down": 1][direction ?? ""] else {
            throw AppError.invalid([.init(field: "direction", message: "Choose whether to move \(element.code) up or down")])
        }
        var document = old
        do { try document.moveElement(id, by: offset) } catch { throw AppError.invalid(error.problems.map { .init(field: "direction", message: $0) }) }
        try await FrameworkAuthoring.save(document, over: old, into: version, on: req)
        return req.redirect(to: SiteURL.frameworkDraft(old.id).path + "#element-\(element.code)", redirectType: .normal)
    }

    /// Removes an element and everything under it from the draft.
    @Sendable static func deleteElement(req: Request) async throws -> Response {
        let (version, old) = try await FrameworkAuthoring.draft(req)
        guard let id = req.parameters.get("elementID", as: UUID.self), old.element(id) != nil else { throw AppError.notFound }
        var document = old
        do { try document.removeElement(id) } catch { throw AppError.invalid(error.problems.map { .init(field: "element", message: $0) }) }
        try await FrameworkAuthoring.save(document, over: old, into: version, on: req)
        return req.redirect(to: SiteURL.frameworkDraft(old.id).path, redirectType: .normal)
    }
}
