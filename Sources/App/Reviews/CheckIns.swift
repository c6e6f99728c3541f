import CapableCore
import Fluent
import Vapor

/// Check-in rules shared by the pages (and later the API): what a check-in needs, who it is
/// between, who may read which part, and when the next one is due.
enum CheckIns {
    /// A behaviour observed, as typed: an element code and a short example.
    struct ObservationInput: Sendable { var code: String; var example: String; var field: String }
    /// An action agreed, as typed: who will do it (the person or the manager), what, and by when.
    struct ActionInput: Sendable { var description: String; var ownerIsManager: Bool; var dueOn: String?; var field: String }

    struct Input: Sendable {
        var heldOn: String?
        var sharedNotes: String?
        var privateNote: String?
        var objectives: [String]
        var observations: [ObservationInput]
        var actions: [ActionInput]
        var wellbeingScore: String?
        var wellbeingNote: String?
    }

    struct Clean: Sendable {
        var heldOn: String
        var sharedNotes: String
        var privateNote: String?
        var objectives: [UUID]
        var observations: [(element: UUID, example: String)]
        var actions: [(description: String, ownerIsManager: Bool, dueOn: String?)]
        var wellbeingScore: Int?
        var wellbeingNote: String?
    }

    static let maxNotes = 5000

    /// The manager a check-in for `person` is with when `writer` records it: the writer when they
    /// are one of the person's managers, otherwise the person's line manager. Nil when there is none,
    /// which would make it a check-in with oneself.
    static func manager(for person: Person, writer: UUID?, on db: any Database) async throws -> UUID? {
        let personID = try person.requireID()
        if let writer, writer != personID, try await LineManagement.chain(above: personID, on: db).contains(writer) { return writer }
        return person.$lineManager.id.flatMap { $0 == personID ? nil : $0 }
    }

    static func validate(_ input: Input, person: UUID, today: CalendarDate, on db: any Database) async throws -> Result<Clean, AppError> {
        var errors: [FieldError] = []
        let held = DateField.required(input.heldOn, field: "held_on", what: "the date of the check-in", example: "14/03/2027", errors: &errors)
        if let held, held > today { errors.append(.init(field: "held_on", message: "The check-in date cannot be in the future")) }
        let shared = (input.sharedNotes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if shared.count > maxNotes { errors.append(.init(field: "shared_notes", message: "Shared notes must be \(maxNotes) characters or fewer")) }
        let privateNote = (input.privateNote ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if privateNote.count > maxNotes { errors.append(.init(field: "private_note", message: "Private notes must be \(maxNotes) characters or fewer")) }
        let owned = Set(try await Objective.query(on: db).filter(\.$person.$id == person).all().compactMap(\.id))
        let objectives = input.objectives.compactMap(UUID.init(uuidString:))
        if objectives.count != input.objectives.count || !Set(objectives).isSubset(of: owned) {
            errors.append(.init(field: "objectives", message: "Choose objectives from the list"))
        }
        let typed = input.observations.filter { !$0.code.isEmpty || !$0.example.isEmpty }
        let found = try await Frameworks.publishedElements(codes: typed.map(\.code), on: db)
        var observations: [(UUID, String)] = []
        for observation in typed {
            let matches = found[observation.code.lowercased()] ?? []
            if observation.code.isEmpty || matches.count != 1 {
                errors.append(.init(field: observation.field + "_code", message: observation.code.isEmpty
                    ? "Enter the code of the behaviour observed, like CV.4.1"
                    : "No single published framework element has the code \(observation.code)"))
            }
            if observation.example.isEmpty || observation.example.count > 1000 {
                errors.append(.init(field: observation.field + "_example", message: "Give a short example of what was seen (up to 1,000 characters)"))
            }
            if matches.count == 1, !observation.example.isEmpty { observations.append((matches[0].id, observation.example)) }
        }
        var actions: [(String, Bool, String?)] = []
        for action in input.actions where !action.description.isEmpty || !(action.dueOn ?? "").isEmpty {
            switch Actions.validate(.init(description: action.description, dueOn: action.dueOn), fieldName: { "\(action.field)_\($0 == "dueOn" ? "due" : $0)" }) {
            case .failure(.invalid(let problems)): errors += problems
            case .failure: break
            case .success(let clean): actions.append((clean.description, action.ownerIsManager, clean.dueOn))
            }
        }
        var score: Int?
        if let raw = input.wellbeingScore, !raw.isEmpty {
            if let value = Int(raw), (1...5).contains(value) { score = value } else {
                errors.append(.init(field: "wellbeing_score", message: "Choose a wellbeing answer from 1 to 5, or leave it out"))
            }
        }
        let wellbeingNote = (input.wellbeingNote ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if wellbeingNote.count > 1000 { errors.append(.init(field: "wellbeing_note", message: "The wellbeing note must be 1,000 characters or fewer")) }
        guard errors.isEmpty, let held else { return .failure(.invalid(errors)) }
        return .success(Clean(heldOn: held.description, sharedNotes: shared, privateNote: privateNote.isEmpty ? nil : privateNote,
                              objectives: objectives, observations: observations, actions: actions,
                              wellbeingScore: score, wellbeingNote: wellbeingNote.isEmpty ? nil : wellbeingNote))
    }

    /// Records a check-in and everything agreed at it, audited, in the request's transaction.
    static func create(_ clean: Clean, person: Person, manager: Person, on req: Request) async throws -> CheckIn {
        let principal = try req.requirePrincipal()
        let checkIn = CheckIn()
        checkIn.$person.id = try person.requireID()
        checkIn.$manager.id = try manager.requireID()
        checkIn.heldOn = clean.heldOn
        checkIn.sharedNotes = clean.sharedNotes
        checkIn.wellbeingScore = clean.wellbeingScore
        checkIn.wellbeingNote = clean.wellbeingNote
        checkIn.recordedBy = principal.personID
        try await req.create(checkIn)
        let id = try checkIn.requireID()
        if let note = clean.privateNote, let author = principal.personID {
            let privateNote = CheckInPrivateNote()
            privateNote.$checkIn.id = id
            privateNote.authorID = author
            privateNote.note = note
            try await privateNote.create(on: req.database)
        }
        for objective in clean.objectives {
            let link = CheckInObjective()
            link.$checkIn.id = id
            link.$objective.id = objective
            try await link.create(on: req.database)
        }
        for (element, example) in clean.observations {
            let observation = CheckInObservation()
            observation.$checkIn.id = id
            observation.elementID = element
            observation.example = example
            try await observation.create(on: req.database)
        }
        let label = "Check-in of \(person.displayName) with \(manager.displayName), \(DisplayFormat.calendarDate(clean.heldOn))"
        for action in clean.actions {
            try await Actions.create(owner: action.ownerIsManager ? manager.requireID() : person.requireID(), description: action.description,
                                     dueOn: action.dueOn, source: .checkIn, sourceID: id, sourceLabel: label, on: req)
        }
        return checkIn
    }

    /// How often the person should have a check-in, in weeks.
    static func cadence(of person: UUID, on db: any Database) async throws -> Int {
        try await CheckInCadence.query(on: db).filter(\.$person.$id == person).first()?.weeks ?? CheckInCadence.defaultWeeks
    }
}
