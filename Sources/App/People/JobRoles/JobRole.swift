import Fluent
import Foundation

/// A job role: what a post is for, its grade range, where it sits, and the framework elements
/// it needs. Person specifications and development plans are built from these requirements.
final class JobRole: Model, @unchecked Sendable {
    static let schema = "job_roles"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "title") var title: String
    @OptionalField(key: "grade_low") var gradeLow: String?
    @OptionalField(key: "grade_high") var gradeHigh: String?
    @Field(key: "purpose") var purpose: String

    // relationships
    @Siblings(through: JobRoleUnit.self, from: \.$jobRole, to: \.$orgUnit) var units: [OrgUnit]
    @Children(for: \.$jobRole) var requirements: [JobRoleRequirement]

    init() {}

    init(title: String, gradeLow: String?, gradeHigh: String?, purpose: String) {
        self.title = title
        self.gradeLow = gradeLow
        self.gradeHigh = gradeHigh
        self.purpose = purpose
    }
}

extension JobRole: Auditable {
    static let auditEntity = "job_role"
    var auditSnapshot: [String: String?] {
        ["title": title, "grade_low": gradeLow, "grade_high": gradeHigh, "purpose": purpose]
    }
}

/// A unit where a job role is found.
final class JobRoleUnit: Model, @unchecked Sendable {
    static let schema = "job_role_units"

    // managed fields
    @ID(key: .id) var id: UUID?

    // relationships
    @Parent(key: "job_role_id") var jobRole: JobRole
    @Parent(key: "org_unit_id") var orgUnit: OrgUnit

    init() {}
}

/// A framework element a job role needs, by the element's stable identifier (which survives new
/// framework versions), with the level expected and whether it is essential or desirable.
final class JobRoleRequirement: Model, @unchecked Sendable {
    static let schema = "job_role_requirements"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "element_id") var elementID: UUID
    @OptionalField(key: "level") var level: Int?
    @Field(key: "essential") var essential: Bool

    // relationships
    @Parent(key: "job_role_id") var jobRole: JobRole

    init() {}

    init(jobRoleID: UUID, elementID: UUID, level: Int?, essential: Bool) {
        self.$jobRole.id = jobRoleID
        self.elementID = elementID
        self.level = level
        self.essential = essential
    }
}
