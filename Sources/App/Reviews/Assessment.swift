import Fluent
import Foundation

/// A rating of a person against one framework version, element by element, by themselves, their
/// manager or a peer. Pinned to the version used, so a later version never changes what was rated.
final class Assessment: Model, @unchecked Sendable {
    static let schema = "assessments"

    enum Kind: String, Codable, Sendable, CaseIterable {
        case selfAssessment = "self", manager, peer

        var label: String {
            switch self {
            case .selfAssessment: "Self-assessment"
            case .manager: "Manager assessment"
            case .peer: "Peer assessment"
            }
        }
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// A `Kind` raw value.
    @Field(key: "kind") var kind: String
    /// The framework version rated against (a `frameworks` row id).
    @Field(key: "framework_version_id") var frameworkVersionID: UUID
    /// `yyyy-mm-dd` once submitted; nil while a draft.
    @OptionalField(key: "submitted_on") var submittedOn: String?
    /// When the person may see a manager's assessment (after sign-off or calibration); a
    /// self-assessment is theirs from the start.
    @Field(key: "shared_with_person") var sharedWithPerson: Bool

    // relationships
    @Parent(key: "person_id") var person: Person
    @Parent(key: "assessor_id") var assessor: Person
    @Children(for: \.$assessment) var ratings: [AssessmentRating]

    init() {}

    var kindValue: Kind { Kind(rawValue: kind) ?? .selfAssessment }
    var isSubmitted: Bool { submittedOn != nil }
}

extension Assessment: Auditable {
    static let auditEntity = "assessment"
    var auditSnapshot: [String: String?] {
        ["person_id": $person.id.uuidString, "assessor_id": $assessor.id.uuidString, "kind": kind,
         "framework_version_id": frameworkVersionID.uuidString, "submitted_on": submittedOn,
         "shared_with_person": sharedWithPerson ? "yes" : "no"]
    }
}

/// One element's rating on the framework's scale, with the evidence for it.
final class AssessmentRating: Model, @unchecked Sendable {
    static let schema = "assessment_ratings"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "element_id") var elementID: UUID
    @Field(key: "level") var level: Int
    @Field(key: "evidence") var evidence: String
    /// Check-in observations cited as evidence, as a comma-separated list of ids.
    @Field(key: "observation_ids") var observationIDs: String

    // relationships
    @Parent(key: "assessment_id") var assessment: Assessment

    init() {}

    var observations: [UUID] { observationIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
}
