import CapableCore
import Fluent
import Plot
import Vapor

/// A person's check-ins. The list and each check-in follow the person-record rule, but only the
/// two people who met see the shared notes and the wellbeing answer, and a private note only
/// its writer. Recording one is for the person, their managers and administrators.
enum CheckInsController {
    /// Three rows each for observations and actions: enough for one meeting, and no script needed.
    static let rows = 1...3

    struct Form: Content {
        var held_on: String?
        var shared_notes: String?
        var private_note: String?
        var objectives: [String]?
        var obs1_code: String?, obs1_example: String?
        var obs2_code: String?, obs2_example: String?
        var obs3_code: String?, obs3_example: String?
        var act1_description: String?, act1_owner: String?, act1_due: String?
        var act2_description: String?, act2_owner: String?, act2_due: String?
        var act3_description: String?, act3_owner: String?, act3_due: String?
        var wellbeing_score: String?
        var wellbeing_note: String?

        func observation(_ row: Int) -> (code: String, example: String) {
            let pairs = [(obs1_code, obs1_example), (obs2_code, obs2_example), (obs3_code, obs3_example)]
            return ((pairs[row - 1].0 ?? "").trimmingCharacters(in: .whitespaces), (pairs[row - 1].1 ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        }

        func action(_ row: Int) -> (description: String, owner: String, due: String) {
            let triples = [(act1_description, act1_owner, act1_due), (act2_description, act2_owner, act2_due), (act3_description, act3_owner, act3_due)]
            let (text, owner, due) = triples[row - 1]
            return ((text ?? "").trimmingCharacters(in: .whitespacesAndNewlines), owner ?? "person", (due ?? "").trimmingCharacters(in: .whitespaces))
        }

        var input: CheckIns.Input {
            CheckIns.Input(
                heldOn: held_on, sharedNotes: shared_notes, privateNote: private_note, objectives: objectives ?? [],
                observations: CheckInsController.rows.map { row in
                    let (code, example) = observation(row)
                    return .init(code: code, example: example, field: "obs\(row)")
                },
                actions: CheckInsController.rows.map { row in
                    let (text, owner, due) = action(row)
                    return .init(description: text, ownerIsManager: owner == "manager", dueOn: due, field: "act\(row)")
                },
                wellbeingScore: wellbeing_score, wellbeingNote: wellbeing_note)
        }
    }

    @Sendable static func index(req: Request) async throws -> HTML {
        let person = try await ObjectivesController.person(req)
        let personID = try person.requireID()
        let checkIns = try await CheckIn.query(on: req.database).filter(\.$person.$id == personID).with(\.$manager)
            .sort(\.$heldOn, .descending).all()
        let weeks = try await CheckIns.cadence(of: personID, on: req.database)
        let today = CalendarDate.today
        let next = CheckInSchedule.nextDue(last: checkIns.first?.heldOn, startDate: person.startDate, weeks: weeks, today: today)
        let canWrite = try await Objectives.canWrite(try req.requirePrincipal(), person: personID, on: req.database)
        return CheckInsPage.list(.init(personID: personID, personName: person.displayName, canWrite: canWrite, weeks: weeks,
                                       nextDue: next.description, overdue: next < today,
                                       rows: try checkIns.map { CheckInsPage.Row(id: try $0.requireID(), heldOn: $0.heldOn, with: $0.manager.displayName) }),
                                 context: PageContext(req))
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        let person = try await ObjectivesController.person(req)
        var form = Form()
        form.held_on = DisplayFormat.ukDate(CalendarDate.today.description)
        return try await formPage(req, person: person, form: form, errors: []).encodeResponse(for: req)
    }

    static func formPage(_ req: Request, person: Person, form: Form, errors: [FieldError]) async throws -> HTML {
        let personID = try person.requireID()
        let managerID = try await CheckIns.manager(for: person, writer: req.principal?.personID, on: req.database)
        let manager = try await managerID.asyncMap { try await Person.find($0, on: req.database) } ?? nil
        let objectives = try await Objective.query(on: req.database).filter(\.$person.$id == personID)
            .filter(\.$status !~ [Objective.Status.done.rawValue, Objective.Status.dropped.rawValue]).sort(\.$dueOn).all()
        return CheckInsPage.form(.init(personID: personID, personName: person.displayName, managerName: manager?.displayName,
                                       objectives: try objectives.map { (try $0.requireID(), $0.title) }.map { CheckInsPage.Choice(id: $0.0, title: $0.1) },
                                       form: form, errors: errors), context: PageContext(req))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let person = try await ObjectivesController.person(req)
        let form = try req.content.decode(Form.self)
        guard let managerID = try await CheckIns.manager(for: person, writer: req.principal?.personID, on: req.database),
              let manager = try await Person.find(managerID, on: req.database) else {
            let errors = [FieldError(field: "held_on", message: "\(person.displayName) has no line manager, so there is nobody to check in with: a check-in needs two people")]
            return try await formPage(req, person: person, form: form, errors: errors).response(status: .badRequest)
        }
        switch try await CheckIns.validate(form.input, person: try person.requireID(), today: .today, on: req.database) {
        case .failure(.invalid(let errors)):
            return try await formPage(req, person: person, form: form, errors: errors).response(status: .badRequest)
        case .failure(let error):
            throw error
        case .success(let clean):
            let checkIn = try await CheckIns.create(clean, person: person, manager: manager, on: req)
            return req.redirect(to: SiteURL.checkIn(try person.requireID(), try checkIn.requireID()).path, redirectType: .normal)
        }
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let person = try await ObjectivesController.person(req)
        guard let id = req.parameters.get("checkInID", as: UUID.self),
              let checkIn = try await CheckIn.query(on: req.database).filter(\.$id == id).filter(\.$person.$id == person.requireID())
                .with(\.$manager).with(\.$observations).with(\.$objectives, { $0.with(\.$objective) }).first()
        else { throw AppError.notFound }
        let me = try req.requirePrincipal().personID
        let participant = checkIn.isParticipant(me)
        // A private note is fetched only for its writer, so no other page or query can show it.
        let privateNote = try await me.asyncMap { author in
            try await CheckInPrivateNote.query(on: req.database).filter(\.$checkIn.$id == id).filter(\.$authorID == author).first()?.note
        } ?? nil
        let elements = try await Frameworks.latestElements(checkIn.observations.map(\.elementID), on: req.database)
        let actions = try await ActionItem.query(on: req.database).filter(\.$sourceType == ActionItem.Source.checkIn.rawValue)
            .filter(\.$sourceID == id).with(\.$owner).all()
        return CheckInsPage.show(.init(
            personID: try person.requireID(), personName: person.displayName, managerName: checkIn.manager.displayName, heldOn: checkIn.heldOn,
            participant: participant,
            sharedNotes: participant ? checkIn.sharedNotes : nil,
            wellbeingScore: participant ? checkIn.wellbeingScore : nil, wellbeingNote: participant ? checkIn.wellbeingNote : nil,
            privateNote: privateNote,
            objectives: checkIn.objectives.map { CheckInsPage.Choice(id: $0.$objective.id, title: $0.objective.title) },
            observations: checkIn.observations.map { observation in
                let element = elements[observation.elementID]
                return CheckInsPage.Observation(elementID: observation.elementID, code: element?.row.code ?? "", title: element?.row.title ?? "",
                                                example: observation.example)
            },
            actions: actions.map { CheckInsPage.ActionRow(description: $0.summary, owner: $0.owner.displayName, dueOn: $0.dueOn, status: $0.statusValue) }),
            context: PageContext(req))
    }
}

extension Optional {
    /// `map` for an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
