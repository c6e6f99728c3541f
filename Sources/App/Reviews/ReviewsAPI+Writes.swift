import CapableCore
import Fluent
import Vapor

/// Writing check-ins, development plan items and feedback through the API, with the rules and
/// the messages of the pages (the validation is the pages' own).
extension ReviewsAPI {
    struct NewCheckIn: Content {
        struct Observation: Content { var element: String; var example: String }
        struct Action: Content {
            var description: String
            /// `person` or `manager`.
            var owner: String?
            var dueOn: String?
        }
        var personId: UUID?
        var heldOn: String?
        var sharedNotes: String?
        var privateNote: String?
        var objectiveIds: [UUID]?
        var observations: [Observation]?
        var actions: [Action]?
        var wellbeingScore: Int?
        var wellbeingNote: String?
    }

    @Sendable static func createCheckIn(req: Request) async throws -> Response {
        let body = try req.content.decode(NewCheckIn.self)
        let person = try await ObjectivesAPI.target(req, body.personId, write: true)
        guard let managerID = try await CheckIns.manager(for: person, writer: req.principal?.personID, on: req.database),
              let manager = try await Person.find(managerID, on: req.database) else {
            throw AppError.invalid([.init(field: "personId", message: "\(person.displayName) has no line manager, so there is nobody to check in with: a check-in needs two people")])
        }
        let input = CheckIns.Input(
            heldOn: body.heldOn, sharedNotes: body.sharedNotes, privateNote: body.privateNote,
            objectives: (body.objectiveIds ?? []).map(\.uuidString),
            observations: (body.observations ?? []).enumerated().map { .init(code: $1.element, example: $1.example, field: "observations[\($0)]") },
            actions: (body.actions ?? []).enumerated().map { .init(description: $1.description, ownerIsManager: $1.owner == "manager", dueOn: $1.dueOn, field: "actions[\($0)]") },
            wellbeingScore: body.wellbeingScore.map(String.init), wellbeingNote: body.wellbeingNote)
        switch try await CheckIns.validate(input, person: try person.requireID(), today: .today, on: req.database) {
        case .failure(let error): throw error
        case .success(let clean):
            let checkIn = try await CheckIns.create(clean, person: person, manager: manager, on: req)
            let created = try await checkInDTOs(person: try person.requireID(), me: req.principal?.personID, on: req.database).first { $0.id == checkIn.id }
            guard let created else { throw AppError.notFound }
            return try await created.encodeResponse(status: .created, for: req)
        }
    }

    struct NewPlanItem: Content {
        var personId: UUID?
        var elementId: UUID?
        var description: String?
        var method: DevelopmentPlanItem.Method?
        var dueOn: String?
        var gap: String?
        var courseId: UUID?
    }

    @Sendable static func addPlanItem(req: Request) async throws -> Response {
        let body = try req.content.decode(NewPlanItem.self)
        let person = try await ObjectivesAPI.target(req, body.personId, write: true)
        let form = DevelopmentPlanController.ItemForm(element_id: body.elementId?.uuidString, gap: body.gap, description: body.description,
                                                      method: body.method?.rawValue, due_on: body.dueOn,
                                                      course_id: body.courseId?.uuidString)
        switch try await DevelopmentPlanController.validate(form, on: req.database) {
        case .failure(let errors): throw AppError.invalid(errors.errors)
        case .success(let clean):
            let item = try await DevelopmentPlanController.create(clean, person: try person.requireID(), on: req)
            return try await PlanItemDTO(item).encodeResponse(status: .created, for: req)
        }
    }

    struct FeedbackDTO: Content {
        var id: UUID
        var text: String
        var elementIds: [UUID]
        /// Named feedback only; anonymous answers are read through their request, in groups.
        var authorId: UUID?
        var givenOn: String?
    }

    struct NewFeedback: Content {
        /// A colleague's work email or employee reference.
        var colleague: String?
        var text: String?
        /// Element codes, e.g. `CV.4.1`.
        var elements: [String]?
    }

    /// Named feedback the caller has received, newest first.
    @Sendable static func feedback(req: Request) async throws -> [FeedbackDTO] {
        guard let me = try req.requirePrincipal().personID else { return [] }
        return try await FeedbackItem.query(on: req.database).filter(\.$subject.$id == me).filter(\.$authorID != nil)
            .sort(\.$givenOn, .descending).all().map {
                FeedbackDTO(id: try $0.requireID(), text: $0.text, elementIds: $0.elements, authorId: $0.authorID, givenOn: $0.givenOn)
            }
    }

    /// Gives named feedback to a colleague, as the feedback page does.
    @Sendable static func giveFeedback(req: Request) async throws -> Response {
        let me = try FeedbackController.me(req)
        let body = try req.content.decode(NewFeedback.self)
        let subject = try await Feedbacks.colleague(body.colleague ?? "", on: req.database)
        let text = (body.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let (errors, elements) = try await Feedbacks.problems(subject: subject, author: me, text: text, codes: body.elements ?? [],
                                                              subjectField: "colleague", on: req.database)
        guard errors.isEmpty, let subject else { throw AppError.invalid(errors) }
        let saved = try await Feedbacks.record(subject: try subject.requireID(), text: text, elements: elements, anonymous: false, request: nil, on: req)
        return try await FeedbackDTO(id: try saved.requireID(), text: saved.text, elementIds: saved.elements, authorId: me, givenOn: saved.givenOn)
            .encodeResponse(status: .created, for: req)
    }

    struct NewAssessment: Content {
        /// Default: the caller (a self-assessment); someone in the caller's reporting line for a manager assessment.
        var personId: UUID?
        var frameworkId: UUID?
    }

    /// Starts a self or manager assessment, as the Assessments page does (peers start theirs
    /// from a named feedback request).
    @Sendable static func startAssessment(req: Request) async throws -> Response {
        let body = try req.content.decode(NewAssessment.self)
        let person = try await ObjectivesAPI.target(req, body.personId, write: true)
        let principal = try req.requirePrincipal()
        guard let kind = try await Assessments.kindFor(principal, person: try person.requireID(), on: req.database), let me = principal.personID else {
            throw AppError.forbidden
        }
        let assessment = try await Assessments.start(person: try person.requireID(), assessor: me, kind: kind, framework: body.frameworkId, on: req)
        return try await AssessmentDTO(try await loadAssessment(try assessment.requireID(), on: req.database)).encodeResponse(status: .created, for: req)
    }

    static func loadAssessment(_ id: UUID, on db: any Database) async throws -> Assessment {
        guard let assessment = try await Assessment.query(on: db).filter(\.$id == id).with(\.$ratings).first() else { throw AppError.notFound }
        return assessment
    }

    struct Ratings: Content {
        struct Rating: Content {
            /// The element's code, e.g. `CV.1.1`.
            var element: String
            var level: Int?
            var evidence: String?
            var observationIds: [UUID]?
        }
        var ratings: [Rating]?
        /// True to submit: every element must then be rated, and the assessment is final.
        var submit: Bool?
    }

    /// Replaces a draft's ratings, and submits when asked: the assessor only, only while a draft.
    /// Problems name the element (`rating-CV.1.1`), as on the page.
    @Sendable static func saveRatings(req: Request) async throws -> AssessmentDTO {
        guard let id = req.parameters.get("assessmentID", as: UUID.self) else { throw AppError.notFound }
        let assessment = try await loadAssessment(id, on: req.database)
        try Assessments.requireEditable(assessment, by: req.principal)
        let body = try req.content.decode(Ratings.self)
        let (document, elements) = try await Assessments.form(for: assessment, on: req.database)
        let byCode = Dictionary(elements.map { ($0.code.lowercased(), $0.id) }, uniquingKeysWith: { first, _ in first })
        var inputs: [UUID: Assessments.RatingInput] = [:]
        var unknown: [FieldError] = []
        for rating in body.ratings ?? [] {
            guard let element = byCode[rating.element.lowercased()] else {
                unknown.append(.init(field: "rating-\(rating.element)", message: "\(rating.element) is not an element this assessment rates"))
                continue
            }
            inputs[element] = .init(level: rating.level, evidence: (rating.evidence ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                    observations: rating.observationIds ?? [])
        }
        guard unknown.isEmpty else { throw AppError.invalid(unknown) }
        let errors = try await Assessments.save(assessment, ratings: inputs, submit: body.submit ?? false, document: document, elements: elements, on: req)
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        return try AssessmentDTO(try await loadAssessment(id, on: req.database))
    }

    struct NewProbationReview: Content {
        var personId: UUID?
        var heldOn: String?
        var notes: String?
        var assessmentId: UUID?
        /// At the final review: confirm, extend or notConfirmed.
        var outcome: String?
        var newEndDate: String?
    }

    /// Records the next probation review, as the probation page does: the person's managers or an
    /// administrator; 409 when no review is due.
    @Sendable static func recordProbationReview(req: Request) async throws -> Response {
        let body = try req.content.decode(NewProbationReview.self)
        guard let personID = body.personId, let person = try await Person.find(personID, on: req.database) else {
            throw AppError.invalid([.init(field: "personId", message: "Give the personId of the person on probation")])
        }
        let form = ProbationController.Form(held_on: body.heldOn, notes: body.notes, assessment: body.assessmentId?.uuidString,
                                            outcome: body.outcome, new_end_date: body.newEndDate)
        switch try await ProbationController.record(form, for: person, on: req) {
        case .failure(let failed): throw AppError.invalid(failed.errors)
        case .success(let review): return try await ProbationReviewDTO(review).encodeResponse(status: .created, for: req)
        }
    }
}
