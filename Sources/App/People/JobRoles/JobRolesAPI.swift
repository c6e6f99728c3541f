import Fluent
import Vapor

/// `/api/v1/job-roles`: read by anyone signed in; written by HR and administrators.
enum JobRolesAPI {
    struct JobRoleDTO: Content {
        var id: UUID
        var title: String
        var gradeLow: String?
        var gradeHigh: String?
        var purpose: String
        var units: [String]
        var requirements: [JobRoles.Requirement]

        init(_ role: JobRole) throws {
            id = try role.requireID()
            title = role.title
            gradeLow = role.gradeLow
            gradeHigh = role.gradeHigh
            purpose = role.purpose
            units = role.units.map(\.code).sorted()
            requirements = role.requirements.map { .init(elementId: $0.elementID, level: $0.level, essential: $0.essential) }
        }
    }

    @Sendable static func list(req: Request) async throws -> [JobRoleDTO] {
        try await JobRole.query(on: req.database).with(\.$units).with(\.$requirements).sort(\.$title).all().map(JobRoleDTO.init)
    }

    @Sendable static func show(req: Request) async throws -> JobRoleDTO {
        try JobRoleDTO(try await JobRolesController.find(req))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let input = try req.content.decode(JobRoles.Input.self)
        let existing: JobRole? = req.parameters.get("roleID") == nil ? nil : try await JobRolesController.find(req)
        let (errors, units) = try await JobRoles.problems(input, on: req.database)
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        let role = try await JobRoles.save(input, units: units, into: existing, on: req)
        let saved = try await JobRole.query(on: req.database).filter(\.$id == (try role.requireID())).with(\.$units).with(\.$requirements).first()
        guard let saved else { throw AppError.notFound }
        return try await JobRoleDTO(saved).encodeResponse(status: existing == nil ? .created : .ok, for: req)
    }

    @Sendable static func setRequirements(req: Request) async throws -> JobRoleDTO {
        let role = try await JobRolesController.find(req)
        let requirements = try req.content.decode([JobRoles.Requirement].self)
        try await JobRoles.setRequirements(requirements, of: role, on: req)
        return try JobRoleDTO(try await JobRolesController.find(req))
    }
}
