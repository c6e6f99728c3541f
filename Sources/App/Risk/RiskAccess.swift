import CapableCore
import Fluent
import SQLKit
import Vapor

/// Who may see and change which risks. The `risk` role and administrators manage every
/// register; the top team sees the corporate register; the head of a unit manages the registers
/// of that unit and the units below it; everyone sees the registers of their own units (as the
/// visibility setting says); a risk's owner sees and edits it wherever it sits.
struct RiskAccess: Sendable {
    var principal: Principal
    /// Registers the viewer may read; nil for all.
    var visible: Set<UUID>?
    /// Registers whose risks the viewer may change (besides their own risks); nil for all.
    var managed: Set<UUID>?

    var managesAll: Bool { managed == nil }

    static func of(_ principal: Principal, on db: any Database) async throws -> RiskAccess {
        if principal.roles.contains(.admin) || principal.roles.contains(.risk) {
            return RiskAccess(principal: principal, visible: nil, managed: nil)
        }
        var visible: Set<UUID> = principal.roles.contains(.topTeam) ? [RiskRegister.corporateID] : []
        var managed: Set<UUID> = []
        guard let me = principal.personID else { return RiskAccess(principal: principal, visible: visible, managed: managed) }
        struct Unit: Decodable { var id: UUID; var parent_id: UUID?; var head_person_id: UUID? }
        struct Register: Decodable { var id: UUID; var org_unit_id: UUID? }
        let units = try await db.sql.raw("SELECT id, parent_id, head_person_id FROM org_units").all(decoding: Unit.self)
        let registers = try await db.sql.raw("SELECT id, org_unit_id FROM risk_registers WHERE org_unit_id IS NOT NULL").all(decoding: Register.self)
        let registerOf = Dictionary(registers.compactMap { r in r.org_unit_id.map { ($0, r.id) } }, uniquingKeysWith: { a, _ in a })
        let parent = Dictionary(units.map { ($0.id, $0.parent_id) }, uniquingKeysWith: { a, _ in a })
        let children = Dictionary(grouping: units.filter { $0.parent_id != nil }, by: { $0.parent_id! })
        // Heads manage their unit's register and every register below it.
        for unit in units where unit.head_person_id == me {
            for below in OrganisationCompliance.subtreeIDs(unit.id, children: children, id: \.id) {
                if let register = registerOf[below] { managed.insert(register) }
            }
        }
        visible.formUnion(managed)
        let visibility = try await RiskSettings.visibility(on: db)
        if visibility != .managersOnly, let unit = try await Person.find(me, on: db)?.$orgUnit.id {
            var cursor: UUID? = unit, depth = 0
            while let id = cursor, depth < 64 {
                if let register = registerOf[id] { visible.insert(register) }
                if visibility == .unitOnly { break }
                cursor = parent[id] ?? nil
                depth += 1
            }
        }
        return RiskAccess(principal: principal, visible: visible, managed: managed)
    }

    func canSee(register: UUID) -> Bool { visible?.contains(register) ?? true }

    func canManage(register: UUID) -> Bool { managed?.contains(register) ?? true }

    func canSee(_ risk: Risk) -> Bool {
        canSee(register: risk.$register.id, escalatedTo: risk.$escalatedTo.id, owner: risk.$owner.id)
    }

    /// Whether the viewer may see a risk on `register`, escalated to `escalatedTo`, owned by `owner`.
    func canSee(register: UUID, escalatedTo: UUID?, owner: UUID) -> Bool {
        canEdit(register: register, escalatedTo: escalatedTo, owner: owner) || canSee(register: register)
            || escalatedTo.map(canSee(register:)) == true
    }

    /// The owner, the managers of the register it sits on or came from, and risk managers.
    func canEdit(_ risk: Risk) -> Bool {
        canEdit(register: risk.$register.id, escalatedTo: risk.$escalatedTo.id, owner: risk.$owner.id)
    }

    func canEdit(register: UUID, escalatedTo: UUID?, owner: UUID) -> Bool {
        managesAll || owner == principal.personID || canManage(register: register) || escalatedTo.map(canManage(register:)) == true
    }

    /// Appetite, categories, registers and settings.
    var canConfigure: Bool { principal.roles.contains(.admin) || principal.roles.contains(.risk) }

    /// Loads a risk the viewer may see, or throws not found / forbidden.
    static func risk(_ id: UUID?, for req: Request) async throws -> (Risk, RiskAccess) {
        guard let id, let risk = try await Risk.find(id, on: req.database) else { throw AppError.notFound }
        let access = try await of(try req.requirePrincipal(), on: req.database)
        guard access.canSee(risk) else { throw AppError.forbidden }
        return (risk, access)
    }

    /// As `risk(_:for:)`, for a change: the viewer must be able to edit it.
    static func editableRisk(_ id: UUID?, for req: Request) async throws -> (Risk, RiskAccess) {
        let (risk, access) = try await risk(id, for: req)
        guard access.canEdit(risk) else { throw AppError.forbidden }
        return (risk, access)
    }
}
