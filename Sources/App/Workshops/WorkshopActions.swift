import CapableCore
import Fluent
import Vapor

/// Actions agreed in workshops: they live in the shared action list (source `.workshop`), so
/// each owner sees them in "My actions"; here they are read back per session or per series,
/// with the follow-through ("we do what we say we'll do").
enum WorkshopActions {
    struct Row: Codable, Sendable {
        var id: UUID
        var description: String
        var ownerId: UUID
        var owner: String
        var dueOn: String?
        var status: ActionItem.Status
        var overdue: Bool
        var completedOn: String?
        var workshopId: UUID?
        /// Whether the viewer may mark it done or dropped here.
        var canChange: Bool
    }

    struct Log: Sendable {
        var rows: [Row]
        var followThrough: FollowThrough
    }

    /// The actions from these workshops, overdue first, then by due date; closed ones last.
    static func log(workshops: [UUID], principal: Principal, today: CalendarDate, on db: any Database) async throws -> Log {
        guard !workshops.isEmpty else { return Log(rows: [], followThrough: FollowThrough()) }
        let actions = try await ActionItem.query(on: db).filter(\.$sourceType == ActionItem.Source.workshop.rawValue)
            .filter(\.$sourceID ~~ workshops).with(\.$owner).all()
        let open = actions.filter { $0.statusValue == .open }.sorted(by: Actions.dueFirst)
        let closed = actions.filter { $0.statusValue != .open }.sorted { ($0.completedOn ?? "", $0.summary) > ($1.completedOn ?? "", $1.summary) }
        let rows = try (open + closed).map { action in
            Row(id: try action.requireID(), description: action.summary, ownerId: action.$owner.id, owner: action.owner.displayName,
                dueOn: action.dueOn, status: action.statusValue, overdue: action.isOverdue(today: today), completedOn: action.completedOn,
                workshopId: action.sourceID,
                canChange: principal.roles.contains(.admin) || action.createdBy == principal.accountID || action.$owner.id == principal.personID)
        }
        let states: [(state: FollowThrough.State, dueOn: CalendarDate?)] = actions.map { action in
            let state: FollowThrough.State = switch action.statusValue { case .open: .open; case .done: .done; case .dropped: .dropped }
            return (state, action.dueOn.flatMap(CalendarDate.init))
        }
        return Log(rows: rows, followThrough: FollowThrough(states, today: today))
    }

    struct Input: Content, Sendable {
        var description: String?
        var ownerId: UUID?
        /// An employee number, for an owner who did not take part.
        var ownerRef: String?
        var dueOn: String?
    }

    /// Records an action agreed in the workshop, for a person taking part or anyone named by
    /// employee number. `fieldName` maps the API's names to the form's.
    static func add(_ input: Input, to workshop: Workshop, on req: Request, fieldName: (String) -> String = { $0 }) async throws -> ActionItem {
        var errors: [FieldError] = []
        var clean: (description: String, dueOn: String?)?
        switch Actions.validate(.init(description: input.description, dueOn: input.dueOn), fieldName: fieldName) {
        case .success(let value): clean = value
        case .failure(.invalid(let problems)): errors += problems
        case .failure(let error): throw error
        }
        var owner: UUID?
        if let ref = input.ownerRef, !ref.trimmingCharacters(in: .whitespaces).isEmpty {
            owner = try await StaffNumber.resolve(ref, field: fieldName("ownerRef"), who: "the owner", required: true, errors: &errors, on: req.database)
        } else if let id = input.ownerId {
            let taking = try await WorkshopParticipant.query(on: req.database).filter(\.$workshop.$id == workshop.requireID())
                .filter(\.$person.$id == id).count()
            if taking == 0 { errors.append(.init(field: fieldName("ownerId"), message: "Choose one of the people taking part, or give an employee number")) }
            owner = id
        } else {
            errors.append(.init(field: fieldName("ownerId"), message: "Choose who will do it"))
        }
        guard errors.isEmpty, let clean, let owner else { throw AppError.invalid(errors) }
        let action = try await Actions.create(owner: owner, description: clean.description, dueOn: clean.dueOn, source: .workshop,
                                              sourceID: try workshop.requireID(), sourceLabel: workshop.actionLabel, on: req)
        // The owner hears of it, unless they recorded it themselves.
        if owner != req.principal?.personID {
            let due = clean.dueOn.map { ", due \(DisplayFormat.calendarDate($0))" } ?? ""
            try await Reminders.insert([.init(person: owner, key: "workshop-action:\(try action.requireID().uuidString.lowercased())",
                                              message: "An action for you from \(workshop.title): \(clean.description)\(due).",
                                              link: SiteURL.myActions.path)], on: req.database)
        }
        return action
    }
}
