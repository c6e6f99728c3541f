import CapableCore
import Fluent
import Plot
import Vapor

/// A person's development plan. Read under the person-record rule; written by the person, their
/// managers and administrators.
enum DevelopmentPlanController {
    struct ItemForm: Content {
        var element_id: String?
        var gap: String?
        var description: String?
        var method: String?
        var due_on: String?
    }

    struct StatusForm: Content {
        var status: String?
    }

    @Sendable static func index(req: Request) async throws -> HTML {
        try await page(req, person: try await ObjectivesController.person(req), form: ItemForm(), errors: [])
    }

    static func page(_ req: Request, person: Person, form: ItemForm, errors: [FieldError]) async throws -> HTML {
        let personID = try person.requireID()
        let items = try await DevelopmentPlanItem.query(on: req.database).filter(\.$person.$id == personID).sort(\.$createdAt).all()
        let elements = try await Frameworks.latestElements(items.compactMap(\.elementID), on: req.database)
        let canWrite = try await Objectives.canWrite(try req.requirePrincipal(), person: personID, on: req.database)
        return DevelopmentPlanPage.view(.init(
            personID: personID, personName: person.displayName, hasRole: person.$jobRole.id != nil, canWrite: canWrite,
            gaps: try await DevelopmentPlans.gaps(for: person, on: req.database),
            items: try items.map { item in
                let element = item.elementID.flatMap { elements[$0] }
                return .init(id: try item.requireID(), element: element.map { "\($0.row.code) \($0.row.title)" }, elementID: item.elementID,
                             description: item.summary, method: item.methodValue, dueOn: item.dueOn, status: item.statusValue, gap: item.gap)
            },
            form: form, errors: errors), context: PageContext(req))
    }

    @Sendable static func add(req: Request) async throws -> Response {
        let person = try await ObjectivesController.person(req)
        let form = try req.content.decode(ItemForm.self)
        switch try await validate(form, on: req.database) {
        case .failure(let failed): return try await page(req, person: person, form: form, errors: failed.errors).response(status: .badRequest)
        case .success(let clean):
            try await create(clean, person: try person.requireID(), on: req)
            return req.redirect(to: SiteURL.developmentPlan(try person.requireID()).path, redirectType: .normal)
        }
    }

    struct Clean: Sendable {
        var element: UUID?
        var description: String
        var method: DevelopmentPlanItem.Method
        var dueOn: String?
        var gap: String?
    }

    /// The problems with an item, by field, for the page and the API.
    static func validate(_ form: ItemForm, on db: any Database) async throws -> Result<Clean, FieldErrors> {
        var errors: [FieldError] = []
        let text = (form.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || text.count > 500 { errors.append(.init(field: "description", message: "Describe what will be done (up to 500 characters)")) }
        let method = DevelopmentPlanItem.Method(rawValue: form.method ?? "")
        if method == nil { errors.append(.init(field: "method", message: "Choose how: a course, shadowing, coaching, a project or something else")) }
        let due = DateField.optional(form.due_on, field: "due_on", what: "the due date", errors: &errors)?.description
        let element = (form.element_id?.isEmpty ?? true) ? nil : UUID(uuidString: form.element_id ?? "")
        if form.element_id?.isEmpty == false, try await element.asyncMap({ try await Frameworks.latestElements([$0], on: db).isEmpty }) ?? true {
            errors.append(.init(field: "description", message: "The framework element is not in any published framework"))
        }
        guard errors.isEmpty, let method else { return .failure(.init(errors)) }
        return .success(Clean(element: element, description: text, method: method, dueOn: due, gap: form.gap?.nilIfEmpty.map { String($0.prefix(200)) }))
    }

    @discardableResult
    static func create(_ clean: Clean, person: UUID, on req: Request) async throws -> DevelopmentPlanItem {
        let item = DevelopmentPlanItem()
        item.$person.id = person
        item.elementID = clean.element
        item.summary = clean.description
        item.method = clean.method.rawValue
        item.dueOn = clean.dueOn
        item.status = DevelopmentPlanItem.Status.planned.rawValue
        item.gap = clean.gap
        try await req.create(item)
        return item
    }

    @Sendable static func setStatus(req: Request) async throws -> Response {
        let person = try await ObjectivesController.person(req)
        guard let id = req.parameters.get("itemID", as: UUID.self),
              let item = try await DevelopmentPlanItem.query(on: req.database).filter(\.$id == id).filter(\.$person.$id == person.requireID()).first()
        else { throw AppError.notFound }
        guard let status = DevelopmentPlanItem.Status(rawValue: try req.content.decode(StatusForm.self).status ?? "") else {
            throw AppError.invalid([.init(field: "status", message: "Choose planned, in progress, done or dropped")])
        }
        try await req.update(item) { $0.status = status.rawValue }
        return req.redirect(to: SiteURL.developmentPlan(try person.requireID()).path, redirectType: .normal)
    }
}
