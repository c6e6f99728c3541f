import Fluent
import Foundation

/// One panel member's score sheet for one candidate. Editable by that panel member until submitted.
final class InterviewSheet: Model, @unchecked Sendable {
    static let schema = "interview_sheets"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @OptionalField(key: "submitted_at") var submittedAt: Date?

    // relationships
    @Parent(key: "candidate_id") var candidate: InterviewCandidate
    @Parent(key: "panel_member_id") var panelMember: InterviewPanelMember
    @Children(for: \.$sheet) var scores: [InterviewScore]

    init() {}

    init(candidateID: UUID, panelMemberID: UUID) {
        self.$candidate.id = candidateID
        self.$panelMember.id = panelMemberID
    }
}

extension InterviewSheet: Auditable {
    static let auditEntity = "interview_sheet"
    var auditSnapshot: [String: String?] {
        ["candidate_id": $candidate.id.uuidString, "panel_member_id": $panelMember.id.uuidString,
         "submitted_at": submittedAt.map { AuditFormat.timestamp($0) }]
    }
}

/// A score (0 to 4, see `InterviewScoring.anchors`) and a note on one criterion of one sheet.
final class InterviewScore: Model, @unchecked Sendable {
    static let schema = "interview_scores"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @OptionalField(key: "score") var score: Int?
    @Field(key: "note") var note: String

    // relationships
    @Parent(key: "sheet_id") var sheet: InterviewSheet
    @Parent(key: "criterion_id") var criterion: InterviewCriterion

    init() {}

    init(sheetID: UUID, criterionID: UUID, score: Int?, note: String) {
        self.$sheet.id = sheetID
        self.$criterion.id = criterionID
        self.score = score
        self.note = note
    }
}
