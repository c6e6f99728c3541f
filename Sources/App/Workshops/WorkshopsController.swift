import CapableCore
import Fluent
import Plot
import Vapor

/// Setting up workshops: the area's home, the details form, the people taking part and the
/// breakout groups. The routes are open to anyone signed in; each handler applies
/// `WorkshopAccess` (facilitators and organisers change a workshop, participants read it).
enum WorkshopsController {
    struct Form: Content {
        var title: String?
        var purpose: String?
        var questions: String?
        var held_on: String?
        var format: String?
        var votes: String?
        var allow_anonymous: String?
        var series_id: String?

        init() {}

        init(_ workshop: Workshop) {
            title = workshop.title
            purpose = workshop.purpose
            questions = workshop.questions
            held_on = DisplayFormat.ukDate(workshop.heldOn)
            format = workshop.format
            votes = String(workshop.votesPerParticipant)
            allow_anonymous = workshop.allowAnonymous ? "yes" : nil
        }

        var input: Workshops.Input {
            // A number that does not parse is passed on as out of range, so the message names the field.
            .init(title: title, purpose: purpose, questions: questions, heldOn: held_on, format: format, allowAnonymous: allow_anonymous == "yes",
                  votesPerParticipant: votes.map { Int($0.trimmingCharacters(in: .whitespaces)) ?? -1 })
        }

        static func fieldName(_ api: String) -> String {
            ["heldOn": "held_on", "votesPerParticipant": "votes"][api] ?? api
        }
    }

    @Sendable static func home(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        return WorkshopsHomePage.view(try await WorkshopsHomePage.query(principal, today: .today, on: req.database), context: PageContext(req))
    }

    @Sendable static func newForm(req: Request) async throws -> HTML {
        var form = Form()
        form.series_id = req.query[String.self, at: "series"]
        form.format = Workshop.Format.workshop.rawValue
        form.votes = "3"
        return WorkshopFormPage.view(.init(workshopID: nil, form: form, errors: []), context: PageContext(req))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        var seriesID: UUID?, position: Int?
        if let raw = form.series_id, !raw.isEmpty {
            guard let id = UUID(uuidString: raw), let series = try await WorkshopSeries.find(id, on: req.database) else { throw AppError.notFound }
            try await SeriesController.requireOrganiser(series, req: req)
            seriesID = id
            position = try await Workshop.query(on: req.database).filter(\.$series.$id == id).count() + 1
        }
        switch Workshops.validate(form.input, fieldName: Form.fieldName) {
        case .failure(.invalid(let errors)):
            return WorkshopFormPage.view(.init(workshopID: nil, form: form, errors: errors), context: PageContext(req)).response(status: .badRequest)
        case .failure(let error):
            throw error
        case .success(let clean):
            let workshop = try await Workshops.create(clean, seriesID: seriesID, position: position, on: req)
            return req.redirect(to: SiteURL.workshops(.workshop(try workshop.requireID())).path, redirectType: .normal)
        }
    }

    /// The workshop's page; for someone who may only read its published write-up, the write-up.
    @Sendable static func show(req: Request) async throws -> HTML {
        let (workshop, access) = try await WorkshopAccess.load(req, need: \.canReadWriteUp)
        guard access.canSee else { return try await WriteUpController.render(workshop, access: access, req: req) }
        return WorkshopPage.view(try await WorkshopPage.query(workshop, access: access, on: req.database), context: PageContext(req))
    }

    @Sendable static func editForm(req: Request) async throws -> HTML {
        let (workshop, _) = try await WorkshopAccess.load(req, need: \.canFacilitate)
        return WorkshopFormPage.view(.init(workshopID: workshop.id, form: Form(workshop), errors: []), context: PageContext(req))
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let (workshop, _) = try await WorkshopAccess.load(req, need: \.canFacilitate)
        let form = try req.content.decode(Form.self)
        switch Workshops.validate(form.input, fieldName: Form.fieldName) {
        case .failure(.invalid(let errors)):
            return WorkshopFormPage.view(.init(workshopID: workshop.id, form: form, errors: errors), context: PageContext(req)).response(status: .badRequest)
        case .failure(let error):
            throw error
        case .success(let clean):
            try await Workshops.update(workshop, with: clean, on: req)
            return req.redirect(to: SiteURL.workshops(.workshop(try workshop.requireID())).path, redirectType: .normal)
        }
    }

    struct GroupForm: Content {
        var group_name: String?
        var group_question: String?
    }

    @Sendable static func addGroup(req: Request) async throws -> Response {
        let form = try req.content.decode(GroupForm.self)
        return try await setUp(req, anchor: "groups", keep: { $0.groupForm = form }) { workshop in
            _ = try await Workshops.addGroup(to: workshop, name: form.group_name, question: form.group_question, on: req)
        }
    }

    /// Runs a facilitator's change to the set-up; a refusal shows the workshop's page again with
    /// the messages and what was typed (`keep`), else goes back to the page at `anchor`.
    private static func setUp(_ req: Request, anchor: String, keep: (inout WorkshopPage.Model) -> Void,
                              _ work: (Workshop) async throws -> Void) async throws -> Response {
        let (workshop, access) = try await WorkshopAccess.load(req, need: \.canFacilitate)
        do {
            try await work(workshop)
        } catch AppError.invalid(let errors) {
            var model = try await WorkshopPage.query(workshop, access: access, on: req.database)
            model.errors = errors
            keep(&model)
            return WorkshopPage.view(model, context: PageContext(req)).response(status: .badRequest)
        }
        return req.redirect(to: SiteURL.workshops(.workshop(try workshop.requireID())).path + "#\(anchor)", redirectType: .normal)
    }

    struct PeopleForm: Content {
        var staff_numbers: String?
        var role: String?
        var guest_name: String?
        var guest_organisation: String?
    }

    @Sendable static func addParticipants(req: Request) async throws -> Response {
        let form = try req.content.decode(PeopleForm.self)
        return try await setUp(req, anchor: "participants", keep: { $0.peopleForm = form }) { workshop in
            try await Workshops.addParticipants(to: workshop, staffNumbers: form.staff_numbers,
                                                role: WorkshopParticipant.Role(rawValue: form.role ?? "") ?? .participant,
                                                guestName: form.guest_name, guestOrganisation: form.guest_organisation, on: req)
        }
    }

    struct ParticipantForm: Content {
        /// A group id, empty for none.
        var group: String?
        /// "remove" takes the participant off the workshop.
        var change: String?
    }

    /// Puts a participant in a breakout group, or takes them off the workshop.
    @Sendable static func changeParticipant(req: Request) async throws -> Response {
        let (workshop, _) = try await WorkshopAccess.load(req, need: \.canFacilitate)
        let workshopID = try workshop.requireID()
        guard let id = req.parameters.get("participantID", as: UUID.self),
              let participant = try await WorkshopParticipant.query(on: req.database).filter(\.$id == id).filter(\.$workshop.$id == workshopID).first() else {
            throw AppError.notFound
        }
        let form = try req.content.decode(ParticipantForm.self)
        if form.change == "remove" {
            try await req.delete(participant)
        } else {
            var groupID: UUID?
            if let raw = form.group, !raw.isEmpty {
                guard let id = UUID(uuidString: raw),
                      try await WorkshopGroup.query(on: req.database).filter(\.$id == id).filter(\.$workshop.$id == workshopID).count() == 1 else {
                    throw AppError.invalid([.init(field: "group", message: "Choose one of this session's breakout groups")])
                }
                groupID = id
            }
            try await req.update(participant) { $0.$group.id = groupID }
        }
        try await Board.changed(workshopID, on: req.database)
        return req.redirect(to: SiteURL.workshops(.workshop(workshopID)).path + "#participants", redirectType: .normal)
    }
}
