import CapableCore
import Fluent
import Plot
import Vapor

/// A job role's person specification. Everyone signed in reads a published one (it goes out with
/// the job advert); HR and administrators generate, edit, publish and see drafts.
enum PersonSpecificationController {
    /// Whether the viewer may see drafts and change specifications.
    static func canEdit(_ req: Request) -> Bool {
        !(req.principal?.roles ?? []).isDisjoint(with: [.hr, .admin])
    }

    /// The role and its specification as the show page presents them; nil when there is nothing
    /// the viewer may see (no specification, or a draft and `includeDraft` is false).
    static func query(roleID: UUID, includeDraft: Bool, on db: any Database) async throws -> PersonSpecificationPage.Model? {
        guard let role = try await JobRole.find(roleID, on: db) else { return nil }
        let spec = try await PersonSpecifications.find(roleID: roleID, on: db)
        if let spec, !spec.isPublished, !includeDraft { return nil }
        if spec == nil && !includeDraft { return nil }
        var model = PersonSpecificationPage.Model(roleID: roleID, roleTitle: role.title, grades: JobRolesPage.grades(role),
                                                  purpose: role.purpose, status: spec?.status, publishedAt: spec?.publishedAt.map(DisplayFormat.dateTime),
                                                  groups: [], experience: [], canEdit: includeDraft)
        if let spec {
            let criteria = try await PersonSpecifications.criteria(of: spec, on: db)
            let info = try await ElementLookup.info(criteria.compactMap(\.elementID), on: db)
            (model.groups, model.experience) = CriterionGroups.group(criteria.compactMap(CriterionGroups.input), info: info)
        }
        return model
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let role = try await JobRolesController.find(req)
        guard let model = try await query(roleID: try role.requireID(), includeDraft: canEdit(req), on: req.database) else {
            throw AppError.notFound
        }
        if req.query[String.self, at: "print"] == "1", model.status != nil {
            return PersonSpecificationPage.print(model)
        }
        return PersonSpecificationPage.view(model, context: PageContext(req))
    }

    @Sendable static func generate(req: Request) async throws -> Response {
        let role = try await JobRolesController.find(req)
        try await PersonSpecifications.generate(role: role, on: req.database, context: req.auditContext)
        return req.redirect(to: SiteURL.personSpecificationEdit(try role.requireID()).path, redirectType: .normal)
    }

    @Sendable static func publish(req: Request) async throws -> Response {
        let (role, spec) = try await findSpecification(req)
        // The same checks as saving the edit form, so nothing unsaveable is published: the edit
        // page shows what to fix.
        if !spec.isPublished {
            var model = try await editQuery(roleID: try role.requireID(), errors: [], on: req.database)
            let errors = model.allCriteria.flatMap { criterion in
                PersonSpecifications.problems(.init(text: criterion.text, need: criterion.essential ? "essential" : "desirable",
                                                    assessedAt: criterion.assessedAt.map(\.rawValue)),
                                              name: criterion.name) { fieldID($0, criterion.id) }
            }
            if !errors.isEmpty {
                model.errors = errors
                return PersonSpecificationEditPage.view(model, context: PageContext(req)).response(status: .badRequest)
            }
        }
        try await PersonSpecifications.publish(spec, on: req.database, context: req.auditContext)
        return req.redirect(to: SiteURL.personSpecification(try role.requireID(), print: false).path, redirectType: .normal)
    }

    @Sendable static func reopen(req: Request) async throws -> Response {
        let (role, spec) = try await findSpecification(req)
        try await PersonSpecifications.reopen(spec, on: req.database, context: req.auditContext)
        return req.redirect(to: SiteURL.personSpecificationEdit(try role.requireID()).path, redirectType: .normal)
    }

    static func findSpecification(_ req: Request) async throws -> (JobRole, PersonSpecification) {
        let role = try await JobRolesController.find(req)
        guard let spec = try await PersonSpecifications.find(roleID: try role.requireID(), on: req.database) else { throw AppError.notFound }
        return (role, spec)
    }

    /// A draft, for the handlers that change one: a published specification is read-only.
    static func findDraft(_ req: Request) async throws -> (JobRole, PersonSpecification) {
        let (role, spec) = try await findSpecification(req)
        guard !spec.isPublished else {
            throw AppError.conflict("This person specification is published and cannot be changed. Make it a draft again first.")
        }
        return (role, spec)
    }
}
