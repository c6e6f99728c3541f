import CapableCore
import Fluent
import Foundation

/// A job role's person specification: the criteria a candidate is assessed against, grouped under
/// the framework's values or principles, plus the experience-and-knowledge section. One per role;
/// only HR and administrators see it while it is a draft.
final class PersonSpecification: Model, @unchecked Sendable {
    static let schema = "person_specifications"

    enum Status: String, Codable, Sendable { case draft, published }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// A `Status` raw value.
    @Field(key: "status") var status: String
    @OptionalField(key: "published_at") var publishedAt: Date?

    // relationships
    @Parent(key: "job_role_id") var jobRole: JobRole
    @Children(for: \.$specification) var criteria: [SpecificationCriterion]

    init() {}

    init(jobRoleID: UUID) {
        self.$jobRole.id = jobRoleID
        self.status = Status.draft.rawValue
    }

    var statusValue: Status { Status(rawValue: status) ?? .draft }
    var isPublished: Bool { statusValue == .published }
}

extension PersonSpecification: Auditable {
    static let auditEntity = "person_specification"
    var auditSnapshot: [String: String?] {
        ["job_role_id": $jobRole.id.uuidString, "status": status, "published_at": publishedAt.map { AuditFormat.timestamp($0) }]
    }
}

/// One criterion of a person specification. Framework criteria keep the framework element's
/// stable id, so the interview, probation and PDR all talk about the same behaviour.
final class SpecificationCriterion: Model, @unchecked Sendable {
    static let schema = "person_specification_criteria"

    enum Section: String, Codable, Sendable, CaseIterable { case framework, experience }

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    /// A `Section` raw value.
    @Field(key: "section") var section: String
    /// The framework element's stable id; nil for experience-and-knowledge criteria.
    @OptionalField(key: "element_id") var elementID: UUID?
    @Field(key: "text") var text: String
    @Field(key: "essential") var essential: Bool
    /// `AssessmentMethod.encode` of where it is assessed.
    @Field(key: "assessed_at") var assessedAt: String
    @Field(key: "position") var position: Int

    // relationships
    @Parent(key: "specification_id") var specification: PersonSpecification

    init() {}

    init(specificationID: UUID, section: Section, elementID: UUID?, text: String, essential: Bool,
         assessedAt: Set<AssessmentMethod>, position: Int) {
        self.$specification.id = specificationID
        self.section = section.rawValue
        self.elementID = elementID
        self.text = text
        self.essential = essential
        self.assessedAt = AssessmentMethod.encode(assessedAt)
        self.position = position
    }

    var sectionValue: Section { Section(rawValue: section) ?? .experience }
    var methods: Set<AssessmentMethod> { AssessmentMethod.decode(assessedAt) }
}

extension SpecificationCriterion: Auditable {
    static let auditEntity = "person_specification_criterion"
    var auditSnapshot: [String: String?] {
        ["specification_id": $specification.id.uuidString, "section": section, "element_id": elementID?.uuidString,
         "text": text, "essential": String(essential), "assessed_at": assessedAt, "position": String(position)]
    }
}
