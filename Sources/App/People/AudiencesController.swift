import CapableCore
import Fluent
import Plot
import Vapor

/// Try out an audience: who would be in "all managers in Highways", "grades G6 to G8", "new
/// starters in the last 30 days". HR and administrators use it to check a group before
/// mandatory training or a review cycle is aimed at it.
enum AudiencesController {
    struct Query: Content {
        var rule: String?
        var unit: String?
        var subunits: String?
        var role: UUID?
        var grade_low: String?
        var grade_high: String?
        var days: String?
    }

    /// The rule the form describes, or the field that is wrong.
    static func rule(from query: Query, on db: any Database) async throws -> (AudienceRule?, [FieldError]) {
        switch query.rule ?? "" {
        case "": return (nil, [])
        case "allStaff": return (.allStaff, [])
        case "allManagers": return (.allManagers, [])
        case "unit":
            let code = (query.unit ?? "").trimmingCharacters(in: .whitespaces)
            guard let unit = try await OrgUnit.query(on: db).filter(\.$code == code).first(), let id = unit.id else {
                return (nil, [FieldError(field: "unit", message: code.isEmpty ? "Enter a unit code" : "No organisation unit has the code \(code)")])
            }
            return (.unit(id, includeSubunits: query.subunits == "yes"), [])
        case "jobRole":
            guard let role = query.role, try await JobRole.find(role, on: db) != nil else {
                return (nil, [FieldError(field: "role", message: "Choose a job role")])
            }
            return (.jobRole(role), [])
        case "gradeRange":
            let low = (query.grade_low ?? "").trimmingCharacters(in: .whitespaces), high = (query.grade_high ?? "").trimmingCharacters(in: .whitespaces)
            if let problem = GradeScale.default.problem(lowest: low, highest: high) { return (nil, [FieldError(field: "grade_low", message: problem)]) }
            return (.gradeRange(lowest: low, highest: high), [])
        case "newStarters":
            guard let days = Int(query.days ?? ""), (1...3650).contains(days) else {
                return (nil, [FieldError(field: "days", message: "Enter a number of days from 1 to 3650")])
            }
            return (.newStarters(withinDays: days), [])
        default:
            return (nil, [FieldError(field: "rule", message: "Choose who is in the audience")])
        }
    }

    @Sendable static func preview(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let query = try req.query.decode(Query.self)
        let (rule, errors) = try await rule(from: query, on: req.database)
        let roles = try await JobRole.query(on: req.database).sort(\.$title).all().compactMap { role in role.id.map { ($0, role.title) } }
        var result: AudiencePage.Result?
        if let rule {
            let audience = Audience(name: "Preview", rules: [rule])
            let members = AudienceEvaluator.members(of: audience, in: try await Audiences.snapshot(on: req.database), today: .today)
            // The names listed are only those the viewer may see; the count is the whole group.
            let visible = try await PeopleQueries.search(.init(limit: 100_000), scope: PeopleScope(viewer: principal.viewer), on: req.database)
            let shown = visible.filter { members.contains($0.id) }
            result = .init(description: rule.description(using: try await Audiences.names(on: req.database)), count: members.count,
                           people: Array(shown.prefix(AudiencePage.shown)), hiddenFromViewer: members.count - shown.count)
        }
        let model = AudiencePage.Model(query: query, roles: roles, errors: errors, result: result)
        return AudiencePage.view(model, context: PageContext(req)).response(status: errors.isEmpty ? .ok : .badRequest)
    }
}
