import CapableCore
import Fluent
import Plot
import Vapor

extension PersonSpecificationController {
    /// The edit form: per criterion `text[<id>]`, `need[<id>]` (essential or desirable),
    /// `assessed[<id>][]`; `remove[]` lists experience criteria to take out; `publish=1` publishes
    /// after saving.
    struct EditForm: Content {
        var text: [String: String]?
        var need: [String: String]?
        var assessed: [String: [String]]?
        var remove: [String]?
        var publish: String?

        func input(_ id: UUID) -> PersonSpecifications.CriterionInput {
            let key = id.uuidString.lowercased()
            return .init(text: text?[key], need: need?[key], assessedAt: assessed?[key] ?? [])
        }
    }

    /// Adding an experience-and-knowledge criterion.
    struct NewCriterionForm: Content {
        var new_text: String?
        var new_need: String?
        var new_assessed: [String]?

        var input: PersonSpecifications.CriterionInput { .init(text: new_text, need: new_need, assessedAt: new_assessed ?? []) }
    }

    /// The control id of one of a criterion's fields on the edit page, e.g. "text-<id>".
    static func fieldID(_ control: String, _ id: UUID) -> String { "\(control)-\(id.uuidString.lowercased())" }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let (role, spec) = try await findSpecification(req)
        guard !spec.isPublished else {
            return req.redirect(to: SiteURL.personSpecification(try role.requireID(), print: false).path, redirectType: .normal)
        }
        let model = try await editQuery(roleID: try role.requireID(), errors: [], on: req.database)
        return try await PersonSpecificationEditPage.view(model, context: PageContext(req)).encodeResponse(for: req)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let (role, spec) = try await findDraft(req)
        let roleID = try role.requireID()
        let form = try req.content.decode(EditForm.self)
        let remove = Set((form.remove ?? []).compactMap(UUID.init(uuidString:)))
        var model = try await editQuery(roleID: roleID, errors: [], on: req.database)
        var errors: [FieldError] = []
        for criterion in model.allCriteria where !remove.contains(criterion.id) {
            errors += PersonSpecifications.problems(form.input(criterion.id), name: criterion.name) { fieldID($0, criterion.id) }
        }
        let criteria = try await PersonSpecifications.criteria(of: spec, on: req.database)
        if criteria.count == criteria.filter({ $0.id.map(remove.contains) == true && $0.sectionValue == .experience }).count {
            errors.append(.init(field: "criteria", message: "A person specification needs at least one criterion"))
        }
        guard errors.isEmpty else {
            model.fill(from: form, remove: remove)
            model.errors = errors
            return PersonSpecificationEditPage.view(model, context: PageContext(req)).response(status: .badRequest)
        }
        let inputs = Dictionary(uniqueKeysWithValues: criteria.compactMap(\.id).map { ($0, form.input($0)) })
        try await PersonSpecifications.apply(inputs, remove: remove, to: criteria, on: req.database, context: req.auditContext)
        if form.publish == "1" {
            try await PersonSpecifications.publish(spec, on: req.database, context: req.auditContext)
        }
        return req.redirect(to: SiteURL.personSpecification(roleID, print: false).path, redirectType: .normal)
    }

    @Sendable static func addCriterion(req: Request) async throws -> Response {
        let (role, spec) = try await findDraft(req)
        let roleID = try role.requireID()
        let form = try req.content.decode(NewCriterionForm.self)
        let errors = PersonSpecifications.problems(form.input, name: "the new criterion") { "new_\($0)" }
        guard errors.isEmpty else {
            var model = try await editQuery(roleID: roleID, errors: errors, on: req.database)
            model.newCriterion = .init(text: form.new_text ?? "", need: form.new_need ?? "", assessedAt: form.new_assessed ?? [])
            return PersonSpecificationEditPage.view(model, context: PageContext(req)).response(status: .badRequest)
        }
        try await PersonSpecifications.addExperience(form.input, to: spec, on: req.database, context: req.auditContext)
        return req.redirect(to: SiteURL.personSpecificationEdit(roleID).path, redirectType: .normal)
    }

    /// The edit page's model: the draft's criteria grouped as the specification shows them.
    static func editQuery(roleID: UUID, errors: [FieldError], on db: any Database) async throws -> PersonSpecificationEditPage.Model {
        guard let shown = try await query(roleID: roleID, includeDraft: true, on: db) else { throw AppError.notFound }
        return PersonSpecificationEditPage.Model(roleID: roleID, roleTitle: shown.roleTitle, groups: shown.groups,
                                                 experience: shown.experience, remove: [], errors: errors,
                                                 newCriterion: .init(text: "", need: "essential", assessedAt: ["application", "interview"]))
    }
}
