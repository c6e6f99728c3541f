import CapableCore
import Fluent
import SQLKit
import Vapor

extension RiskQueries {
    /// One risk as the API shows it: its own columns, its category's code and ceiling, the
    /// framework elements that manage it and the matrix in force, in one round trip (a row per
    /// element). `GET /api/v1/risks/{id}` is the busiest risk route; through Fluent models this
    /// took four queries and most of the time went in reflecting on the models' properties.
    struct Detail: Sendable {
        var id: UUID
        var reference: String
        var title: String
        var cause: String
        var event: String
        var consequence: String
        var status: String
        var identified_on: String
        var closed_on: String?
        var response: String?
        var inherent_likelihood: Int?
        var inherent_impact: Int?
        var current_likelihood: Int?
        var current_impact: Int?
        var target_likelihood: Int?
        var target_impact: Int?
        var target_reason: String?
        var review_months: Int
        var next_review_on: String?
        var last_reviewed_on: String?
        var accepted_by_id: UUID?
        var acceptance_reason: String?
        var acceptance_expires_on: String?
        var kri_kind: String?
        var kri_requirement_id: UUID?
        var kri_threshold: Int?
        var register_id: UUID
        var escalated_to_id: UUID?
        var owner_id: UUID
        var category_code: String
        var ceiling: Int
        var element_id: UUID? = nil
        /// The `risk.matrix` setting's JSON, when the standard matrix has been changed.
        var matrix: String? = nil

        var elements: [UUID] = []

        /// A row of the query below, read by hand (see `SQLRow.column`).
        init(row: any SQLRow) throws {
            id = try row.column("id")
            reference = try row.column("reference")
            title = try row.column("title")
            cause = try row.column("cause")
            event = try row.column("event")
            consequence = try row.column("consequence")
            status = try row.column("status")
            identified_on = try row.column("identified_on")
            closed_on = try row.optionalColumn("closed_on")
            response = try row.optionalColumn("response")
            inherent_likelihood = try row.optionalColumn("inherent_likelihood")
            inherent_impact = try row.optionalColumn("inherent_impact")
            current_likelihood = try row.optionalColumn("current_likelihood")
            current_impact = try row.optionalColumn("current_impact")
            target_likelihood = try row.optionalColumn("target_likelihood")
            target_impact = try row.optionalColumn("target_impact")
            target_reason = try row.optionalColumn("target_reason")
            review_months = try row.column("review_months")
            next_review_on = try row.optionalColumn("next_review_on")
            last_reviewed_on = try row.optionalColumn("last_reviewed_on")
            accepted_by_id = try row.optionalColumn("accepted_by_id")
            acceptance_reason = try row.optionalColumn("acceptance_reason")
            acceptance_expires_on = try row.optionalColumn("acceptance_expires_on")
            kri_kind = try row.optionalColumn("kri_kind")
            kri_requirement_id = try row.optionalColumn("kri_requirement_id")
            kri_threshold = try row.optionalColumn("kri_threshold")
            register_id = try row.column("register_id")
            escalated_to_id = try row.optionalColumn("escalated_to_id")
            owner_id = try row.column("owner_id")
            category_code = try row.column("category_code")
            ceiling = try row.column("ceiling")
            element_id = try row.optionalColumn("element_id")
            matrix = try row.optionalColumn("matrix")
        }

        /// A risk just written, with its category and elements, as the query would read it.
        init(_ risk: Risk, categoryCode: String, ceiling: Int, elements: [UUID]) throws {
            id = try risk.requireID()
            reference = risk.reference
            title = risk.title
            cause = risk.cause
            event = risk.event
            consequence = risk.consequence
            status = risk.status
            identified_on = risk.identifiedOn
            closed_on = risk.closedOn
            response = risk.response
            (inherent_likelihood, inherent_impact) = (risk.inherentLikelihood, risk.inherentImpact)
            (current_likelihood, current_impact) = (risk.currentLikelihood, risk.currentImpact)
            (target_likelihood, target_impact) = (risk.targetLikelihood, risk.targetImpact)
            target_reason = risk.targetReason
            review_months = risk.reviewMonths
            next_review_on = risk.nextReviewOn
            last_reviewed_on = risk.lastReviewedOn
            accepted_by_id = risk.$acceptedBy.id
            acceptance_reason = risk.acceptanceReason
            acceptance_expires_on = risk.acceptanceExpiresOn
            kri_kind = risk.kriKind
            kri_requirement_id = risk.kriRequirementID
            kri_threshold = risk.kriThreshold
            register_id = risk.$register.id
            escalated_to_id = risk.$escalatedTo.id
            owner_id = risk.$owner.id
            category_code = categoryCode
            self.ceiling = ceiling
            self.elements = elements
        }

        func rating(_ likelihood: Int?, _ impact: Int?) -> RiskMatrix.Rating? {
            guard let likelihood, let impact else { return nil }
            return .init(likelihood: likelihood, impact: impact)
        }
    }

    static func detail(_ id: UUID, on db: any Database) async throws -> Detail? {
        let rows = try await db.sql.raw("""
            SELECT r.id, r.reference, r.title, r.cause, r.event, r.consequence, r.status, r.identified_on, r.closed_on, r.response, \
            r.inherent_likelihood, r.inherent_impact, r.current_likelihood, r.current_impact, r.target_likelihood, r.target_impact, \
            r.target_reason, r.review_months, r.next_review_on, r.last_reviewed_on, r.accepted_by_id, r.acceptance_reason, \
            r.acceptance_expires_on, r.kri_kind, r.kri_requirement_id, r.kri_threshold, r.register_id, r.escalated_to_id, r.owner_id, \
            c.code AS category_code, c.ceiling, e.element_id, \
            (SELECT s.value FROM settings s WHERE s.\(ident: "key") = \(bind: RiskSettings.matrixKey)) AS matrix \
            FROM risks r JOIN risk_categories c ON c.id = r.category_id LEFT JOIN risk_elements e ON e.risk_id = r.id \
            WHERE r.id = \(bind: id)
            """).all()
        guard let first = rows.first else { return nil }
        var detail = try Detail(row: first)
        detail.elements = try rows.compactMap { try $0.optionalColumn("element_id", as: UUID.self) }
        return detail
    }
}
