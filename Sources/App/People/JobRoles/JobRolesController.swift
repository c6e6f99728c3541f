import CapableCore
import Fluent
import Plot
import Vapor

/// Job roles: everyone can read them (they are not personal data); HR and administrators edit.
enum JobRolesController {
    struct Form: Content {
        var title: String?
        var grade_low: String?
        var grade_high: String?
        var purpose: String?
        var units: String?

        var input: JobRoles.Input {
            JobRoles.Input(title: title, gradeLow: grade_low, gradeHigh: grade_high, purpose: purpose,
                           units: (units ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }

    /// The form's field names for the API's.
    static func formField(_ api: String) -> String {
        ["gradeLow": "grade_low", "gradeHigh": "grade_high"][api] ?? api
    }

    @Sendable static func index(req: Request) async throws -> HTML {
        let roles = try await JobRole.query(on: req.database).with(\.$units).with(\.$requirements).sort(\.$title).all()
        return JobRolesPage.list(roles.map(JobRolesPage.Summary.init), context: PageContext(req))
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let role = try await find(req)
        let elements = try await ElementLookup.info(role.requirements.map(\.elementID), on: req.database)
        let spec = try await PersonSpecifications.find(roleID: try role.requireID(), on: req.database)
        return JobRolesPage.show(.init(role, elements: elements, specificationStatus: spec?.status), context: PageContext(req))
    }

    @Sendable static func newForm(req: Request) async throws -> HTML {
        JobRolesPage.form(.init(id: nil, form: Form(), errors: []), context: PageContext(req))
    }

    @Sendable static func editForm(req: Request) async throws -> HTML {
        let role = try await find(req)
        let form = Form(title: role.title, grade_low: role.gradeLow, grade_high: role.gradeHigh, purpose: role.purpose,
                        units: role.units.map(\.code).sorted().joined(separator: ", "))
        return JobRolesPage.form(.init(id: role.id, form: form, errors: []), context: PageContext(req))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let existing: JobRole? = req.parameters.get("roleID") == nil ? nil : try await find(req)
        let (errors, units) = try await JobRoles.problems(form.input, fieldName: formField, on: req.database)
        guard errors.isEmpty else {
            return JobRolesPage.form(.init(id: existing?.id, form: form, errors: errors), context: PageContext(req)).response(status: .badRequest)
        }
        let role = try await JobRoles.save(form.input, units: units, into: existing, on: req)
        return req.redirect(to: SiteURL.jobRole(try role.requireID()).path, redirectType: .normal)
    }

    static func find(_ req: Request) async throws -> JobRole {
        guard let id = req.parameters.get("roleID", as: UUID.self),
              let role = try await JobRole.query(on: req.database).filter(\.$id == id).with(\.$units).with(\.$requirements).first()
        else { throw AppError.notFound }
        return role
    }
}
