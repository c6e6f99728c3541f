import CapableCore
import Fluent
import Foundation
import SQLKit

/// Keeps, for everyone under each requirement, the dates `Compliance.Obligation` reads, so that a
/// report over the whole council counts statuses in one SQL pass instead of re-reading 600,000
/// completions. The rows follow the audiences and the completions:
/// - `refresh` re-evaluates audiences (after a requirement changes, an HR import, and from
///   `capable remind`), keeping the day each person came under a requirement;
/// - `completionsChanged` updates a person's dates as soon as a completion is recorded.
enum ComplianceRecords {
    static let table = "compliance_records"

    struct Stored: Decodable {
        var requirement_id: UUID
        var person_id: UUID
        var org_unit_id: UUID?
        var since: String
        var completed_on: String?
        var expires_on: String?
        var deadline: String?

        var obligation: Compliance.Obligation {
            Compliance.Obligation(since: CalendarDate(since) ?? .epoch, completedOn: completed_on.flatMap(CalendarDate.init),
                                  expiresOn: expires_on.flatMap(CalendarDate.init), deadline: deadline.flatMap(CalendarDate.init))
        }
    }

    struct Change: Equatable, Sendable {
        var added = 0, updated = 0, removed = 0
    }

    /// Brings the rows of `requirements` (all of them when nil) up to date with who is in each
    /// audience today and with their latest confirmed completions.
    @discardableResult
    static func refresh(today: CalendarDate, requirements only: Set<UUID>? = nil, on db: any Database) async throws -> Change {
        var requirements = try await TrainingRequirement.query(on: db).with(\.$course).all()
        if let only { requirements = requirements.filter { $0.id.map(only.contains) ?? false } }
        guard !requirements.isEmpty else { return Change() }
        let snapshot = try await Audiences.snapshot(on: db)
        let people = Dictionary(snapshot.people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let latest = try await latestCompletions(courses: Set(requirements.map { $0.$course.id }), on: db)
        var change = Change()
        var pairs: Set<ComplianceQueries.Pair> = []
        for requirement in requirements {
            let id = try requirement.requireID()
            let stored = try await db.sql.raw("""
                SELECT requirement_id, person_id, org_unit_id, since, completed_on, expires_on, deadline FROM \(ident: table) \
                WHERE requirement_id = \(bind: id)
                """).all(decoding: Stored.self)
            var existing = Dictionary(stored.map { ($0.person_id, $0) }, uniquingKeysWith: { first, _ in first })
            // The first time a requirement is evaluated, everyone is under it from its start (or
            // their own); afterwards, whoever newly appears came under it today.
            let firstTime = existing.isEmpty
            let rule = requirement.rule(courseValidity: requirement.course.validityMonths)
            let members = requirement.audience.map { AudienceEvaluator.members(of: $0, in: snapshot, today: today) } ?? []
            let completions = latest[requirement.$course.id] ?? [:]
            var writes: [Write] = []
            for person in members {
                guard let member = people[person], member.active else { continue }
                let before = existing.removeValue(forKey: person)
                let joined = before.map { $0.obligation.since } ?? (firstTime ? nil : today)
                let subject = Compliance.Subject(startDate: member.startDate, joinedAudienceOn: joined, latestCompletion: completions[person])
                guard let obligation = Compliance.obligation(subject, rule: rule),
                      obligation != before?.obligation || member.orgUnitID != before?.org_unit_id else { continue }
                writes.append(Write(person: person, unit: member.orgUnitID, obligation: obligation))
                pairs.insert(.init(unit: member.orgUnitID, requirement: id))
                if let before { pairs.insert(.init(unit: before.org_unit_id, requirement: id)) }
                if before == nil { change.added += 1 } else { change.updated += 1 }
            }
            try await upsert(requirement: id, writes, on: db)
            pairs.formUnion(existing.values.map { .init(unit: $0.org_unit_id, requirement: id) })
            for chunk in Array(existing.keys).chunks(of: 500) {
                try await db.sql.delete(from: table).where("requirement_id", .equal, SQLBind(id))
                    .where("person_id", .in, SQLBind.group(chunk)).run()
            }
            change.removed += existing.count
        }
        // Counts are kept per unit and summed up the tree when read, so only changed rows matter.
        try await ComplianceQueries.countsChanged(pairs, on: db)
        return change
    }

    /// Recomputes the dates of `people` under every requirement for `course`, after completions
    /// of it were recorded or confirmed. Who is under a requirement does not change here.
    static func completionsChanged(people: [UUID], course: UUID, on db: any Database) async throws {
        let requirements = try await TrainingRequirement.query(on: db).filter(\.$course.$id == course).with(\.$course).all()
        guard !requirements.isEmpty, !people.isEmpty else { return }
        var pairs: Set<ComplianceQueries.Pair> = []
        for chunk in people.chunks(of: 500) {
            let latest = try await latestCompletions(courses: [course], people: chunk, on: db)[course] ?? [:]
            for requirement in requirements {
                let id = try requirement.requireID()
                let stored = try await db.sql.select().columns("requirement_id", "person_id", "org_unit_id", "since", "completed_on", "expires_on", "deadline")
                    .from(table).where("requirement_id", .equal, SQLBind(id)).where("person_id", .in, SQLBind.group(chunk))
                    .all(decoding: Stored.self)
                let rule = requirement.rule(courseValidity: requirement.course.validityMonths)
                let writes = stored.compactMap { row -> Write? in
                    let before = row.obligation
                    let subject = Compliance.Subject(startDate: nil, joinedAudienceOn: before.since, latestCompletion: latest[row.person_id])
                    guard let after = Compliance.obligation(subject, rule: rule), after != before else { return nil }
                    return Write(person: row.person_id, unit: row.org_unit_id, obligation: after)
                }
                try await upsert(requirement: id, writes, on: db)
                pairs.formUnion(writes.map { .init(unit: $0.unit, requirement: id) })
            }
        }
        try await ComplianceQueries.countsChanged(pairs, on: db)
    }

    /// Each person's latest confirmed completion of each course.
    static func latestCompletions(courses: Set<UUID>, people: [UUID]? = nil, on db: any Database) async throws -> [UUID: [UUID: CalendarDate]] {
        struct Row: Decodable { var person_id: UUID; var course_id: UUID; var completed_on: String }
        guard !courses.isEmpty else { return [:] }
        var query = db.sql.select().column("person_id").column("course_id").column(SQLFunction("MAX", args: SQLColumn("completed_on")), as: "completed_on")
            .from(Completion.schema).where("confirmed", .equal, SQLBind(true)).where("course_id", .in, SQLBind.group(Array(courses)))
        if let people { query = query.where("person_id", .in, SQLBind.group(people)) }
        let rows = try await query.groupBy("person_id").groupBy("course_id").all(decoding: Row.self)
        var latest: [UUID: [UUID: CalendarDate]] = [:]
        for row in rows { if let date = CalendarDate(row.completed_on) { latest[row.course_id, default: [:]][row.person_id] = date } }
        return latest
    }

    /// After one person's record changed outside an HR import (the API): a leaver's rows go at
    /// once and a mover's rows follow them to their unit; audiences are re-evaluated by `refresh`.
    static func personChanged(_ person: Person, on db: any Database) async throws {
        struct Row: Decodable { var org_unit_id: UUID?; var requirement_id: UUID }
        let id = try person.requireID()
        let rows = try await db.sql.select().column("org_unit_id").column("requirement_id").from(table).where("person_id", .equal, SQLBind(id))
            .all(decoding: Row.self)
        let newUnit = person.active ? person.$orgUnit.id : nil
        guard rows.contains(where: { !person.active || $0.org_unit_id != newUnit }) else { return }
        if person.active {
            try await db.sql.update(table).set("org_unit_id", to: SQLBind(person.$orgUnit.id)).where("person_id", .equal, SQLBind(id)).run()
        } else {
            try await db.sql.delete(from: table).where("person_id", .equal, SQLBind(id)).run()
        }
        var pairs = Set(rows.map { ComplianceQueries.Pair(unit: $0.org_unit_id, requirement: $0.requirement_id) })
        if person.active { pairs.formUnion(rows.map { .init(unit: newUnit, requirement: $0.requirement_id) }) }
        try await ComplianceQueries.countsChanged(pairs, on: db)
    }

    struct Write {
        var person: UUID
        var unit: UUID?
        var obligation: Compliance.Obligation
    }

    /// Writes the rows; the caller recounts the pairs they touch.
    private static func upsert(requirement: UUID, _ writes: [Write], on db: any Database) async throws {
        for chunk in writes.chunks(of: 400) {
            var sql: SQLQueryString = "INSERT INTO \(ident: table) (requirement_id, person_id, org_unit_id, since, completed_on, expires_on, deadline) VALUES "
            for (index, write) in chunk.enumerated() {
                let obligation = write.obligation
                if index > 0 { sql += ", " }
                sql += "(\(bind: requirement), \(bind: write.person), \(bind: write.unit), \(bind: obligation.since.description), "
                sql += "\(bind: obligation.completedOn?.description), \(bind: obligation.expiresOn?.description), \(bind: obligation.deadline?.description))"
            }
            sql += " ON CONFLICT (requirement_id, person_id) DO UPDATE SET org_unit_id = excluded.org_unit_id, since = excluded.since, completed_on = excluded.completed_on, "
            sql += "expires_on = excluded.expires_on, deadline = excluded.deadline"
            try await db.sql.raw(sql).run()
        }
    }
}
