import CapableCore
import Fluent
import Foundation

/// A risk on a register: what might happen (cause, event, consequence), who owns it, how it is
/// assessed before controls (inherent), now (current) and after the planned actions (target),
/// how the council responds, when it is next reviewed, and where it has been escalated.
/// The three ratings here are the latest; `RiskAssessment` keeps every change with who and why.
final class Risk: Model, @unchecked Sendable {
    static let schema = "risks"

    enum Status: String, Codable, Sendable, CaseIterable {
        case open, closed
    }

    /// treat, tolerate, transfer, terminate: the four responses of the council's framework.
    enum Response: String, Codable, Sendable, CaseIterable {
        case treat, tolerate, transfer, terminate

        var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
        var hint: String {
            switch self {
            case .treat: "Act to reduce the likelihood or the impact"
            case .tolerate: "Accept the risk as it is, with a named approver and an expiry date"
            case .transfer: "Pass the impact to someone else, for example by insurance or a contract"
            case .terminate: "Stop the activity that gives rise to the risk"
            }
        }
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "reference") var reference: String
    @Field(key: "title") var title: String
    @Field(key: "cause") var cause: String
    @Field(key: "event") var event: String
    @Field(key: "consequence") var consequence: String
    /// A `Status` raw value.
    @Field(key: "status") var status: String
    @Field(key: "identified_on") var identifiedOn: String
    @OptionalField(key: "closed_on") var closedOn: String?
    /// A `Response` raw value, once decided.
    @OptionalField(key: "response") var response: String?
    @OptionalField(key: "inherent_likelihood") var inherentLikelihood: Int?
    @OptionalField(key: "inherent_impact") var inherentImpact: Int?
    @OptionalField(key: "current_likelihood") var currentLikelihood: Int?
    @OptionalField(key: "current_impact") var currentImpact: Int?
    /// Kept with the ratings so registers sort and filter by score in SQL.
    @OptionalField(key: "current_score") var currentScore: Int?
    @OptionalField(key: "target_likelihood") var targetLikelihood: Int?
    @OptionalField(key: "target_impact") var targetImpact: Int?
    /// Why the target is above the inherent score, when it is.
    @OptionalField(key: "target_reason") var targetReason: String?
    @Field(key: "review_months") var reviewMonths: Int
    @OptionalField(key: "next_review_on") var nextReviewOn: String?
    @OptionalField(key: "last_reviewed_on") var lastReviewedOn: String?
    /// Acceptance of a tolerated risk: who approved it, why, and until when.
    @OptionalField(key: "acceptance_reason") var acceptanceReason: String?
    @OptionalField(key: "acceptance_expires_on") var acceptanceExpiresOn: String?
    @OptionalField(key: "accepted_on") var acceptedOn: String?
    /// A key risk indicator read from people data: a `RiskIndicator.Kind` raw value.
    @OptionalField(key: "kri_kind") var kriKind: String?
    @OptionalField(key: "kri_requirement_id") var kriRequirementID: UUID?
    /// The lowest acceptable percentage; below it the risk's page warns.
    @OptionalField(key: "kri_threshold") var kriThreshold: Int?
    @OptionalField(key: "created_by") var createdBy: UUID?

    // relationships
    /// The register the risk was raised on (its home).
    @Parent(key: "register_id") var register: RiskRegister
    /// The register it is escalated to, when it is.
    @OptionalParent(key: "escalated_to_id") var escalatedTo: RiskRegister?
    @Parent(key: "category_id") var category: RiskCategory
    @Parent(key: "owner_id") var owner: Person
    @OptionalParent(key: "accepted_by_id") var acceptedBy: Person?

    init() {}

    var statusValue: Status { Status(rawValue: status) ?? .open }
    var responseValue: Response? { response.flatMap(Response.init) }

    var inherent: RiskMatrix.Rating? { Self.rating(inherentLikelihood, inherentImpact) }
    var current: RiskMatrix.Rating? { Self.rating(currentLikelihood, currentImpact) }
    var target: RiskMatrix.Rating? { Self.rating(targetLikelihood, targetImpact) }

    func rating(_ kind: RiskAssessment.Kind) -> RiskMatrix.Rating? {
        switch kind {
        case .inherent: inherent
        case .current: current
        case .target: target
        }
    }

    func set(_ kind: RiskAssessment.Kind, _ rating: RiskMatrix.Rating) {
        switch kind {
        case .inherent: (inherentLikelihood, inherentImpact) = (rating.likelihood, rating.impact)
        case .current: (currentLikelihood, currentImpact, currentScore) = (rating.likelihood, rating.impact, rating.score)
        case .target: (targetLikelihood, targetImpact) = (rating.likelihood, rating.impact)
        }
    }

    private static func rating(_ likelihood: Int?, _ impact: Int?) -> RiskMatrix.Rating? {
        guard let likelihood, let impact else { return nil }
        return .init(likelihood: likelihood, impact: impact)
    }

    /// The register whose heat map and list show it now: where it is escalated to, or its home.
    var shownOnID: UUID { $escalatedTo.id ?? $register.id }

    /// Open and its next review date has passed.
    func reviewOverdue(today: CalendarDate) -> Bool {
        RiskRules.reviewOverdue(open: statusValue == .open, nextReviewOn: nextReviewOn, today: today)
    }

    /// Tolerated, and the acceptance has run out: it needs a review.
    func acceptanceExpired(today: CalendarDate) -> Bool {
        RiskRules.acceptanceExpired(tolerated: responseValue == .tolerate, expiresOn: acceptanceExpiresOn, today: today)
    }
}

extension Risk: Auditable {
    static let auditEntity = "risk"
    var auditSnapshot: [String: String?] {
        ["reference": reference, "title": title, "cause": cause, "event": event, "consequence": consequence, "status": status,
         "register_id": $register.id.uuidString, "escalated_to_id": $escalatedTo.id?.uuidString, "category_id": $category.id.uuidString,
         "owner_id": $owner.id.uuidString, "identified_on": identifiedOn, "closed_on": closedOn, "response": response,
         "inherent": inherent.map { "\($0.likelihood)x\($0.impact)" }, "current": current.map { "\($0.likelihood)x\($0.impact)" },
         "target": target.map { "\($0.likelihood)x\($0.impact)" }, "target_reason": targetReason,
         "review_months": String(reviewMonths), "next_review_on": nextReviewOn,
         "accepted_by_id": $acceptedBy.id?.uuidString, "acceptance_reason": acceptanceReason, "acceptance_expires_on": acceptanceExpiresOn,
         "kri_kind": kriKind, "kri_requirement_id": kriRequirementID?.uuidString, "kri_threshold": kriThreshold.map(String.init)]
    }
}
