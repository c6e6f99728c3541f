import CapableCore
import Fluent
import Plot
import Vapor

/// Probation: the person's schedule and reviews (read under the person-record rule; recorded by
/// their managers or an administrator), and HR's list of reviews due and overdue.
enum ProbationController {
    struct Form: Content {
        var held_on: String?
        var notes: String?
        var assessment: String?
        var outcome: String?
        var new_end_date: String?
    }

    static func months(_ req: Request) -> [Int] { req.application.config.probationMonths }

    @Sendable static func show(req: Request) async throws -> HTML {
        try await page(req, person: try await ObjectivesController.person(req), form: Form(), errors: [])
    }

    static func page(_ req: Request, person: Person, form: Form, errors: [FieldError]) async throws -> HTML {
        let personID = try person.requireID()
        let reviews = try await ProbationReview.query(on: req.database).filter(\.$person.$id == personID).with(\.$manager).sort(\.$dueOn).all()
        let entries = Probation.entries(person: person, reviews: reviews, months: months(req), today: .today)
        let principal = try req.requirePrincipal()
        let canRecord = try await canRecord(principal, person: personID, on: req.database)
        let assessments = try await Assessment.query(on: req.database).filter(\.$person.$id == personID)
            .filter(\.$kind == Assessment.Kind.manager.rawValue).filter(\.$submittedOn != nil).all()
        return ProbationPage.view(.init(
            personID: personID, personName: person.displayName, startDate: person.startDate, endDate: person.probationEndDate,
            entries: entries, decided: Probation.decided(reviews),
            reviews: reviews.map { .init(id: $0.id ?? UUID(), dueOn: $0.dueOn, heldOn: $0.heldOn, manager: $0.manager.displayName, notes: $0.notes,
                                         outcome: $0.outcomeValue, newEndDate: $0.newEndDate, assessment: $0.assessmentID) },
            next: Probation.decided(reviews) == nil ? entries.first { $0.state != .done } : nil,
            canRecord: canRecord,
            assessments: assessments.compactMap { assessment in
                assessment.id.map { ProbationPage.Choice(id: $0, label: "Manager assessment submitted \(DisplayFormat.calendarDate(assessment.submittedOn ?? ""))") }
            },
            form: form, errors: errors), context: PageContext(req))
    }

    /// Probation reviews are the manager's: someone above the person, or an administrator.
    static func canRecord(_ principal: Principal, person: UUID, on db: any Database) async throws -> Bool {
        if principal.roles.contains(.admin) { return true }
        guard let me = principal.personID, me != person else { return false }
        return try await LineManagement.chain(above: person, on: db).contains(me)
    }

    @Sendable static func record(req: Request) async throws -> Response {
        let person = try await ObjectivesController.person(req)
        let form = try req.content.decode(Form.self)
        switch try await record(form, for: person, on: req) {
        case .failure(let failed): return try await page(req, person: person, form: form, errors: failed.errors).response(status: .badRequest)
        case .success: return req.redirect(to: SiteURL.probation(try person.requireID()).path, redirectType: .normal)
        }
    }

    /// Records the next review in the schedule, for the page and the API: only the person's
    /// managers or an administrator (403), only while a review is due (409); problems by field.
    static func record(_ form: Form, for person: Person, on req: Request) async throws -> Result<ProbationReview, FieldErrors> {
        let personID = try person.requireID()
        let principal = try req.requirePrincipal()
        guard try await canRecord(principal, person: personID, on: req.database) else { throw AppError.forbidden }
        let reviews = try await ProbationReview.query(on: req.database).filter(\.$person.$id == personID).all()
        guard Probation.decided(reviews) == nil,
              let next = Probation.entries(person: person, reviews: reviews, months: months(req), today: .today).first(where: { $0.state != .done })
        else { throw AppError.conflict("\(person.displayName) has no probation review to record.") }
        var errors: [FieldError] = []
        let today = CalendarDate.today
        let held = DateField.required(form.held_on, field: "held_on", what: "the date of the review", example: "28/02/2027", errors: &errors)
        if let held, held > today { errors.append(.init(field: "held_on", message: "The review date cannot be in the future")) }
        let notes = (form.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if notes.isEmpty || notes.count > 5000 { errors.append(.init(field: "notes", message: "Say how the core behaviours and objectives are going (up to 5,000 characters)")) }
        let assessment = UUID(uuidString: form.assessment ?? "")
        if let assessment, try await Assessment.query(on: req.database).filter(\.$id == assessment).filter(\.$person.$id == personID).first() == nil {
            errors.append(.init(field: "assessment", message: "Choose one of \(person.displayName)’s manager assessments"))
        }
        var outcome: ProbationReview.Outcome?
        var newEnd: CalendarDate?
        if next.isFinal {
            outcome = ProbationReview.Outcome(rawValue: form.outcome ?? "")
            if outcome == nil { errors.append(.init(field: "outcome", message: "Choose the outcome: confirm, extend or do not confirm")) }
            if outcome == .extend {
                newEnd = CalendarDate((form.new_end_date ?? "").trimmingCharacters(in: .whitespaces))
                let current = person.probationEndDate.flatMap(CalendarDate.init)
                if let newEnd, let current, newEnd > current {} else {
                    errors.append(.init(field: "new_end_date", message: "Enter a new end date after the current one"))
                }
            }
        }
        guard errors.isEmpty, let held else { return .failure(FieldErrors(errors)) }
        let review = ProbationReview()
        review.$person.id = personID
        review.$manager.id = principal.personID ?? person.$lineManager.id ?? personID
        review.dueOn = next.due
        review.heldOn = held.description
        review.notes = notes
        review.assessmentID = assessment
        review.outcome = outcome?.rawValue
        review.newEndDate = newEnd?.description
        try await req.create(review)
        if let newEnd { try await req.update(person) { $0.probationEndDate = newEnd.description } }
        return .success(review)
    }
}
