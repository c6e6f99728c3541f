import CapableCore
import Fluent
import Plot
import Vapor

/// Mandatory training: everyone sees what is required of whom and why; HR and administrators add
/// requirements.
enum RequirementsController {
    static func list(on db: any Database, today: CalendarDate) async throws -> [RequirementsPage.Row] {
        let requirements = try await TrainingRequirement.query(on: db).with(\.$course).all()
        let names = try await Audiences.names(on: db)
        struct Count: Decodable { var requirement_id: UUID; var n: Int }
        let counts = try await db.sql.raw("SELECT requirement_id, COUNT(*) AS n FROM \(ident: ComplianceRecords.table) GROUP BY requirement_id")
            .all(decoding: Count.self)
        let people = Dictionary(counts.map { ($0.requirement_id, $0.n) }, uniquingKeysWith: { first, _ in first })
        return try requirements.map { requirement in
            let id = try requirement.requireID()
            return RequirementsPage.Row(id: id, courseID: requirement.$course.id, course: requirement.course.title,
                                        audience: requirement.audience?.description(using: names) ?? "Nobody", reason: requirement.reason,
                                        dueWithinDays: requirement.dueWithinDays,
                                        refresher: (requirement.refresherMonths ?? requirement.course.validityMonths).map { "Every \($0) months" } ?? "None",
                                        people: people[id] ?? 0)
        }.sorted { $0.course < $1.course }
    }

    @Sendable static func index(req: Request) async throws -> HTML {
        RequirementsPage.view(rows: try await list(on: req.database, today: .today), context: PageContext(req))
    }

    static func formModel(_ form: Requirements.Form, editing: UUID? = nil, errors: [FieldError], on db: any Database) async throws -> RequirementsPage.FormModel {
        let courses = try await Course.query(on: db).sort(\.$title).all()
        let roles = try await JobRole.query(on: db).sort(\.$title).all()
        return .init(form: form, courses: try courses.map { (try $0.requireID().uuidString.lowercased(), "\($0.title) (\($0.code))") },
                     roles: try roles.map { (try $0.requireID(), $0.title) }, editing: editing, errors: errors)
    }

    @Sendable static func newForm(req: Request) async throws -> HTML {
        RequirementsPage.form(try await formModel(.init(rule: "allStaff", due_within_days: "90"), errors: [], on: req.database), context: PageContext(req))
    }

    static func find(_ req: Request) async throws -> TrainingRequirement {
        guard let id = req.parameters.get("requirementID", as: UUID.self), let requirement = try await TrainingRequirement.find(id, on: req.database) else {
            throw AppError.notFound
        }
        return requirement
    }

    @Sendable static func editForm(req: Request) async throws -> HTML {
        let requirement = try await find(req)
        let form = try await Requirements.form(for: requirement, on: req.database)
        return RequirementsPage.form(try await formModel(form, editing: try requirement.requireID(), errors: [], on: req.database), context: PageContext(req))
    }

    /// Adds a requirement (no id in the path) or saves a change to one.
    @Sendable static func save(req: Request) async throws -> Response {
        let existing = req.parameters.get("requirementID") == nil ? nil : try await find(req)
        let form = try req.content.decode(Requirements.Form.self)
        switch try await Requirements.validate(form, today: .today, on: req.database) {
        case .failure(.invalid(let errors)):
            return RequirementsPage.form(try await formModel(form, editing: existing?.id, errors: errors, on: req.database), context: PageContext(req))
                .response(status: .badRequest)
        case .failure(let error):
            throw error
        case .success(let clean):
            _ = try await Requirements.save(clean, into: existing, on: req)
            return req.redirect(to: SiteURL.learning(.requirements).path, redirectType: .normal)
        }
    }
}
