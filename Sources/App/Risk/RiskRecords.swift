import CapableCore
import Fluent
import Foundation

/// One assessment of a risk, kept for ever: the history of how it was rated, by whom and why.
final class RiskAssessment: Model, @unchecked Sendable {
    static let schema = "risk_assessments"

    enum Kind: String, Codable, Sendable, CaseIterable {
        case inherent, current, target

        var label: String {
            switch self {
            case .inherent: "Inherent (before controls)"
            case .current: "Current (with controls)"
            case .target: "Target (after planned actions)"
            }
        }
        var shortLabel: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    /// A `Kind` raw value.
    @Field(key: "kind") var kind: String
    @Field(key: "likelihood") var likelihood: Int
    @Field(key: "impact") var impact: Int
    @Field(key: "score") var score: Int
    @Field(key: "reason") var reason: String
    @Field(key: "assessed_at") var assessedAt: Date
    /// The name at the time, so the history reads the same after people leave.
    @Field(key: "assessed_by_name") var assessedByName: String
    @OptionalField(key: "assessed_by") var assessedBy: UUID?
    /// The review that made it, when one did.
    @OptionalField(key: "review_id") var reviewID: UUID?

    // relationships
    @Parent(key: "risk_id") var risk: Risk

    init() {}

    var kindValue: Kind { Kind(rawValue: kind) ?? .current }
    var rating: RiskMatrix.Rating { .init(likelihood: likelihood, impact: impact) }
}

/// A control in place: what it is, who owns it and how well it works.
final class RiskControl: Model, @unchecked Sendable {
    static let schema = "risk_controls"

    enum Effectiveness: String, Codable, Sendable, CaseIterable {
        case effective, partial, ineffective, untested

        var label: String {
            switch self {
            case .effective: "Effective"
            case .partial: "Partly effective"
            case .ineffective: "Not effective"
            case .untested: "Not yet tested"
            }
        }
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "description") var summary: String
    @Field(key: "effectiveness") var effectiveness: String

    // relationships
    @Parent(key: "risk_id") var risk: Risk
    @Parent(key: "owner_id") var owner: Person

    init() {}

    var effectivenessValue: Effectiveness { Effectiveness(rawValue: effectiveness) ?? .untested }
}

extension RiskControl: Auditable {
    static let auditEntity = "risk_control"
    var auditSnapshot: [String: String?] {
        ["risk_id": $risk.id.uuidString, "description": summary, "owner_id": $owner.id.uuidString, "effectiveness": effectiveness]
    }
}

/// A review of a risk: the reassessment of its current score, a note, and the next review date.
final class RiskReview: Model, @unchecked Sendable {
    static let schema = "risk_reviews"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "reviewed_on") var reviewedOn: String
    @Field(key: "note") var note: String
    @Field(key: "likelihood") var likelihood: Int
    @Field(key: "impact") var impact: Int
    @Field(key: "next_review_on") var nextReviewOn: String
    @Field(key: "reviewer_name") var reviewerName: String
    @OptionalField(key: "reviewer_account") var reviewerAccount: UUID?

    // relationships
    @Parent(key: "risk_id") var risk: Risk

    init() {}

    var rating: RiskMatrix.Rating { .init(likelihood: likelihood, impact: impact) }
}

extension RiskReview: Auditable {
    static let auditEntity = "risk_review"
    var auditSnapshot: [String: String?] {
        ["risk_id": $risk.id.uuidString, "reviewed_on": reviewedOn, "note": note, "current": "\(likelihood)x\(impact)", "next_review_on": nextReviewOn]
    }
}

/// A move of a risk up to an ancestor's register, or back down to its home register.
final class RiskEscalation: Model, @unchecked Sendable {
    static let schema = "risk_escalations"

    enum Direction: String, Codable, Sendable {
        case escalated, deEscalated = "de-escalated"
    }

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "direction") var direction: String
    @Field(key: "reason") var reason: String
    @Field(key: "at") var at: Date
    @Field(key: "by_name") var byName: String
    @OptionalField(key: "by_account") var byAccount: UUID?

    // relationships
    @Parent(key: "risk_id") var risk: Risk
    @Parent(key: "from_register_id") var from: RiskRegister
    @Parent(key: "to_register_id") var to: RiskRegister

    init() {}

    var directionValue: Direction { Direction(rawValue: direction) ?? .escalated }
}

/// A framework element (capability or behaviour) that manages a risk.
final class RiskElement: Model, @unchecked Sendable {
    static let schema = "risk_elements"

    @ID(key: .id) var id: UUID?
    @Field(key: "element_id") var elementID: UUID
    @Parent(key: "risk_id") var risk: Risk

    init() {}

    init(riskID: UUID, elementID: UUID) {
        self.$risk.id = riskID
        self.elementID = elementID
    }
}
