import CapableCore
import Fluent
import Vapor

/// The rules for setting up a workshop, shared by the pages and the API.
enum Workshops {
    /// What a form or API call sets on a workshop.
    struct Input: Content, Sendable {
        var title: String?
        var purpose: String?
        /// One question per line.
        var questions: String?
        /// `yyyy-mm-dd` or `dd/mm/yyyy`.
        var heldOn: String?
        var format: String?
        var allowAnonymous: Bool?
        var votesPerParticipant: Int?
    }

    struct Clean: Sendable {
        var title: String, purpose: String, questions: String, heldOn: String, format: Workshop.Format
        var allowAnonymous: Bool, votes: Int
    }

    static let maxVotes = 20

    /// The input's problems by field (`fieldName` maps the API's names to a form's), or its clean values.
    static func validate(_ input: Input, fieldName: (String) -> String = { $0 }) -> Result<Clean, AppError> {
        var errors: [FieldError] = []
        let title = Text.clean(input.title)
        if title.isEmpty { errors.append(.init(field: fieldName("title"), message: "Enter the workshop's title")) }
        if title.count > 200 { errors.append(.init(field: fieldName("title"), message: "The title must be 200 characters or fewer")) }
        let purpose = Text.clean(input.purpose)
        if purpose.count > 2000 { errors.append(.init(field: fieldName("purpose"), message: "The purpose must be 2,000 characters or fewer")) }
        let questions = (input.questions ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if questions.isEmpty { errors.append(.init(field: fieldName("questions"), message: "Enter at least one question for the session")) }
        if questions.contains(where: { $0.count > 500 }) {
            errors.append(.init(field: fieldName("questions"), message: "Each question must be 500 characters or fewer"))
        }
        let heldOn = DateField.required(input.heldOn, field: fieldName("heldOn"), what: "the date of the session", errors: &errors)
        let format = Workshop.Format(rawValue: input.format ?? "")
        if format == nil { errors.append(.init(field: fieldName("format"), message: "Choose the format: open space, workshop, action learning set or team meeting")) }
        let votes = input.votesPerParticipant ?? 3
        if !(0...maxVotes).contains(votes) {
            errors.append(.init(field: fieldName("votesPerParticipant"), message: "Give each participant between 0 and \(maxVotes) votes"))
        }
        guard errors.isEmpty, let heldOn, let format else { return .failure(.invalid(errors)) }
        return .success(Clean(title: title, purpose: purpose, questions: questions.joined(separator: "\n"), heldOn: heldOn.description,
                              format: format, allowAnonymous: input.allowAnonymous ?? false, votes: votes))
    }

    /// Sets up a workshop, with the person who set it up (when they have a staff record) as its
    /// first facilitator. Audited, in the request's transaction.
    static func create(_ clean: Clean, seriesID: UUID? = nil, position: Int? = nil, on req: Request) async throws -> Workshop {
        let workshop = Workshop(title: clean.title, purpose: clean.purpose, questions: clean.questions, heldOn: clean.heldOn,
                                format: clean.format, allowAnonymous: clean.allowAnonymous, votesPerParticipant: clean.votes,
                                seriesID: seriesID, seriesPosition: position, createdBy: req.principal?.accountID)
        try await req.create(workshop)
        if let me = req.principal?.personID {
            try await req.create(WorkshopParticipant(workshopID: try workshop.requireID(), personID: me, role: .facilitator))
        }
        return workshop
    }

    static func update(_ workshop: Workshop, with clean: Clean, on req: Request) async throws {
        try await req.update(workshop) { w in
            w.title = clean.title
            w.purpose = clean.purpose
            w.questions = clean.questions
            w.heldOn = clean.heldOn
            w.format = clean.format.rawValue
            w.allowAnonymous = clean.allowAnonymous
            w.votesPerParticipant = clean.votes
        }
        try await Board.changed(try workshop.requireID(), on: req.database)
    }

    /// Adds a breakout group with its own question.
    static func addGroup(to workshop: Workshop, name rawName: String?, question rawQuestion: String?, on req: Request) async throws -> WorkshopGroup {
        var errors: [FieldError] = []
        let name = Text.clean(rawName), question = Text.clean(rawQuestion)
        if name.isEmpty { errors.append(.init(field: "group_name", message: "Enter the group's name")) }
        if name.count > 100 { errors.append(.init(field: "group_name", message: "The group's name must be 100 characters or fewer")) }
        if question.isEmpty { errors.append(.init(field: "group_question", message: "Enter the question the group will work on")) }
        if question.count > 500 { errors.append(.init(field: "group_question", message: "The question must be 500 characters or fewer")) }
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        let count = try await WorkshopGroup.query(on: req.database).filter(\.$workshop.$id == workshop.requireID()).count()
        let group = WorkshopGroup(workshopID: try workshop.requireID(), name: name, question: question, position: count + 1)
        try await req.create(group)
        try await Board.changed(try workshop.requireID(), on: req.database)
        return group
    }

    /// Adds people by employee number (comma separated) and a named guest, in one go.
    static func addParticipants(to workshop: Workshop, staffNumbers: String?, role: WorkshopParticipant.Role,
                                guestName rawGuest: String?, guestOrganisation: String?, on req: Request) async throws {
        var errors: [FieldError] = []
        let workshopID = try workshop.requireID()
        let refs = (staffNumbers ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let guest = Text.clean(rawGuest)
        if refs.isEmpty && guest.isEmpty {
            errors.append(.init(field: "staff_numbers", message: "Enter the employee numbers of the people taking part, or a guest's name"))
        }
        if guest.count > 200 { errors.append(.init(field: "guest_name", message: "The guest's name must be 200 characters or fewer")) }
        var people: [UUID] = []
        for ref in refs {
            if let id = try await StaffNumber.resolve(ref, field: "staff_numbers", who: "a participant", required: true, errors: &errors, on: req.database),
               !people.contains(id) {
                people.append(id)
            }
        }
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        let existing = try await WorkshopParticipant.query(on: req.database).filter(\.$workshop.$id == workshopID).all()
        for person in people {
            if let row = existing.first(where: { $0.$person.id == person }) {
                // Naming someone again as a facilitator promotes them; it never demotes.
                if role == .facilitator && row.roleValue != .facilitator { try await req.update(row) { $0.role = role.rawValue } }
                continue
            }
            try await req.create(WorkshopParticipant(workshopID: workshopID, personID: person, role: role))
        }
        if !guest.isEmpty {
            let organisation = Text.clean(guestOrganisation)
            try await req.create(WorkshopParticipant(workshopID: workshopID, personID: nil, guestName: guest,
                                                     guestOrganisation: organisation.isEmpty ? nil : organisation, role: .participant))
        }
        try await Board.changed(workshopID, on: req.database)
    }
}

/// Small text helpers for form input.
enum Text {
    /// Trimmed of surrounding white space; empty for nil.
    static func clean(_ raw: String?) -> String { (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
}
