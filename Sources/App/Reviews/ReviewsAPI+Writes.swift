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
    }

    @Sendable static func addPlanItem(req: Request) async throws -> Response {
        let body = try req.content.decode(NewPlanItem.self)
        let person = try await ObjectivesAPI.target(req, body.personId, write: true)
        let form = DevelopmentPlanController.ItemForm(element_id: body.elementId?.uuidString, gap: body.gap, description: body.description,
                                                      method: body.method?.rawValue, due_on: body.dueOn)
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
}
