import CapableCore
import Fluent
import Vapor

/// Rating a risk and reviewing it. Every change of a rating is kept in `RiskAssessment` with
/// who, when and why; the risk row carries the latest of each for lists and heat maps.
enum RiskAssessing {
    /// The assessment form: a likelihood and an impact for each kind (empty: leave as it is).
    struct Form: Content, Sendable {
        var inherent_likelihood: String?
        var inherent_impact: String?
        var current_likelihood: String?
        var current_impact: String?
        var target_likelihood: String?
        var target_impact: String?
        var reason: String?
        var target_reason: String?

        func raw(_ kind: RiskAssessment.Kind) -> (String?, String?) {
            switch kind {
            case .inherent: (inherent_likelihood, inherent_impact)
            case .current: (current_likelihood, current_impact)
            case .target: (target_likelihood, target_impact)
            }
        }
    }

    /// A likelihood and an impact typed into a form, checked against the matrix; nil when both
    /// are empty. `field` names the pair, e.g. "current" gives "current_likelihood".
    static func parse(_ likelihood: String?, _ impact: String?, field: String, matrix: RiskMatrix, errors: inout [FieldError]) -> RiskMatrix.Rating? {
        let l = (likelihood ?? "").trimmingCharacters(in: .whitespaces), i = (impact ?? "").trimmingCharacters(in: .whitespaces)
        if l.isEmpty && i.isEmpty { return nil }
        let rating = RiskMatrix.Rating(likelihood: Int(l) ?? 0, impact: Int(i) ?? 0)
        let problems = matrix.problems(rating)
        for problem in problems { errors.append(.init(field: "\(field)_\(problem.field)", message: problem.message)) }
        return problems.isEmpty ? rating : nil
    }

    /// Checks a set of new ratings against the risk and the rules; the changes to make, or the
    /// errors by field. `field` maps a kind and "likelihood" to the caller's field name.
    static func check(_ ratings: [RiskAssessment.Kind: RiskMatrix.Rating], reason: String?, targetReason: String?, risk: Risk,
                      field: (RiskAssessment.Kind?, String) -> String) -> Result<[(RiskAssessment.Kind, RiskMatrix.Rating)], AppError> {
        var errors: [FieldError] = []
        let changes = RiskAssessment.Kind.allCases.compactMap { kind in ratings[kind].flatMap { $0 == risk.rating(kind) ? nil : (kind, $0) } }
        let why = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if changes.isEmpty, ratings.isEmpty {
            errors.append(.init(field: field(.inherent, "likelihood"), message: "Choose a likelihood and an impact for at least one assessment"))
        }
        if changes.contains(where: { risk.rating($0.0) != nil }) && why.isEmpty {
            errors.append(.init(field: field(nil, "reason"), message: "Give the reason for changing the assessment"))
        }
        if why.count > Risks.textLimit { errors.append(.init(field: field(nil, "reason"), message: "The reason must be \(Risks.textLimit) characters or fewer")) }
        if let target = ratings[.target] ?? risk.target, let inherent = ratings[.inherent] ?? risk.inherent,
           ratings[.target] != nil || ratings[.inherent] != nil,
           let problem = RiskRules.targetProblem(inherent: inherent, target: target, reason: targetReason ?? risk.targetReason) {
            errors.append(.init(field: field(nil, "target_reason"), message: problem))
        }
        return errors.isEmpty ? .success(changes) : .failure(.invalid(errors))
    }

    /// Records the changes: a history row for each and the latest on the risk, audited.
    static func record(_ changes: [(RiskAssessment.Kind, RiskMatrix.Rating)], reason: String?, targetReason: String?, risk: Risk,
                       reviewID: UUID? = nil, req: Request) async throws {
        let rows = try historyRows(changes, reason: reason, risk: risk, reviewID: reviewID, principal: try req.requirePrincipal())
        if !rows.isEmpty { try await rows.create(on: req.database) }
        let target = (targetReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !changes.isEmpty || (!target.isEmpty && target != risk.targetReason) else { return }
        try await req.update(risk) { risk in
            for (kind, rating) in changes { risk.set(kind, rating) }
            if !target.isEmpty { risk.targetReason = target }
        }
    }

    /// The history rows for changes to a risk's ratings (as they stand before the changes).
    static func historyRows(_ changes: [(RiskAssessment.Kind, RiskMatrix.Rating)], reason: String?, risk: Risk, reviewID: UUID? = nil,
                            principal: Principal) throws -> [RiskAssessment] {
        let why = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let now = Date()
        return try changes.map { kind, rating in
            let row = RiskAssessment()
            row.$risk.id = try risk.requireID()
            row.kind = kind.rawValue
            row.likelihood = rating.likelihood
            row.impact = rating.impact
            row.score = rating.score
            row.reason = why.isEmpty ? (risk.rating(kind) == nil ? "First assessment" : "Reassessed") : why
            row.assessedAt = now
            row.assessedByName = principal.displayName
            row.assessedBy = principal.accountID
            row.reviewID = reviewID
            return row
        }
    }

    /// A risk's history, oldest first.
    static func history(of risk: UUID, on db: any Database) async throws -> [RiskAssessment] {
        try await RiskAssessment.query(on: db).filter(\.$risk.$id == risk).sort(\.$assessedAt).sort(\.$kind).all()
    }

    // MARK: Reviews

    struct ReviewForm: Content, Sendable {
        var reviewed_on: String?
        var likelihood: String?
        var impact: String?
        var note: String?
        var next_review_on: String?
    }

    /// Records a review: the reassessed current rating (history if it changed), the note, and
    /// the next review date (by default the review frequency from the review).
    static func review(_ risk: Risk, form: ReviewForm, matrix: RiskMatrix, today: CalendarDate,
                       field: (String) -> String = { $0 }, req: Request) async throws -> Result<RiskReview, AppError> {
        var errors: [FieldError] = []
        let reviewedOn = form.reviewed_on.map { $0.trimmingCharacters(in: .whitespaces).isEmpty } ?? true
            ? today : DateField.required(form.reviewed_on, field: field("reviewed_on"), what: "the date of the review", errors: &errors)
        if let reviewedOn, reviewedOn > today { errors.append(.init(field: field("reviewed_on"), message: "The date of the review cannot be in the future")) }
        var ratingErrors: [FieldError] = []
        let rating = parse(form.likelihood, form.impact, field: "x", matrix: matrix, errors: &ratingErrors)
        errors += ratingErrors.map { .init(field: field(String($0.field.dropFirst(2))), message: $0.message) }
        if rating == nil && ratingErrors.isEmpty {
            errors.append(.init(field: field("likelihood"), message: "Choose the current likelihood and impact as the review finds them"))
        }
        let note = (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.isEmpty { errors.append(.init(field: field("note"), message: "Enter what the review found")) }
        if note.count > Risks.textLimit { errors.append(.init(field: field("note"), message: "The note must be \(Risks.textLimit) characters or fewer")) }
        let next = DateField.optional(form.next_review_on, field: field("next_review_on"), what: "the next review date", errors: &errors)
        if let next, let reviewedOn, next <= reviewedOn {
            errors.append(.init(field: field("next_review_on"), message: "The next review must be after this one"))
        }
        guard errors.isEmpty, let reviewedOn, let rating else { return .failure(.invalid(errors)) }
        let principal = try req.requirePrincipal()
        let review = RiskReview()
        review.id = UUID()
        review.$risk.id = try risk.requireID()
        review.reviewedOn = reviewedOn.description
        review.note = note
        review.likelihood = rating.likelihood
        review.impact = rating.impact
        review.nextReviewOn = (next ?? reviewedOn.adding(months: risk.reviewMonths)).description
        review.reviewerName = principal.displayName
        review.reviewerAccount = principal.accountID
        try await req.create(review)
        if rating != risk.current {
            try await record([(.current, rating)], reason: "Review: " + note, targetReason: nil, risk: risk, reviewID: review.id, req: req)
        }
        try await req.update(risk) { risk in
            risk.lastReviewedOn = review.reviewedOn
            risk.nextReviewOn = review.nextReviewOn
        }
        return .success(review)
    }
}
