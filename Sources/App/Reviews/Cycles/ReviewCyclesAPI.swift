import CapableCore
import Fluent
import Vapor

/// `/api/v1/review-cycles` (HR and administrators) and `/api/v1/reviews` (the person-record
/// rule, and each step for its own side), on the same rules as the pages.
enum ReviewCyclesAPI {
    struct CycleDTO: Content {
        var id: UUID
        var title: String
        var frameworkId: UUID
        var audience: Audience?
        var opensOn: String
        var selfDueOn: String
        var managerDueOn: String
        var closesOn: String
        var calibratedOn: String?
        var reviews: Int

        init(_ cycle: ReviewCycle, reviews: Int) throws {
            id = try cycle.requireID(); title = cycle.title; frameworkId = cycle.frameworkID; audience = cycle.audience
            opensOn = cycle.opensOn; selfDueOn = cycle.selfDueOn; managerDueOn = cycle.managerDueOn; closesOn = cycle.closesOn
            calibratedOn = cycle.calibratedOn; self.reviews = reviews
        }
    }

    /// A new cycle: the audience is one rule, with the fields of the audience page.
    struct NewCycle: Content {
        struct Rule: Content {
            /// allStaff, allManagers, unit, jobRole, gradeRange or newStarters.
            var rule: String?
            var unit: String?
            var includeSubunits: Bool?
            var jobRoleId: UUID?
            var gradeLow: String?
            var gradeHigh: String?
            var days: Int?
        }
        var title: String?
        var frameworkId: UUID?
        var audience: Rule?
        var opensOn: String?
        var selfDueOn: String?
        var managerDueOn: String?
        var closesOn: String?
    }

    @Sendable static func cycles(req: Request) async throws -> [CycleDTO] {
        let cycles = try await ReviewCycle.query(on: req.database).sort(\.$opensOn, .descending).all()
        let counts = try await ReviewCyclesController.countReviews(cycles.compactMap(\.id), on: req.database)
        return try cycles.map { try CycleDTO($0, reviews: counts[$0.id ?? UUID()] ?? 0) }
    }

    @Sendable static func createCycle(req: Request) async throws -> Response {
        let body = try req.content.decode(NewCycle.self)
        let form = ReviewCycles.Form(
            title: body.title, framework: body.frameworkId?.uuidString, rule: body.audience?.rule, unit: body.audience?.unit,
            subunits: body.audience?.includeSubunits == true ? "yes" : nil, role: body.audience?.jobRoleId?.uuidString, grade_low: body.audience?.gradeLow,
            grade_high: body.audience?.gradeHigh, days: body.audience?.days.map(String.init),
            opens_on: body.opensOn, self_due_on: body.selfDueOn, manager_due_on: body.managerDueOn, closes_on: body.closesOn)
        switch try await ReviewCycles.validate(form, on: req.database) {
        case .failure(let error): throw error
        case .success(let launch):
            let cycle = try await ReviewCycles.launch(launch, on: req)
            let count = try await ReviewCyclesController.countReviews([try cycle.requireID()], on: req.database)
            return try await CycleDTO(cycle, reviews: count[try cycle.requireID()] ?? 0).encodeResponse(status: .created, for: req)
        }
    }

    struct ReviewDTO: Content {
        struct Task: Content { var step: PDRTasks.Step; var status: PDRTasks.Status; var dueOn: String }
        var id: UUID
        var cycleId: UUID
        var cycleTitle: String
        var personId: UUID
        var managerId: UUID?
        var tasks: [Task]
        var selfAssessmentId: UUID?
        /// Present once the caller may read the manager's assessment.
        var managerAssessmentId: UUID?
        var meetingOn: String?
        var meetingNotes: String?
        var planAgreedOn: String?
        var personSignedOn: String?
        var managerSignedOn: String?
    }

    static func dto(_ review: PerformanceReview, principal: Principal, on db: any Database) async throws -> ReviewDTO {
        let assessments = try await ReviewCycles.assessments(of: [review], on: db)
        let managerAssessment = review.managerAssessmentID.flatMap { assessments[$0] }
        let readable = try await managerAssessment.asyncMap { try await Assessments.canRead($0, principal: principal, on: db) } ?? false
        return ReviewDTO(
            id: try review.requireID(), cycleId: review.$cycle.id, cycleTitle: review.cycle.title, personId: review.$person.id, managerId: review.$manager.id,
            tasks: PDRTasks.tasks(ReviewCycles.progress(review, assessments: assessments), deadlines: review.cycle.deadlines, today: .today)
                .map { .init(step: $0.step, status: $0.status, dueOn: $0.due.description) },
            selfAssessmentId: review.selfAssessmentID, managerAssessmentId: readable ? review.managerAssessmentID : nil,
            meetingOn: review.meetingOn, meetingNotes: review.meetingOn == nil ? nil : review.meetingNotes, planAgreedOn: review.planAgreedOn,
            personSignedOn: review.personSignedOn, managerSignedOn: review.managerSignedOn)
    }

    /// The reviews of a person (`personId`, default the caller), newest cycle first.
    @Sendable static func reviews(req: Request) async throws -> [ReviewDTO] {
        guard let person = try await ReviewsAPI.person(req) else { return [] }
        let principal = try req.requirePrincipal()
        let rows = try await PerformanceReview.query(on: req.database).filter(\.$person.$id == person).with(\.$cycle).all()
            .sorted { $0.cycle.opensOn > $1.cycle.opensOn }
        var result: [ReviewDTO] = []
        for review in rows { result.append(try await dto(review, principal: principal, on: req.database)) }
        return result
    }

    static func find(_ req: Request) async throws -> PerformanceReview {
        guard let id = req.parameters.get("reviewID", as: UUID.self),
              let review = try await PerformanceReview.query(on: req.database).filter(\.$id == id).with(\.$cycle).first()
        else { throw AppError.notFound }
        guard try await LineManagement.allows(try req.requirePrincipal().viewer, target: review.$person.id, on: req.database) else { throw AppError.forbidden }
        return review
    }

    @Sendable static func review(req: Request) async throws -> ReviewDTO {
        try await dto(try await find(req), principal: try req.requirePrincipal(), on: req.database)
    }

    struct StepBody: Content { var heldOn: String?; var notes: String? }

    /// Records a step (`self-assessment`, `manager-assessment`, `meeting`, `development-plan`,
    /// `sign-off`): the same checks as the page. Starting an assessment answers with its id.
    @Sendable static func step(req: Request) async throws -> ReviewDTO {
        let review = try await find(req)
        guard let step = req.parameters.get("step").flatMap(PDRTasks.Step.init(rawValue:)) else { throw AppError.notFound }
        let body = (try? req.content.decode(StepBody.self)) ?? StepBody()
        switch try await ReviewController.perform(step, on: review, form: .init(held_on: body.heldOn, notes: body.notes), req: req) {
        case .failure(let failed): throw AppError.invalid(failed.errors)
        case .success: break
        }
        return try await dto(try await find(req), principal: try req.requirePrincipal(), on: req.database)
    }
}
