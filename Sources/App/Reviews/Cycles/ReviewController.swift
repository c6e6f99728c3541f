import CapableCore
import Fluent
import Plot
import Vapor

/// One person's yearly review: the task list, the year's evidence, and each step. Read under the
/// person-record rule; the person records their side (self-assessment, sign-off), their managers
/// the rest. Every step checks the ones before it, and a signed-off review no longer changes.
enum ReviewController {
    struct StepForm: Content {
        var held_on: String?
        var notes: String?
    }

    static func find(_ req: Request, person: Person) async throws -> PerformanceReview {
        guard let id = req.parameters.get("reviewID", as: UUID.self),
              let review = try await PerformanceReview.query(on: req.database).filter(\.$id == id).filter(\.$person.$id == person.requireID())
                .with(\.$cycle).with(\.$manager).first()
        else { throw AppError.notFound }
        return review
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let person = try await ObjectivesController.person(req)
        return try await page(req, person: person, review: try await find(req, person: person), form: StepForm(), errors: [])
    }

    static func page(_ req: Request, person: Person, review: PerformanceReview, form: StepForm, errors: [FieldError]) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let assessments = try await ReviewCycles.assessments(of: [review], on: req.database)
        let progress = ReviewCycles.progress(review, assessments: assessments)
        let side = try await ReviewCycles.side(of: principal, on: review, on: req.database)
        let managerAssessment = review.managerAssessmentID.flatMap { assessments[$0] }
        // Adjustments are part of the manager's assessment: the person sees them when it is shared.
        let showAdjustments = side != .person || (managerAssessment?.sharedWithPerson ?? false)
        let adjustments = showAdjustments
            ? try await ReviewAdjustment.query(on: req.database).filter(\.$review.$id == review.requireID()).sort(\.$createdAt).all() : []
        let adjusted = try await Frameworks.latestElements(adjustments.map(\.elementID), on: req.database)
        let planItems = try await DevelopmentPlanItem.query(on: req.database).filter(\.$person.$id == person.requireID())
            .filter(\.$status != DevelopmentPlanItem.Status.dropped.rawValue).count()
        return ReviewPage.view(.init(
            personID: try person.requireID(), personName: person.displayName, reviewID: try review.requireID(),
            cycleTitle: review.cycle.title, manager: review.manager?.displayName, side: side,
            tasks: PDRTasks.tasks(progress, deadlines: review.cycle.deadlines, today: .today).map { .init(step: $0.step, status: $0.status, due: $0.due.description) },
            selfAssessmentID: review.selfAssessmentID, managerAssessmentID: review.managerAssessmentID,
            canReadManagerAssessment: try await managerAssessment.asyncMap { try await Assessments.canRead($0, principal: principal, on: req.database) } ?? false,
            meetingOn: review.meetingOn, meetingNotes: review.meetingNotes, planAgreedOn: review.planAgreedOn, planItems: planItems,
            personSignedOn: review.personSignedOn, managerSignedOn: review.managerSignedOn,
            adjustments: adjustments.map { .init(element: adjusted[$0.elementID].map { "\($0.row.code) \($0.row.title)" } ?? "", from: $0.fromLevel, to: $0.toLevel, reason: $0.reason) },
            evidence: try await ReviewEvidence.query(person: try person.requireID(), cycle: review.cycle, viewer: principal.personID, on: req.database),
            form: form, errors: errors), context: PageContext(req))
    }

    /// Records one step (`:step`), after checking who may and that the steps before it are done.
    @Sendable static func step(req: Request) async throws -> Response {
        let person = try await ObjectivesController.person(req)
        let review = try await find(req, person: person)
        guard let step = req.parameters.get("step").flatMap(PDRTasks.Step.init(rawValue:)) else { throw AppError.notFound }
        let form = (try? req.content.decode(StepForm.self)) ?? StepForm()
        switch try await perform(step, on: review, form: form, req: req) {
        case .failure(let failed):
            return try await page(req, person: person, review: review, form: form, errors: failed.errors).response(status: .badRequest)
        case .success(.assessment(let id)):
            return req.redirect(to: SiteURL.assessment(try person.requireID(), id).path, redirectType: .normal)
        case .success(.recorded):
            return req.redirect(to: SiteURL.review(try person.requireID(), try review.requireID()).path, redirectType: .normal)
        }
    }

    enum Outcome: Sendable { case recorded, assessment(UUID) }

    /// One step, for the page and the API alike. Throws forbidden for the wrong side and conflict
    /// once signed off; returns the problems, by field, when the step cannot be recorded yet.
    static func perform(_ step: PDRTasks.Step, on review: PerformanceReview, form: StepForm, req: Request) async throws -> Result<Outcome, FieldErrors> {
        let principal = try req.requirePrincipal()
        let side = try await ReviewCycles.side(of: principal, on: review, on: req.database)
        guard side != .neither, let me = principal.personID else { throw AppError.forbidden }
        guard !review.isSignedOff else {
            let signed = [review.personSignedOn, review.managerSignedOn].compactMap { $0 }.max() ?? ""
            throw AppError.conflict("This review was signed off on \(DisplayFormat.calendarDate(signed)) and cannot be changed.")
        }
        let person = review.$person.id
        let assessments = try await ReviewCycles.assessments(of: [review], on: req.database)
        let blockers = PDRTasks.blockers(before: step, in: ReviewCycles.progress(review, assessments: assessments))
        var errors = blockers.map { FieldError(field: "tasks", message: "\($0): finish it before the \(step.label.lowercased())") }
        guard errors.isEmpty else { return .failure(FieldErrors(errors)) }
        switch step {
        case .selfAssessment, .managerAssessment:
            let kind: Assessment.Kind = step == .selfAssessment ? .selfAssessment : .manager
            guard (side == .person) == (kind == .selfAssessment) else { throw AppError.forbidden }
            if let existing = kind == .selfAssessment ? review.selfAssessmentID : review.managerAssessmentID { return .success(.assessment(existing)) }
            let assessment = try await Assessments.start(person: person, assessor: me, kind: kind, framework: review.cycle.frameworkID, on: req)
            try await req.update(review) { review in
                if kind == .selfAssessment { review.selfAssessmentID = assessment.id } else { review.managerAssessmentID = assessment.id }
            }
            return .success(.assessment(try assessment.requireID()))
        case .meeting:
            guard side == .manager else { throw AppError.forbidden }
            errors += meetingProblems(form, cycle: review.cycle)
            if errors.isEmpty {
                let heldOn = CalendarDate(form.held_on?.trimmingCharacters(in: .whitespaces) ?? "")?.description
                try await req.update(review) { $0.meetingOn = heldOn; $0.meetingNotes = (form.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
            }
        case .developmentPlan:
            let items = try await DevelopmentPlanItem.query(on: req.database).filter(\.$person.$id == person)
                .filter(\.$status != DevelopmentPlanItem.Status.dropped.rawValue).count()
            if items == 0 { errors.append(.init(field: "plan", message: "Add at least one item to the development plan before agreeing it")) }
            if errors.isEmpty { try await req.update(review) { $0.planAgreedOn = CalendarDate.today.description } }
        case .signOff:
            try await signOff(review, side: side, managerAssessment: review.managerAssessmentID.flatMap { assessments[$0] }, errors: &errors, on: req)
        }
        return errors.isEmpty ? .success(.recorded) : .failure(FieldErrors(errors))
    }

    static func meetingProblems(_ form: StepForm, cycle: ReviewCycle) -> [FieldError] {
        var errors: [FieldError] = []
        if let held = DateField.required(form.held_on, field: "held_on", what: "the meeting date", errors: &errors) {
            if held < (CalendarDate(cycle.opensOn) ?? held) {
                errors.append(.init(field: "held_on", message: "The meeting date must be on or after the cycle opened (\(DisplayFormat.calendarDate(cycle.opensOn)))"))
            } else if held > .today {
                errors.append(.init(field: "held_on", message: "The meeting date must be today or earlier: record the meeting once it has happened"))
            }
        }
        let notes = (form.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if notes.isEmpty || notes.count > 5000 { errors.append(.init(field: "notes", message: "Write what was agreed at the meeting (up to 5,000 characters)")) }
        return errors
    }

    /// The manager signs first or second; their signature shows their assessment to the person.
    /// The person signs once they can read it (after calibration or the manager's signature).
    static func signOff(_ review: PerformanceReview, side: ReviewCycles.Side, managerAssessment: Assessment?, errors: inout [FieldError],
                        on req: Request) async throws {
        let today = CalendarDate.today.description
        switch side {
        case .manager:
            guard review.managerSignedOn == nil else { errors.append(.init(field: "sign-off", message: "You have already signed off this review")); return }
            if let managerAssessment, !managerAssessment.sharedWithPerson { try await req.update(managerAssessment) { $0.sharedWithPerson = true } }
            try await req.update(review) { $0.managerSignedOn = today }
        case .person:
            guard review.personSignedOn == nil else { errors.append(.init(field: "sign-off", message: "You have already signed off this review")); return }
            guard managerAssessment?.sharedWithPerson == true else {
                errors.append(.init(field: "sign-off", message: "Your manager’s assessment is shown to you after calibration or their sign-off; sign off once you have read it"))
                return
            }
            try await req.update(review) { $0.personSignedOn = today }
        case .neither:
            throw AppError.forbidden
        }
    }
}
