import Fluent
import Foundation

/// An interview round for a job role: a date, the candidates and the panel. Its criteria are
/// copied from the published person specification when the round is set up, so later edits to
/// the specification never change what a panel has already scored.
final class InterviewRound: Model, @unchecked Sendable {
    static let schema = "interview_rounds"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "title") var title: String
    /// The interview day, yyyy-mm-dd.
    @Field(key: "held_on") var heldOn: String

    // relationships
    @Parent(key: "job_role_id") var jobRole: JobRole
    @Children(for: \.$round) var criteria: [InterviewCriterion]
    @Children(for: \.$round) var candidates: [InterviewCandidate]
    @Children(for: \.$round) var panel: [InterviewPanelMember]

    init() {}

    init(jobRoleID: UUID, title: String, heldOn: String) {
        self.$jobRole.id = jobRoleID
        self.title = title
        self.heldOn = heldOn
    }
}

extension InterviewRound: Auditable {
    static let auditEntity = "interview_round"
    var auditSnapshot: [String: String?] { ["job_role_id": $jobRole.id.uuidString, "title": title, "held_on": heldOn] }
}

/// A criterion on a round's score sheet: a copy of a specification criterion assessed at interview,
/// keeping its framework element id.
final class InterviewCriterion: Model, @unchecked Sendable {
    static let schema = "interview_criteria"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @OptionalField(key: "element_id") var elementID: UUID?
    /// A `SpecificationCriterion.Section` raw value.
    @Field(key: "section") var section: String
    @Field(key: "text") var text: String
    @Field(key: "essential") var essential: Bool
    @Field(key: "position") var position: Int

    // relationships
    @Parent(key: "round_id") var round: InterviewRound

    init() {}

    init(roundID: UUID, copying criterion: SpecificationCriterion, position: Int) {
        self.$round.id = roundID
        self.elementID = criterion.elementID
        self.section = criterion.section
        self.text = criterion.text
        self.essential = criterion.essential
        self.position = position
    }
}

/// A candidate, by name or candidate reference only: the score sheet needs nothing more, and
/// keeping less personal data is safer.
final class InterviewCandidate: Model, @unchecked Sendable {
    static let schema = "interview_candidates"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "reference") var reference: String

    // relationships
    @Parent(key: "round_id") var round: InterviewRound

    init() {}

    init(roundID: UUID, reference: String) {
        self.$round.id = roundID
        self.reference = reference
    }
}

extension InterviewCandidate: Auditable {
    static let auditEntity = "interview_candidate"
    var auditSnapshot: [String: String?] { ["round_id": $round.id.uuidString, "reference": reference] }
}

/// An account sitting on a round's panel. The chair sees every panel member's scores.
final class InterviewPanelMember: Model, @unchecked Sendable {
    static let schema = "interview_panel_members"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "chair") var chair: Bool

    // relationships
    @Parent(key: "round_id") var round: InterviewRound
    @Parent(key: "account_id") var account: Account

    init() {}

    init(roundID: UUID, accountID: UUID, chair: Bool) {
        self.$round.id = roundID
        self.$account.id = accountID
        self.chair = chair
    }
}

extension InterviewPanelMember: Auditable {
    static let auditEntity = "interview_panel_member"
    var auditSnapshot: [String: String?] {
        ["round_id": $round.id.uuidString, "account_id": $account.id.uuidString, "chair": String(chair)]
    }
}
