import CapableCore
import Fluent
import Vapor

/// Who may do what with one workshop. HR and organisational development, administrators and
/// whoever set the workshop up run it, as do the facilitators named on it; participants with a
/// staff record see it and use its board; a published write-up is also open to its audience.
struct WorkshopAccess: Sendable {
    var principal: Principal
    /// The caller's own place in the workshop, when they take part.
    var role: WorkshopParticipant.Role?
    /// HR, an administrator, or the person who set it up.
    var organiser: Bool
    /// The write-up is published to an audience the caller is in (everyone, or a chosen one).
    var writeUpOpenToAll: Bool

    var canFacilitate: Bool { organiser || role == .facilitator }
    var canSee: Bool { canFacilitate || role != nil }
    /// Post-its, themes and votes are for the people in the room, facilitators included.
    var canContribute: Bool { canSee }
    var canReadWriteUp: Bool { canSee || writeUpOpenToAll }

    static func of(_ workshop: Workshop, principal: Principal, on db: any Database) async throws -> WorkshopAccess {
        var role: WorkshopParticipant.Role?
        if let me = principal.personID {
            role = try await WorkshopParticipant.query(on: db).filter(\.$workshop.$id == workshop.requireID())
                .filter(\.$person.$id == me).first()?.roleValue
        }
        let organiser = principal.roles.contains(.hr) || principal.roles.contains(.admin) || workshop.createdBy == principal.accountID
        var open = false
        if workshop.isPublished {
            switch Workshop.Audience(rawValue: workshop.writeUpAudience ?? "") {
            case .organisation: open = true
            case .chosen:
                if let me = principal.personID, let readers = workshop.writeUpReaders {
                    open = AudienceEvaluator.contains(me, in: readers, snapshot: try await Audiences.snapshot(on: db), today: .today)
                }
            case .participants, nil: open = false
            }
        }
        return WorkshopAccess(principal: principal, role: role, organiser: organiser, writeUpOpenToAll: open)
    }

    /// The workshop named by the route's `workshopID` and the caller's access to it; not found
    /// for a missing workshop and for one the caller may not see (so ids are not confirmed).
    static func load(_ req: Request, need: KeyPath<WorkshopAccess, Bool> = \.canSee) async throws -> (Workshop, WorkshopAccess) {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("workshopID", as: UUID.self), let workshop = try await Workshop.find(id, on: req.database) else {
            throw AppError.notFound
        }
        let access = try await of(workshop, principal: principal, on: req.database)
        guard access.canReadWriteUp else { throw AppError.notFound }
        guard access[keyPath: need] else { throw AppError.forbidden }
        return (workshop, access)
    }

    /// Workshops the caller can see, newest first: all of them for HR and administrators.
    static func visible(to principal: Principal, on db: any Database) async throws -> [Workshop] {
        if principal.roles.contains(.hr) || principal.roles.contains(.admin) {
            return try await Workshop.query(on: db).sort(\.$heldOn, .descending).all()
        }
        var ids: [UUID] = []
        if let me = principal.personID {
            ids = try await WorkshopParticipant.query(on: db).filter(\.$person.$id == me).all().map(\.$workshop.id)
        }
        return try await Workshop.query(on: db).group(.or) { or in
            or.filter(\.$createdBy == principal.accountID)
            if !ids.isEmpty { or.filter(\.$id ~~ ids) }
        }.sort(\.$heldOn, .descending).all()
    }
}
