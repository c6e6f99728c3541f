import CapableCore
import Fluent
import SQLKit
import Vapor

/// Moving a risk up the organisation when it is outside appetite (to a register whose unit is
/// above its own, up to the corporate register), and back down when it is within appetite
/// again. Each move is recorded with who, when and why.
enum RiskEscalations {
    struct Form: Content, Sendable {
        /// The register to escalate to (escalation only).
        var register: UUID?
        var reason: String?
    }

    /// The registers above a register, nearest first, ending with the corporate register.
    static func registersAbove(_ register: RiskRegister, on db: any Database) async throws -> [RiskRegister] {
        guard let unit = register.$orgUnit.id else { return [] }
        let ancestors = try await unitsAbove(unit, on: db)
        let registers = try await RiskRegister.query(on: db).filter(\.$orgUnit.$id ~~ ancestors).all()
        let byUnit = Dictionary(registers.compactMap { r in r.$orgUnit.id.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        guard let corporate = try await RiskRegister.find(RiskRegister.corporateID, on: db) else { return ancestors.compactMap { byUnit[$0] } }
        return ancestors.compactMap { byUnit[$0] } + [corporate]
    }

    /// A unit's ancestors, its parent first.
    static func unitsAbove(_ unit: UUID, on db: any Database) async throws -> [UUID] {
        var found: [UUID] = [], cursor: UUID? = unit
        while let id = cursor, found.count < 64 {
            cursor = try await OrgUnit.find(id, on: db)?.$parent.id
            if let parent = cursor { found.append(parent) }
        }
        return found
    }

    static func escalate(_ risk: Risk, form: Form, field: (String) -> String = { $0 }, req: Request) async throws -> Result<Void, AppError> {
        var errors: [FieldError] = []
        let reason = self.reason(form.reason, field: field, errors: &errors)
        guard let from = try await RiskRegister.find(risk.shownOnID, on: req.database) else { throw AppError.notFound }
        let target = try await form.register.asyncMap { try await RiskRegister.find($0, on: req.database) } ?? nil
        let above = try await registersAbove(from, on: req.database)
        let ancestors = try await from.$orgUnit.id.asyncMap { try await unitsAbove($0, on: req.database) } ?? []
        if let target {
            if !RiskRules.canEscalate(fromUnit: from.$orgUnit.id, toUnit: target.$orgUnit.id, ancestorsOfFrom: ancestors) {
                let names = above.map(\.name).joined(separator: ", ")
                errors.append(.init(field: field("register"), message: above.isEmpty
                    ? "This risk is on the corporate register: there is no register above it"
                    : "A risk can be escalated only to a register above \(from.name): \(names)"))
            }
        } else {
            errors.append(.init(field: field("register"), message: above.isEmpty
                ? "This risk is on the corporate register: there is no register above it" : "Choose the register to escalate to"))
        }
        guard errors.isEmpty, let target else { return .failure(.invalid(errors)) }
        try await move(risk, from: from, to: target, direction: .escalated, reason: reason, req: req)
        return .success(())
    }

    /// Back to the risk's home register.
    static func deEscalate(_ risk: Risk, form: Form, field: (String) -> String = { $0 }, req: Request) async throws -> Result<Void, AppError> {
        var errors: [FieldError] = []
        let reason = self.reason(form.reason, field: field, errors: &errors)
        if risk.$escalatedTo.id == nil { errors.append(.init(field: field("reason"), message: "This risk is not escalated, so it cannot be de-escalated")) }
        guard errors.isEmpty, let fromID = risk.$escalatedTo.id,
              let from = try await RiskRegister.find(fromID, on: req.database),
              let home = try await RiskRegister.find(risk.$register.id, on: req.database)
        else { return .failure(.invalid(errors)) }
        try await move(risk, from: from, to: home, direction: .deEscalated, reason: reason, req: req)
        return .success(())
    }

    private static func reason(_ raw: String?, field: (String) -> String, errors: inout [FieldError]) -> String {
        let reason = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { errors.append(.init(field: field("reason"), message: "Give the reason for the move")) }
        if reason.count > Risks.textLimit { errors.append(.init(field: field("reason"), message: "The reason must be \(Risks.textLimit) characters or fewer")) }
        return reason
    }

    private static func move(_ risk: Risk, from: RiskRegister, to: RiskRegister, direction: RiskEscalation.Direction, reason: String,
                             req: Request) async throws {
        let principal = try req.requirePrincipal()
        let record = RiskEscalation()
        record.$risk.id = try risk.requireID()
        record.$from.id = try from.requireID()
        record.$to.id = try to.requireID()
        record.direction = direction.rawValue
        record.reason = reason
        record.at = Date()
        record.byName = principal.displayName
        record.byAccount = principal.accountID
        try await record.create(on: req.database)
        let home = risk.$register.id
        try await req.update(risk) { risk in risk.$escalatedTo.id = to.id == home ? nil : to.id }
    }

    static func history(of risk: UUID, on db: any Database) async throws -> [RiskEscalation] {
        try await RiskEscalation.query(on: db).filter(\.$risk.$id == risk).with(\.$from).with(\.$to).sort(\.$at).all()
    }
}
