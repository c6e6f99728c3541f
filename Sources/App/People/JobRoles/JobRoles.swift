import CapableCore
import Fluent
import Vapor

/// Job-role rules shared by the pages and the API.
enum JobRoles {
    /// What a form or API call sets on a job role.
    struct Input: Content, Sendable {
        var title: String?
        var gradeLow: String?
        var gradeHigh: String?
        var purpose: String?
        /// Organisation unit codes.
        var units: [String]?
    }

    struct Requirement: Content, Sendable, Equatable {
        var elementId: UUID
        var level: Int?
        var essential: Bool
    }

    /// Problems with an input, by field name (`fieldName` maps the API's names to a form's).
    static func problems(_ input: Input, fieldName: (String) -> String = { $0 }, on db: any Database) async throws -> (errors: [FieldError], units: [UUID]) {
        var errors: [FieldError] = []
        let title = (input.title ?? "").trimmingCharacters(in: .whitespaces)
        if title.isEmpty { errors.append(.init(field: fieldName("title"), message: "Enter the job role's title")) }
        if title.count > 200 { errors.append(.init(field: fieldName("title"), message: "Title must be 200 characters or fewer")) }
        let low = input.gradeLow?.nilIfEmpty, high = input.gradeHigh?.nilIfEmpty
        if let low, let high, let problem = GradeScale.default.problem(lowest: low, highest: high) {
            errors.append(.init(field: fieldName("gradeLow"), message: problem))
        } else if (low == nil) != (high == nil) {
            errors.append(.init(field: fieldName(low == nil ? "gradeLow" : "gradeHigh"), message: "Enter both ends of the grade range, or neither"))
        }
        let (units, unknown) = try await AccountsAdmin.units(codes: (input.units ?? []).joined(separator: ","), on: db)
        if !unknown.isEmpty {
            errors.append(.init(field: fieldName("units"), message: "No organisation unit has the code \(unknown.joined(separator: ", "))"))
        }
        return (errors, units)
    }

    /// Creates or updates a job role and its units, audited.
    static func save(_ input: Input, units: [UUID], into role: JobRole?, on req: Request) async throws -> JobRole {
        let target = role ?? JobRole()
        let apply: (JobRole) -> Void = { role in
            role.title = (input.title ?? "").trimmingCharacters(in: .whitespaces)
            role.gradeLow = input.gradeLow?.nilIfEmpty
            role.gradeHigh = input.gradeHigh?.nilIfEmpty
            role.purpose = (input.purpose ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if role == nil {
            apply(target)
            try await req.create(target)
        } else {
            try await req.update(target, apply)
        }
        let id = try target.requireID()
        let before = Set(try await JobRoleUnit.query(on: req.database).filter(\.$jobRole.$id == id).all().map(\.$orgUnit.id))
        if before != Set(units) {
            try await JobRoleUnit.query(on: req.database).filter(\.$jobRole.$id == id).delete()
            for unit in Set(units) {
                let link = JobRoleUnit()
                link.$jobRole.id = id
                link.$orgUnit.id = unit
                try await link.create(on: req.database)
            }
            try await req.audit("update", entity: JobRole.auditEntity, id: id.uuidString,
                                changes: [FieldChange(field: "units", old: String(before.count), new: String(Set(units).count))])
        }
        return target
    }
}
