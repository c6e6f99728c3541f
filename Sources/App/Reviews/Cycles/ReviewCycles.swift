import CapableCore
import Fluent
import Vapor

/// Review cycle rules: launching one for an audience, where each review stands, and who may
/// record each step.
enum ReviewCycles {
    /// The launch form, with the audience rule fields of the audience page.
    struct Form: Content {
        var title: String?
        var framework: String?
        var rule: String?
        var unit: String?
        var subunits: String?
        /// Text, not a UUID: the form sends an empty value when no role is chosen.
        var role: String?
        var grade_low: String?
        var grade_high: String?
        var days: String?
        var opens_on: String?
        var self_due_on: String?
        var manager_due_on: String?
        var closes_on: String?

        var audienceQuery: AudiencesController.Query {
            .init(rule: rule, unit: unit, subunits: subunits, role: role.flatMap(UUID.init(uuidString:)), grade_low: grade_low, grade_high: grade_high, days: days)
        }
    }

    struct Launch: Sendable {
        var title: String
        var frameworkID: UUID
        var audience: Audience
        var opens: CalendarDate
        var deadlines: PDRTasks.Deadlines
    }

    /// Every problem with the form, by field, or what to launch.
    static func validate(_ form: Form, on db: any Database) async throws -> Result<Launch, AppError> {
        var errors: [FieldError] = []
        let title = (form.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 200 { errors.append(.init(field: "title", message: "Enter a title of up to 200 characters, like “PDR 2027”")) }
        let framework = UUID(uuidString: form.framework ?? "")
        if try await framework.asyncMap({ try await Frameworks.current($0, includeDraft: false, on: db) }) == nil {
            errors.append(.init(field: "framework", message: "Choose a published framework to assess against"))
        }
        let (rule, ruleErrors) = try await AudiencesController.rule(from: form.audienceQuery, on: db)
        errors += ruleErrors
        if rule == nil, ruleErrors.isEmpty { errors.append(.init(field: "rule", message: "Choose who the cycle is for")) }
        let opens = DateField.required(form.opens_on, field: "opens_on", what: "the opening date", errors: &errors)
        let selfDue = DateField.required(form.self_due_on, field: "self_due_on", what: "the self-assessment date", errors: &errors)
        let managerDue = DateField.required(form.manager_due_on, field: "manager_due_on", what: "the manager assessment date", errors: &errors)
        let closes = DateField.required(form.closes_on, field: "closes_on", what: "the closing date", errors: &errors)
        var deadlines: PDRTasks.Deadlines?
        if let opens, let selfDue, let managerDue, let closes {
            let candidate = PDRTasks.Deadlines(selfAssessment: selfDue, managerAssessment: managerDue, close: closes)
            errors += PDRTasks.dateProblems(opens: opens, deadlines: candidate).map { FieldError(field: $0.field, message: $0.message) }
            deadlines = candidate
        }
        guard errors.isEmpty, let framework, let rule, let opens, let deadlines else { return .failure(.invalid(errors)) }
        return .success(Launch(title: title, frameworkID: framework, audience: Audience(name: title, rules: [rule]), opens: opens, deadlines: deadlines))
    }

    /// Opens the cycle: one review for each active person in the audience today, with their
    /// line manager. Audited as one event with the number of reviews.
    static func launch(_ launch: Launch, on req: Request) async throws -> ReviewCycle {
        let cycle = ReviewCycle()
        cycle.title = launch.title
        cycle.frameworkID = launch.frameworkID
        cycle.audienceJSON = String(decoding: try JSONEncoder().encode(launch.audience), as: UTF8.self)
        cycle.opensOn = launch.opens.description
        cycle.selfDueOn = launch.deadlines.selfAssessment.description
        cycle.managerDueOn = launch.deadlines.managerAssessment.description
        cycle.closesOn = launch.deadlines.close.description
        try await req.create(cycle)
        let snapshot = try await Audiences.snapshot(on: req.database)
        let members = AudienceEvaluator.members(of: launch.audience, in: snapshot, today: .today)
        let managers = Dictionary(snapshot.people.map { ($0.id, $0.lineManagerID) }, uniquingKeysWith: { first, _ in first })
        let cycleID = try cycle.requireID()
        let reviews = members.sorted { $0.uuidString < $1.uuidString }.map { person in
            let review = PerformanceReview()
            review.$cycle.id = cycleID
            review.$person.id = person
            review.$manager.id = managers[person] ?? nil
            review.meetingNotes = ""
            return review
        }
        // In chunks, to stay under the databases' limits on bound values in one statement.
        for chunk in reviews.chunks(of: 500) {
            try await chunk.create(on: req.database)
        }
        try await req.audit("launch", entity: ReviewCycle.auditEntity, id: cycleID.uuidString,
                            changes: [FieldChange(field: "reviews", old: nil, new: String(reviews.count))])
        return cycle
    }

    /// Where a review stands, from its record and its two assessments.
    static func progress(_ review: PerformanceReview, assessments: [UUID: Assessment]) -> PDRTasks.Progress {
        func draft(_ id: UUID?) -> PDRTasks.Draft {
            guard let assessment = id.flatMap({ assessments[$0] }) else { return .none }
            return assessment.isSubmitted ? .submitted : .draft
        }
        return PDRTasks.Progress(selfAssessment: draft(review.selfAssessmentID), managerAssessment: draft(review.managerAssessmentID),
                                 meetingHeld: review.meetingOn != nil, planAgreed: review.planAgreedOn != nil,
                                 personSigned: review.personSignedOn != nil, managerSigned: review.managerSignedOn != nil)
    }

    /// The assessments the reviews point at, by id.
    static func assessments(of reviews: [PerformanceReview], on db: any Database) async throws -> [UUID: Assessment] {
        let ids = reviews.flatMap { [$0.selfAssessmentID, $0.managerAssessmentID] }.compactMap { $0 }
        guard !ids.isEmpty else { return [:] }
        var found: [UUID: Assessment] = [:]
        for chunk in ids.chunks(of: 500) {
            for assessment in try await Assessment.query(on: db).filter(\.$id ~~ chunk).all() { found[try assessment.requireID()] = assessment }
        }
        return found
    }

    /// The side the caller takes on this review: the person, one of their managers, or neither.
    enum Side { case person, manager, neither }

    static func side(of principal: Principal, on review: PerformanceReview, on db: any Database) async throws -> Side {
        switch try await Assessments.kindFor(principal, person: review.$person.id, on: db) {
        case .selfAssessment: .person
        case .manager: .manager
        default: .neither
        }
    }

    /// The caller's reviews and their reports', in cycles that have opened, newest first.
    static func visibleReviews(for person: UUID, on db: any Database) async throws -> [PerformanceReview] {
        try await PerformanceReview.query(on: db).group(.or) { $0.filter(\.$person.$id == person).filter(\.$manager.$id == person) }
            .join(ReviewCycle.self, on: \PerformanceReview.$cycle.$id == \ReviewCycle.$id)
            .filter(ReviewCycle.self, \.$opensOn <= CalendarDate.today.description)
            .with(\.$cycle).with(\.$person).sort(ReviewCycle.self, \.$opensOn, .descending).all()
    }

    /// Where each person's latest opened review stands, for team lists (one query per list).
    struct Stage: Encodable, Sendable { var reviewID: UUID; var stage: String }

    static func stages(of people: [UUID], on db: any Database) async throws -> [UUID: Stage] {
        guard !people.isEmpty else { return [:] }
        var reviews: [PerformanceReview] = []
        for chunk in people.chunks(of: 500) {
            reviews += try await PerformanceReview.query(on: db).filter(\.$person.$id ~~ chunk)
                .join(ReviewCycle.self, on: \PerformanceReview.$cycle.$id == \ReviewCycle.$id)
                .filter(ReviewCycle.self, \.$opensOn <= CalendarDate.today.description).with(\.$cycle).all()
        }
        let assessments = try await assessments(of: reviews, on: db)
        var latest: [UUID: PerformanceReview] = [:]
        for review in reviews where (latest[review.$person.id]?.cycle.opensOn ?? "") <= review.cycle.opensOn { latest[review.$person.id] = review }
        return try latest.mapValues { Stage(reviewID: try $0.requireID(), stage: PDRTasks.stage(progress($0, assessments: assessments))) }
    }
}
