import CapableCore
import Fluent
import Foundation
import SQLKit

extension PeopleImport {
    /// What an applied import did.
    struct Outcome: Sendable, Codable, Equatable {
        var created: Int
        var updated: Int
        var unchanged: Int
        var deactivated: Int
        var unitsCreated: Int
        var unitsUpdated: Int
    }

    /// The plan had errors, so nothing was written.
    struct Rejected: Error {
        var plan: HRImportPlan
    }

    /// Plans again inside one transaction (so nothing that changed since the dry run is missed)
    /// and, if the plan is clean, writes all of it: every unit, person and deactivation, with
    /// their audit events, or nothing at all.
    static func apply(_ table: CSVTable, mapping: ColumnMapping, deactivateMissing: Bool, today: CalendarDate,
                      context: AuditContext, on db: any Database,
                      progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) async throws -> Outcome {
        try await db.writeTransaction { tx in
            let (people, units) = try await existing(on: tx)
            let plan = HRImportPlanner.plan(table: table, mapping: mapping, existingPeople: people, existingUnits: units,
                                            deactivateMissing: deactivateMissing, today: today)
            guard plan.canApply else { throw Rejected(plan: plan) }
            var audit: [Audit.Entry] = []
            let unitIDs = try await writeUnits(plan.units, existing: units, audit: &audit, on: tx)
            var personIDs = Dictionary(people.map { ($0.record.key, $0.id) }, uniquingKeysWith: { first, _ in first })
            try await writePeople(plan.rows, unitIDs: unitIDs, personIDs: &personIDs, audit: &audit, on: tx, progress: progress)
            let leavers = plan.deactivations.compactMap { personIDs[$0] }
            for chunk in leavers.chunks(of: 500) {
                try await tx.sql.raw("UPDATE people SET active = \(bind: false), updated_at = \(bind: Date()) WHERE id IN (\(binds: chunk))").run()
            }
            audit += leavers.map { Audit.Entry(action: "update", entity: Person.auditEntity, id: $0.uuidString,
                                               changes: [FieldChange(field: "active", old: "true", new: "false")]) }
            let deactivatedIDs = plan.rows.compactMap { row -> UUID? in
                guard case .deactivate = row.action, let key = row.key else { return nil }
                return personIDs[key]
            } + leavers
            try await endAccess(for: deactivatedIDs, audit: &audit, on: tx)
            let outcome = Outcome(created: plan.created, updated: plan.updated, unchanged: plan.unchanged, deactivated: plan.deactivated,
                                  unitsCreated: plan.unitsCreated, unitsUpdated: plan.unitsUpdated)
            audit.append(Audit.Entry(action: "import", entity: "people", id: nil, changes: [
                FieldChange(field: "rows", old: nil, new: String(table.rows.count)),
                FieldChange(field: "created", old: nil, new: String(outcome.created)),
                FieldChange(field: "updated", old: nil, new: String(outcome.updated)),
                FieldChange(field: "deactivated", old: nil, new: String(outcome.deactivated)),
            ]))
            try await Audit.appendAll(audit, context: context, on: tx)
            // Starters, movers and leavers come under (or out of) mandatory training at once.
            try await ComplianceRecords.refresh(today: today, on: tx)
            return outcome
        }
    }

    /// Units in plan order (parents first); returns every unit's id by code.
    private static func writeUnits(_ planned: [PlannedUnit], existing: [ExistingUnit], audit: inout [Audit.Entry],
                                   on db: any Database) async throws -> [String: UUID] {
        var ids = Dictionary(existing.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first })
        for unit in planned {
            let parent = unit.parentCode.flatMap { ids[$0] }
            switch unit.action {
            case .create:
                let id = UUID()
                try await db.sql.insert(into: OrgUnit.schema).columns("id", "code", "name", "parent_id")
                    .values(SQLBind(id), SQLBind(unit.code), SQLBind(unit.name), SQLBind(parent)).run()
                ids[unit.code] = id
                audit.append(.init(action: "create", entity: OrgUnit.auditEntity, id: id.uuidString,
                                   changes: FieldChange.diff(before: [:], after: ["code": unit.code, "name": unit.name, "parent_code": unit.parentCode])))
            case .update(let changes):
                guard let id = unit.existingID else { continue }
                try await db.sql.update(OrgUnit.schema).set("name", to: SQLBind(unit.name)).set("parent_id", to: SQLBind(parent))
                    .where("id", .equal, SQLBind(id)).run()
                audit.append(.init(action: "update", entity: OrgUnit.auditEntity, id: id.uuidString, changes: changes))
            case .unchanged:
                continue
            }
        }
        return ids
    }
}
