import CapableCore
import Fluent
import Plot
import Vapor

/// A person's objectives: the list, proposing, editing, agreeing and progress updates. Reading
/// follows the person-record rule; writing is for the person, their managers and administrators.
enum ObjectivesController {
    struct Form: Content {
        var title: String?
        var outcome: String?
        var due_on: String?
        /// Element codes separated by commas.
        var elements: String?

        var input: Objectives.Input {
            Objectives.Input(title: title, outcome: outcome, dueOn: due_on,
                             elements: (elements ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init))
        }
    }

    static func formField(_ api: String) -> String { ["dueOn": "due_on"][api] ?? api }

    struct ProgressForm: Content {
        var status: String?
        var note: String?
    }

    static func person(_ req: Request) async throws -> Person {
        guard let id = req.parameters.get("personID", as: UUID.self), let person = try await Person.find(id, on: req.database) else {
            throw AppError.notFound
        }
        return person
    }

    static func objective(_ req: Request, of person: Person) async throws -> Objective {
        guard let id = req.parameters.get("objectiveID", as: UUID.self),
              let objective = try await Objective.query(on: req.database).filter(\.$id == id).filter(\.$person.$id == person.requireID())
                .with(\.$elements).with(\.$updates).first()
        else { throw AppError.notFound }
        return objective
    }

    @Sendable static func index(req: Request) async throws -> HTML {
        let person = try await person(req)
        let objectives = try await Objective.query(on: req.database).filter(\.$person.$id == person.requireID())
            .sort(\.$dueOn).all()
        let canWrite = try await Objectives.canWrite(try req.requirePrincipal(), person: person.requireID(), on: req.database)
        return ObjectivesPage.list(.init(personID: try person.requireID(), personName: person.displayName, canWrite: canWrite,
                                         rows: try objectives.map(ObjectivesPage.Row.init)), context: PageContext(req))
    }

    @Sendable static func newForm(req: Request) async throws -> HTML {
        let person = try await person(req)
        return ObjectivesPage.form(.init(personID: try person.requireID(), personName: person.displayName, objectiveID: nil, form: Form(), errors: []),
                                   context: PageContext(req))
    }

    @Sendable static func editForm(req: Request) async throws -> HTML {
        let person = try await person(req)
        let objective = try await objective(req, of: person)
        let codes = try await Frameworks.latestElements(objective.elements.map(\.elementID), on: req.database).values.map(\.row.code).sorted()
        let form = Form(title: objective.title, outcome: objective.outcome, due_on: DisplayFormat.ukDate(objective.dueOn),
                        elements: codes.joined(separator: ", "))
        return ObjectivesPage.form(.init(personID: try person.requireID(), personName: person.displayName, objectiveID: objective.id,
                                         form: form, errors: []), context: PageContext(req))
    }

    /// Creates (no `:objectiveID`) or changes an objective.
    @Sendable static func save(req: Request) async throws -> Response {
        let person = try await person(req)
        let existing: Objective? = req.parameters.get("objectiveID") == nil ? nil : try await objective(req, of: person)
        let form = try req.content.decode(Form.self)
        switch try await Objectives.validate(form.input, fieldName: formField, on: req.database) {
        case .failure(.invalid(let errors)):
            return ObjectivesPage.form(.init(personID: try person.requireID(), personName: person.displayName, objectiveID: existing?.id,
                                             form: form, errors: errors), context: PageContext(req)).response(status: .badRequest)
        case .failure(let error):
            throw error
        case .success(let clean):
            let objective: Objective
            if let existing {
                try await Objectives.update(existing, with: clean, on: req)
                objective = existing
            } else {
                objective = try await Objectives.create(clean, for: person, on: req)
            }
            return req.redirect(to: SiteURL.objective(try person.requireID(), try objective.requireID()).path, redirectType: .normal)
        }
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let person = try await person(req)
        let objective = try await objective(req, of: person)
        return ObjectivesPage.show(try await showModel(person, objective, progress: ProgressForm(), errors: [], req: req), context: PageContext(req))
    }

    static func showModel(_ person: Person, _ objective: Objective, progress: ProgressForm, errors: [FieldError], req: Request) async throws -> ObjectivesPage.ShowModel {
        let principal = try req.requirePrincipal()
        let elements = try await Frameworks.latestElements(objective.elements.map(\.elementID), on: req.database)
        return ObjectivesPage.ShowModel(
            personID: try person.requireID(), personName: person.displayName, row: try ObjectivesPage.Row(objective),
            outcome: objective.outcome,
            elements: elements.map { ObjectivesPage.ElementLink(id: $0.key, code: $0.value.row.code, title: $0.value.row.title) }
                .sorted { $0.code.localizedStandardCompare($1.code) == .orderedAscending },
            history: objective.updates.sorted { ($0.createdAt ?? .distantPast) > ($1.createdAt ?? .distantPast) }
                .map { ObjectivesPage.HistoryRow(writtenOn: $0.writtenOn, author: $0.authorName,
                                                  status: Objective.Status(rawValue: $0.status) ?? .onTrack, note: $0.note) },
            canWrite: try await Objectives.canWrite(principal, person: person.requireID(), on: req.database),
            canAgree: try await Objectives.canAgree(objective, principal: principal, on: req.database),
            progress: progress, errors: errors)
    }

    @Sendable static func addProgress(req: Request) async throws -> Response {
        let person = try await person(req)
        let objective = try await objective(req, of: person)
        let form = try req.content.decode(ProgressForm.self)
        var errors: [FieldError] = []
        let status = Objective.Status(rawValue: form.status ?? "")
        if status == nil { errors.append(.init(field: "status", message: "Choose how the objective is going")) }
        let note = (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if note.isEmpty { errors.append(.init(field: "note", message: "Write a short note on progress")) }
        if note.count > 2000 { errors.append(.init(field: "note", message: "The note must be 2,000 characters or fewer")) }
        guard errors.isEmpty, let status else {
            let model = try await showModel(person, objective, progress: form, errors: errors, req: req)
            return ObjectivesPage.show(model, context: PageContext(req)).response(status: .badRequest)
        }
        try await Objectives.addProgress(objective, status: status, note: note, on: req)
        return req.redirect(to: SiteURL.objective(try person.requireID(), try objective.requireID()).path, redirectType: .normal)
    }

    @Sendable static func agree(req: Request) async throws -> Response {
        let person = try await person(req)
        let objective = try await objective(req, of: person)
        guard try await Objectives.canAgree(objective, principal: try req.requirePrincipal(), on: req.database) else {
            throw AppError.conflict("Only the other party can agree a proposed objective: the person when a manager proposed it, their manager when they did.")
        }
        try await Objectives.agree(objective, on: req)
        return req.redirect(to: SiteURL.objective(try person.requireID(), try objective.requireID()).path, redirectType: .normal)
    }
}
