import CapableCore
import Fluent
import Vapor

/// Objective rules shared by the pages and the API: validation, who may write, proposing and
/// agreeing, progress updates.
enum Objectives {
    /// What a form or API call sets on an objective.
    struct Input: Content, Sendable {
        var title: String?
        var outcome: String?
        /// `yyyy-mm-dd` or `dd/mm/yyyy`.
        var dueOn: String?
        /// Framework element codes, e.g. ["CV.1.1", "TR.2"].
        var elements: [String]?
    }

    struct Clean: Sendable {
        var title: String
        var outcome: String
        var dueOn: String
        var elements: [UUID]
    }

    /// The input's problems by field (`fieldName` maps the API's names to a form's), or clean values.
    static func validate(_ input: Input, fieldName: (String) -> String = { $0 }, on db: any Database) async throws -> Result<Clean, AppError> {
        var errors: [FieldError] = []
        let title = (input.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors.append(.init(field: fieldName("title"), message: "Enter the objective’s title")) }
        if title.count > 200 { errors.append(.init(field: fieldName("title"), message: "Title must be 200 characters or fewer")) }
        let outcome = (input.outcome ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if outcome.isEmpty { errors.append(.init(field: fieldName("outcome"), message: "Describe the outcome that will show success")) }
        if outcome.count > 2000 { errors.append(.init(field: fieldName("outcome"), message: "The outcome must be 2,000 characters or fewer")) }
        let due = DateField.required(input.dueOn, field: fieldName("dueOn"), what: "the due date", errors: &errors)
        let codes = (input.elements ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let found = try await Frameworks.publishedElements(codes: codes, on: db)
        var elements: [UUID] = []
        for code in codes {
            let matches = found[code.lowercased()] ?? []
            if matches.isEmpty {
                errors.append(.init(field: fieldName("elements"), message: "No published framework has an element with the code \(code)"))
            } else if matches.count > 1 {
                errors.append(.init(field: fieldName("elements"), message: "The code \(code) is in more than one published framework"))
            } else if !elements.contains(matches[0].id) {
                elements.append(matches[0].id)
            }
        }
        guard errors.isEmpty, let due else { return .failure(.invalid(errors)) }
        return .success(Clean(title: title, outcome: outcome, dueOn: due.description, elements: elements))
    }

    /// Who may propose, change or agree a person's objectives: the person, their line managers,
    /// and administrators (the `.selfOrManager` policy). HR can read them, as the rest of the record.
    static func canWrite(_ principal: Principal, person: UUID, on db: any Database) async throws -> Bool {
        let viewer = Viewer(personID: principal.personID, roles: principal.roles.intersection([.admin]))
        return try await LineManagement.allows(viewer, target: person, on: db)
    }

    /// Creates an objective proposed by the caller. A person without a line manager has nobody to
    /// agree with, so theirs count as agreed at once.
    static func create(_ clean: Clean, for person: Person, on req: Request) async throws -> Objective {
        let objective = Objective()
        objective.$person.id = try person.requireID()
        objective.title = clean.title
        objective.outcome = clean.outcome
        objective.dueOn = clean.dueOn
        objective.status = Objective.Status.onTrack.rawValue
        objective.proposedBy = req.principal?.personID
        if person.$lineManager.id == nil {
            objective.agreedOn = CalendarDate.today.description
            objective.agreedBy = req.principal?.personID
        }
        try await req.create(objective)
        try await setElements(clean.elements, of: objective, on: req)
        return objective
    }

    static func update(_ objective: Objective, with clean: Clean, on req: Request) async throws {
        try await req.update(objective) { objective in
            objective.title = clean.title
            objective.outcome = clean.outcome
            objective.dueOn = clean.dueOn
        }
        try await setElements(clean.elements, of: objective, on: req)
    }

    private static func setElements(_ elements: [UUID], of objective: Objective, on req: Request) async throws {
        let id = try objective.requireID()
        let before = try await ObjectiveElement.query(on: req.database).filter(\.$objective.$id == id).all().map(\.elementID)
        guard Set(before) != Set(elements) else { return }
        try await ObjectiveElement.query(on: req.database).filter(\.$objective.$id == id).delete()
        for element in elements { try await ObjectiveElement(objectiveID: id, elementID: element).create(on: req.database) }
        try await req.audit("update", entity: Objective.auditEntity, id: id.uuidString,
                            changes: [FieldChange(field: "elements", old: before.map(\.uuidString).sorted().joined(separator: ","),
                                                  new: elements.map(\.uuidString).sorted().joined(separator: ","))])
    }

    /// Whether the caller is the other party to a proposed objective: the owner when a manager
    /// proposed it, a manager when the owner did.
    static func canAgree(_ objective: Objective, principal: Principal, on db: any Database) async throws -> Bool {
        guard objective.agreedOn == nil, let me = principal.personID else { return false }
        let owner = objective.$person.id
        if me == owner { return objective.proposedBy != owner }
        return try await LineManagement.chain(above: owner, on: db).contains(me) && objective.proposedBy == owner
    }

    static func agree(_ objective: Objective, on req: Request) async throws {
        try await req.update(objective) { objective in
            objective.agreedOn = CalendarDate.today.description
            objective.agreedBy = req.principal?.personID
        }
    }

    /// Adds a dated progress note and sets the objective's status.
    static func addProgress(_ objective: Objective, status: Objective.Status, note: String, on req: Request) async throws {
        let principal = try req.requirePrincipal()
        let update = ObjectiveUpdate()
        update.$objective.id = try objective.requireID()
        update.writtenOn = CalendarDate.today.description
        update.status = status.rawValue
        update.note = note
        update.authorName = principal.displayName
        update.authorPersonID = principal.personID
        try await update.create(on: req.database)
        try await req.update(objective) { $0.status = status.rawValue }
        try await req.audit("progress", entity: Objective.auditEntity, id: try objective.requireID().uuidString,
                            changes: [FieldChange(field: "note", old: nil, new: note)])
    }
}
