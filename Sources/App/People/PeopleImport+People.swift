import CapableCore
import Fluent
import Foundation
import SQLKit

extension PeopleImport {
    static let personColumns = [
        "id", "employee_ref", "assignment_no", "given_name", "family_name", "preferred_name", "work_email", "job_title",
        "grade", "fte", "contract_type", "start_date", "probation_end_date", "leaving_date", "location", "active",
        "org_unit_id", "line_manager_id", "created_at", "updated_at",
    ]

    private static func values(_ record: HRRecord, id: UUID, active: Bool, unit: UUID?, manager: UUID?, now: Date) -> [any SQLExpression] {
        let fields: [any Encodable & Sendable] = [
            id, record.employeeRef, record.assignmentNo, record.givenName, record.familyName, record.preferredName,
            record.workEmail, record.jobTitle, record.grade, record.fte, record.contractType, record.startDate?.description,
            record.probationEndDate?.description, record.leavingDate?.description, record.location, active, unit, manager, now, now,
        ]
        return fields.map { SQLBind($0) }
    }

    /// New people are inserted managers-first (so every line-manager reference points at a row
    /// that exists), in multi-row inserts; changed people are updated one by one.
    static func writePeople(_ rows: [PlannedRow], unitIDs: [String: UUID], personIDs: inout [PersonKey: UUID],
                            audit: inout [Audit.Entry], on db: any Database,
                            progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) async throws {
        let now = Date()
        let creates = rows.filter { $0.existingID == nil && $0.record != nil && $0.action != .unchanged }
        for row in creates { if let key = row.key { personIDs[key] = UUID() } }
        let ordered = managersFirst(creates)
        var inserted = 0
        for batch in ordered.chunks(of: 400) {
            var insert = db.sql.insert(into: Person.schema).columns(personColumns)
            for row in batch {
                guard let record = row.record, let id = personIDs[record.key] else { continue }
                insert = insert.values(values(record, id: id, active: row.active, unit: unitIDs[record.orgUnitCode],
                                              manager: row.lineManagerKey.flatMap { personIDs[$0] }, now: now))
                audit.append(.init(action: "create", entity: Person.auditEntity, id: id.uuidString,
                                   changes: FieldChange.diff(before: [:], after: record.snapshot())))
            }
            try await insert.run()
            inserted += batch.count
            progress?(inserted, rows.count)
        }
        var done = ordered.count
        for row in rows {
            guard let id = row.existingID, let record = row.record else { continue }
            let changes: [FieldChange]
            switch row.action {
            case .update(let list), .deactivate(_, let list): changes = list
            case .create, .unchanged, .error: continue
            }
            var update = db.sql.update(Person.schema)
            for (column, value) in zip(personColumns, values(record, id: id, active: row.active, unit: unitIDs[record.orgUnitCode],
                                                              manager: row.lineManagerKey.flatMap { personIDs[$0] }, now: now))
            where column != "id" && column != "created_at" {
                update = update.set(SQLIdentifier(column), to: value)
            }
            try await update.where("id", .equal, SQLBind(id)).run()
            audit.append(.init(action: "update", entity: Person.auditEntity, id: id.uuidString, changes: changes))
            done += 1
            if done % 500 == 0 { progress?(done, rows.count) }
        }
    }

    /// Orders new people so each comes after their line manager when the manager is new too.
    static func managersFirst(_ rows: [PlannedRow]) -> [PlannedRow] {
        let byKey = Dictionary(rows.compactMap { row in row.key.map { ($0, row) } }, uniquingKeysWith: { first, _ in first })
        var depth: [PersonKey: Int] = [:]
        func depthOf(_ key: PersonKey) -> Int {
            var chain: [PersonKey] = []
            var current: PersonKey? = key
            // Walk up through new people only; the planner has already refused loops.
            while let here = current, depth[here] == nil, let row = byKey[here], chain.count <= rows.count {
                chain.append(here)
                current = row.lineManagerKey.flatMap { byKey[$0] == nil ? nil : $0 }
            }
            var level = current.flatMap { depth[$0] } ?? -1
            for here in chain.reversed() {
                level += 1
                depth[here] = level
            }
            return depth[key] ?? 0
        }
        return rows.enumerated().sorted { a, b in
            let (da, db) = (a.element.key.map(depthOf) ?? 0, b.element.key.map(depthOf) ?? 0)
            return da == db ? a.offset < b.offset : da < db
        }.map(\.element)
    }

    /// Leavers' accounts stop working and their sessions end.
    static func endAccess(for people: [UUID], audit: inout [Audit.Entry], on db: any Database) async throws {
        for chunk in people.chunks(of: 500) {
            let accounts = try await Account.query(on: db).filter(\.$person.$id ~~ chunk).filter(\.$active == true).all()
            for account in accounts {
                account.active = false
                try await account.save(on: db)
                let id = try account.requireID()
                try await Sessions.endAll(accountID: id, on: db)
                audit.append(.init(action: "update", entity: Account.auditEntity, id: id.uuidString,
                                   changes: [FieldChange(field: "active", old: "true", new: "false")]))
            }
        }
    }
}
