import CapableCore
import Fluent
import Vapor

/// `/api/v1/actions`: a person's actions (default: the caller's own). Another person's list is
/// open to those who may see that person's records.
enum ActionsAPI {
    struct ActionDTO: Content {
        var id: UUID
        var ownerId: UUID
        var description: String
        var dueOn: String?
        var status: ActionItem.Status
        var completedOn: String?
        var source: ActionItem.Source
        var sourceId: UUID?
        var sourceLabel: String
        var overdue: Bool

        init(_ action: ActionItem, today: CalendarDate) throws {
            id = try action.requireID()
            ownerId = action.$owner.id
            description = action.summary
            dueOn = action.dueOn
            status = action.statusValue
            completedOn = action.completedOn
            source = action.sourceValue
            sourceId = action.sourceID
            sourceLabel = action.sourceLabel
            overdue = action.isOverdue(today: today)
        }
    }

    struct StatusChange: Content {
        var status: ActionItem.Status?
    }

    @Sendable static func list(req: Request) async throws -> [ActionDTO] {
        let principal = try req.requirePrincipal()
        let owner: UUID
        if let asked = try? req.query.get(UUID.self, at: "personId") {
            guard try await Person.find(asked, on: req.database) != nil else { throw AppError.notFound }
            guard try await LineManagement.allows(principal.viewer, target: asked, on: req.database) else { throw AppError.forbidden }
            owner = asked
        } else {
            guard let me = principal.personID else { return [] }
            owner = me
        }
        let (open, closed) = try await Actions.list(owner: owner, closedLimit: 100, on: req.database)
        let today = CalendarDate.today
        return try (open + closed).map { try ActionDTO($0, today: today) }
    }

    /// Adds an action to the caller's own list.
    @Sendable static func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let me = principal.personID else {
            throw AppError.invalid([.init(field: "ownerId", message: "This account is not linked to a staff record, so it has no action list")])
        }
        switch Actions.validate(try req.content.decode(Actions.Input.self)) {
        case .failure(let error):
            throw error
        case .success(let clean):
            let action = try await Actions.create(owner: me, description: clean.description, dueOn: clean.dueOn, source: .personal,
                                                  sourceID: nil, sourceLabel: "Added by you", on: req)
            return try await ActionDTO(action, today: .today).encodeResponse(status: .created, for: req)
        }
    }

    @Sendable static func update(req: Request) async throws -> ActionDTO {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("actionID", as: UUID.self), let action = try await ActionItem.find(id, on: req.database) else {
            throw AppError.notFound
        }
        guard try await Actions.canChange(action, principal: principal, on: req.database) else { throw AppError.forbidden }
        guard let status = try req.content.decode(StatusChange.self).status else {
            throw AppError.invalid([.init(field: "status", message: "Give the status: open, done or dropped")])
        }
        try await Actions.setStatus(action, to: status, on: req)
        return try ActionDTO(action, today: .today)
    }
}
