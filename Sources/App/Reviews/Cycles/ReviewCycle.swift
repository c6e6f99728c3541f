import CapableCore
import Fluent
import Foundation

/// A yearly performance and development review cycle that HR opens for an audience: who is
/// in, which framework they are assessed against, and the dates each step is due.
final class ReviewCycle: Model, @unchecked Sendable {
    static let schema = "review_cycles"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "title") var title: String
    /// The framework's stable (lineage) id; each assessment pins the version published when it starts.
    @Field(key: "framework_id") var frameworkID: UUID
    /// The `Audience` as JSON, kept to say who the cycle was for.
    @Field(key: "audience") var audienceJSON: String
    @Field(key: "opens_on") var opensOn: String
    @Field(key: "self_due_on") var selfDueOn: String
    @Field(key: "manager_due_on") var managerDueOn: String
    @Field(key: "closes_on") var closesOn: String
    /// Set when HR finishes calibration: manager assessments are then shown to the people rated.
    @OptionalField(key: "calibrated_on") var calibratedOn: String?

    init() {}

    var audience: Audience? { try? JSONDecoder().decode(Audience.self, from: Data(audienceJSON.utf8)) }

    var deadlines: PDRTasks.Deadlines {
        PDRTasks.Deadlines(selfAssessment: CalendarDate(selfDueOn) ?? .today, managerAssessment: CalendarDate(managerDueOn) ?? .today,
                           close: CalendarDate(closesOn) ?? .today)
    }

    /// The year the review looks back over: twelve months before the cycle opens, to its close.
    var evidenceFrom: String { (CalendarDate(opensOn) ?? .today).adding(months: -12).description }
}

extension ReviewCycle: Auditable {
    static let auditEntity = "review_cycle"
    var auditSnapshot: [String: String?] {
        ["title": title, "framework_id": frameworkID.uuidString, "audience": audienceJSON, "opens_on": opensOn, "self_due_on": selfDueOn,
         "manager_due_on": managerDueOn, "closes_on": closesOn, "calibrated_on": calibratedOn]
    }
}

/// One person's review in a cycle: the assessments it uses, the meeting, the agreed plan and
/// both signatures. Once both have signed it cannot change.
final class PerformanceReview: Model, @unchecked Sendable {
    static let schema = "reviews"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @OptionalField(key: "self_assessment_id") var selfAssessmentID: UUID?
    @OptionalField(key: "manager_assessment_id") var managerAssessmentID: UUID?
    @OptionalField(key: "meeting_on") var meetingOn: String?
    @Field(key: "meeting_notes") var meetingNotes: String
    @OptionalField(key: "plan_agreed_on") var planAgreedOn: String?
    @OptionalField(key: "person_signed_on") var personSignedOn: String?
    @OptionalField(key: "manager_signed_on") var managerSignedOn: String?

    // relationships
    @Parent(key: "cycle_id") var cycle: ReviewCycle
    @Parent(key: "person_id") var person: Person
    /// The line manager when the cycle opened.
    @OptionalParent(key: "manager_id") var manager: Person?

    init() {}

    var isSignedOff: Bool { personSignedOn != nil && managerSignedOn != nil }
}

extension PerformanceReview: Auditable {
    static let auditEntity = "review"
    var auditSnapshot: [String: String?] {
        ["cycle_id": $cycle.id.uuidString, "person_id": $person.id.uuidString, "manager_id": $manager.id?.uuidString,
         "self_assessment_id": selfAssessmentID?.uuidString, "manager_assessment_id": managerAssessmentID?.uuidString,
         "meeting_on": meetingOn, "plan_agreed_on": planAgreedOn, "person_signed_on": personSignedOn, "manager_signed_on": managerSignedOn]
    }
}

/// A rating changed in calibration, with the reason, before the person saw it.
final class ReviewAdjustment: Model, @unchecked Sendable {
    static let schema = "review_adjustments"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "element_id") var elementID: UUID
    @Field(key: "from_level") var fromLevel: Int
    @Field(key: "to_level") var toLevel: Int
    @Field(key: "reason") var reason: String
    /// Who adjusted it, as the audit log names them.
    @Field(key: "adjusted_by") var adjustedBy: String

    // relationships
    @Parent(key: "review_id") var review: PerformanceReview

    init() {}
}

extension ReviewAdjustment: Auditable {
    static let auditEntity = "review_adjustment"
    var auditSnapshot: [String: String?] {
        ["review_id": $review.id.uuidString, "element_id": elementID.uuidString, "from_level": String(fromLevel), "to_level": String(toLevel),
         "reason": reason]
    }
}
