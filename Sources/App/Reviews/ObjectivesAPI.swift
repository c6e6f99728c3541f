import CapableCore
import Fluent
import Vapor

/// `/api/v1/objectives`: the same rules as the pages. Reading follows the person-record rule;
/// writing is for the person, their managers and administrators.
enum ObjectivesAPI {
    struct UpdateDTO: Content {
        var writtenOn: String
        var author: String
        var status: Objective.Status
        var note: String
    }

    struct ObjectiveDTO: Content {
        var id: UUID
        var personId: UUID
        var title: String
        var outcome: String
        var dueOn: String
        var status: Objective.Status
        var agreedOn: String?
        var proposedBy: UUID?
        var elementIds: [UUID]
        var updates: [UpdateDTO]

        init(_ objective: Objective) throws {
            id = try objective.requireID()
            personId = objective.$person.id
            title = objective.title
            outcome = objective.outcome
            dueOn = objective.dueOn
            status = objective.statusValue
            agreedOn = objective.agreedOn
            proposedBy = objective.proposedBy
            elementIds = objective.elements.map(\.elementID).sorted { $0.uuidString < $1.uuidString }
            updates = objective.updates.sorted { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }.map {
                UpdateDTO(writtenOn: $0.writtenOn, author: $0.authorName, status: Objective.Status(rawValue: $0.status) ?? .onTrack, note: $0.note)
            }
        }
    }

    struct NewObjective: Content {
        /// Default: the caller's own staff record.
        var personId: UUID?
        var title: String?
        var outcome: String?
        var dueOn: String?
        var elements: [String]?
    }

    struct Progress: Content {
        var status: Objective.Status?
        var note: String?
    }

    /// The person a request is about: `personId` (checked) or the caller. Writing follows
    /// `Objectives.canWrite` (the person, their managers, administrators); reading the person-record
    /// rule. Every Reviews write endpoint finds its person through here.
    static func target(_ req: Request, _ asked: UUID?, write: Bool) async throws -> Person {
        let principal = try req.requirePrincipal()
        guard let id = asked ?? principal.personID else {
            throw AppError.invalid([.init(field: "personId", message: "This account has no staff record; give personId")])
        }
        guard let person = try await Person.find(id, on: req.database) else { throw AppError.notFound }
        let allowed = write ? try await Objectives.canWrite(principal, person: id, on: req.database)
            : try await LineManagement.allows(principal.viewer, target: id, on: req.database)
        guard allowed else { throw AppError.forbidden }
        return person
    }

    private static func find(_ req: Request, write: Bool) async throws -> Objective {
        guard let id = req.parameters.get("objectiveID", as: UUID.self),
              let objective = try await Objective.query(on: req.database).filter(\.$id == id).with(\.$elements).with(\.$updates).first()
        else { throw AppError.notFound }
        _ = try await target(req, objective.$person.id, write: write)
        return objective
    }

    @Sendable static func list(req: Request) async throws -> [ObjectiveDTO] {
        let asked = try? req.query.get(UUID.self, at: "personId")
        // An account without a staff record has no objectives of its own, as it has no actions.
        if asked == nil, try req.requirePrincipal().personID == nil { return [] }
        let person = try await target(req, asked, write: false)
        return try await Objective.query(on: req.database).filter(\.$person.$id == person.requireID())
            .with(\.$elements).with(\.$updates).sort(\.$dueOn).all().map(ObjectiveDTO.init)
    }

    @Sendable static func show(req: Request) async throws -> ObjectiveDTO {
        try ObjectiveDTO(try await find(req, write: false))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let body = try req.content.decode(NewObjective.self)
        let person = try await target(req, body.personId, write: true)
        let input = Objectives.Input(title: body.title, outcome: body.outcome, dueOn: body.dueOn, elements: body.elements)
        switch try await Objectives.validate(input, on: req.database) {
        case .failure(let error):
            throw error
        case .success(let clean):
            let objective = try await Objectives.create(clean, for: person, on: req)
            let saved = try await Objective.query(on: req.database).filter(\.$id == objective.requireID()).with(\.$elements).with(\.$updates).first()
            guard let saved else { throw AppError.notFound }
            return try await ObjectiveDTO(saved).encodeResponse(status: .created, for: req)
        }
    }

    @Sendable static func addProgress(req: Request) async throws -> ObjectiveDTO {
        let objective = try await find(req, write: true)
        let body = try req.content.decode(Progress.self)
        var errors: [FieldError] = []
        let note = (body.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if body.status == nil { errors.append(.init(field: "status", message: "Give the status: onTrack, atRisk, offTrack, done or dropped")) }
        if note.isEmpty || note.count > 2000 { errors.append(.init(field: "note", message: "Write a progress note of up to 2,000 characters")) }
        guard errors.isEmpty, let status = body.status else { throw AppError.invalid(errors) }
        try await Objectives.addProgress(objective, status: status, note: note, on: req)
        return try ObjectiveDTO(try await find(req, write: false))
    }
}
