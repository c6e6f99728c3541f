import Fluent
import Foundation

/// A probation review a manager has held: how the core behaviours and objectives are going, the
/// manager assessment it rests on, and, at the final review, the outcome.
final class ProbationReview: Model, @unchecked Sendable {
    static let schema = "probation_reviews"

    enum Outcome: String, Codable, Sendable, CaseIterable {
        case confirm, extend, notConfirmed

        var label: String {
            switch self {
            case .confirm: "Confirm in post"
            case .extend: "Extend the probation"
            case .notConfirmed: "Do not confirm"
            }
        }
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// The scheduled date this review answers, `yyyy-mm-dd`.
    @Field(key: "due_on") var dueOn: String
    @Field(key: "held_on") var heldOn: String
    @Field(key: "notes") var notes: String
    @OptionalField(key: "assessment_id") var assessmentID: UUID?
    /// An `Outcome` raw value, at the final review only.
    @OptionalField(key: "outcome") var outcome: String?
    /// The new end date, when the outcome is to extend.
    @OptionalField(key: "new_end_date") var newEndDate: String?

    // relationships
    @Parent(key: "person_id") var person: Person
    @Parent(key: "manager_id") var manager: Person

    init() {}

    var outcomeValue: Outcome? { outcome.flatMap(Outcome.init(rawValue:)) }
}

extension ProbationReview: Auditable {
    static let auditEntity = "probation_review"
    var auditSnapshot: [String: String?] {
        ["person_id": $person.id.uuidString, "manager_id": $manager.id.uuidString, "due_on": dueOn, "held_on": heldOn,
         "assessment_id": assessmentID?.uuidString, "outcome": outcome, "new_end_date": newEndDate]
    }
}
