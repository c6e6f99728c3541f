import CapableCore
import Fluent
import Vapor

extension JobRoles {
    /// Problems with a role's requirements, named as the API names them (`requirements[i].elementId`,
    /// `requirements[i].level`). A requirement must name an element of a framework version that is
    /// in force or was (published, superseded or retired, never a draft: a draft may still change),
    /// at a level on that framework's rating scale, and each element only once.
    static func requirementProblems(_ requirements: [Requirement], on db: any Database) async throws -> [FieldError] {
        let found = try await Frameworks.latestElements(requirements.map(\.elementId), on: db)
        var errors: [FieldError] = []
        for (index, requirement) in requirements.enumerated() {
            guard let element = found[requirement.elementId] else {
                errors.append(.init(field: "requirements[\(index)].elementId",
                                    message: "No published framework has the element \(requirement.elementId.uuidString.lowercased())"))
                continue
            }
            let levels = scale(of: element.version).count
            if let level = requirement.level, !(1...levels).contains(level) {
                errors.append(.init(field: "requirements[\(index)].level",
                                    message: "Level for \(element.row.code) must be from 1 to \(levels), on the framework's rating scale"))
            }
        }
        if Set(requirements.map(\.elementId)).count != requirements.count {
            errors.append(.init(field: "requirements", message: "Each framework element can be listed once"))
        }
        return errors
    }

    /// A framework version's rating scale (the standard four levels unless it sets its own).
    static func scale(of version: FrameworkVersion) -> [ScaleLevel] {
        version.scale.flatMap { try? JSONDecoder().decode([ScaleLevel].self, from: Data($0.utf8)) } ?? ScaleLevel.standard
    }

    /// Replaces a role's framework requirements (by element identifier), audited. Checks them
    /// again so no caller can store an unknown element; on a problem nothing is written.
    static func setRequirements(_ requirements: [Requirement], of role: JobRole, on req: Request) async throws {
        let errors = try await requirementProblems(requirements, on: req.database)
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        let id = try role.requireID()
        let before = try await JobRoleRequirement.query(on: req.database).filter(\.$jobRole.$id == id).all()
        try await JobRoleRequirement.query(on: req.database).filter(\.$jobRole.$id == id).delete()
        for requirement in requirements {
            try await JobRoleRequirement(jobRoleID: id, elementID: requirement.elementId, level: requirement.level,
                                         essential: requirement.essential).create(on: req.database)
        }
        try await req.audit("update", entity: JobRole.auditEntity, id: id.uuidString,
                            changes: [FieldChange(field: "requirements", old: describe(before.map { .init(elementId: $0.elementID, level: $0.level, essential: $0.essential) }),
                                                  new: describe(requirements))])
    }

    /// Requirements in a stable, readable form for the audit log: "id:level:E|D" sorted.
    private static func describe(_ requirements: [Requirement]) -> String {
        requirements.map { "\($0.elementId.uuidString.lowercased()):\($0.level.map(String.init) ?? "-"):\($0.essential ? "E" : "D")" }
            .sorted().joined(separator: ",")
    }
}
