import CapableCore
import Fluent
import SQLKit
import Vapor

/// Recording completions: declared by the person (counting once a manager confirms), confirmed,
/// and imported in bulk from a learning-management system's export.
enum Completions {
    struct Declaration: Content {
        var course: String?
        var completed_on: String?
        var evidence: String?
    }

    /// A person's own record of a course done elsewhere (an e-learning module, a course at a
    /// previous employer), with its evidence; it counts once their line manager confirms it.
    static func declare(_ form: Declaration, person: Person, on req: Request) async throws -> Completion {
        var errors: [FieldError] = []
        let course = try await UUID(uuidString: form.course ?? "").asyncMap { try await Course.find($0, on: req.database) } ?? nil
        if course == nil { errors.append(.init(field: "course", message: "Choose the course you completed")) }
        let date = DateField.required(form.completed_on, field: "completed_on", what: "the date you completed it", errors: &errors)
        if let date, date > .today { errors.append(.init(field: "completed_on", message: "The date you completed it must be today or in the past")) }
        let evidence = (form.evidence ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if evidence.isEmpty { errors.append(.init(field: "evidence", message: "Enter your evidence, such as a certificate number or where the record is kept")) }
        if evidence.count > 1000 { errors.append(.init(field: "evidence", message: "The evidence must be 1000 characters or fewer")) }
        guard errors.isEmpty, let course, let date else { throw AppError.invalid(errors) }
        let personID = try person.requireID()
        if try await Completion.query(on: req.database).filter(\.$person.$id == personID).filter(\.$course.$id == course.requireID())
            .filter(\.$completedOn == date.description).count() > 0 {
            throw AppError.invalid([.init(field: "completed_on", message: "\(course.title) on \(DisplayFormat.calendarDate(date.description)) is already recorded")])
        }
        let completion = try Completion(personID: personID, course: course, completedOn: date, source: .selfDeclared, evidence: evidence, confirmed: false)
        try await req.create(completion)
        if let manager = person.$lineManager.id {
            try await Reminders.insert([.init(person: manager, key: "completion-declared:\(try completion.requireID().uuidString.lowercased())",
                                              message: "\(person.displayName) says they completed \(course.title) on \(DisplayFormat.calendarDate(date.description)): please confirm it.",
                                              link: SiteURL.learning(.team(all: false)).path)], on: req.database)
        }
        return completion
    }

    /// A line manager (or HR for the person's unit) confirms a self-declared completion, which
    /// then counts.
    static func confirm(_ completion: Completion, on req: Request) async throws {
        let principal = try req.requirePrincipal()
        let person = completion.$person.id
        guard try await Bookings.mayDecideFor(person, principal: principal, on: req.database) else { throw AppError.forbidden }
        guard !completion.confirmed else { throw AppError.conflict("This completion is already confirmed") }
        try await req.update(completion) { completion in
            completion.confirmed = true
            completion.$confirmedBy.id = principal.personID
        }
        try await ComplianceRecords.completionsChanged(people: [person], course: completion.$course.id, on: req.database)
    }

    /// What an import did.
    struct Outcome: Codable, Equatable, Sendable {
        var added: Int
        /// Rows already on record (the same person, course and day), left as they were.
        var alreadyRecorded: Int
        var repeatedInFile: Int

        var summary: String {
            "\(added) completions added; \(alreadyRecorded) already on record; \(repeatedInFile) repeated rows in the file"
        }
    }

    /// The dry run of an LMS export against today's people and courses.
    static func plan(_ table: CSVTable, on db: any Database) async throws -> CompletionImport.Plan {
        struct PersonRow: Decodable { var id: UUID; var employee_ref: String }
        struct CourseRow: Decodable { var id: UUID; var code: String }
        let people = try await db.sql.raw("SELECT id, employee_ref FROM people").all(decoding: PersonRow.self)
        let courses = try await db.sql.raw("SELECT id, code FROM courses").all(decoding: CourseRow.self)
        return CompletionImport.plan(table, people: Dictionary(people.map { ($0.employee_ref, $0.id) }, uniquingKeysWith: { first, _ in first }),
                                     courses: Dictionary(courses.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first }), today: .today)
    }

    /// Applies a clean plan, all or nothing: inserts the completions (skipping any already on
    /// record), audits the import once, and brings compliance up to date. Call inside a transaction.
    static func apply(_ plan: CompletionImport.Plan, context: AuditContext, on db: any Database) async throws -> Outcome {
        guard plan.canApply else { throw AppError.invalid(plan.errors.prefix(20).map { .init(field: "file", message: $0.description) }) }
        let courses = try await Course.query(on: db).all()
        let validity = Dictionary(courses.compactMap { course in course.id.map { ($0, course) } }, uniquingKeysWith: { first, _ in first })
        struct Count: Decodable { var n: Int }
        let count: SQLQueryString = "SELECT COUNT(*) AS n FROM completions"
        let before = try await db.sql.raw(count).first(decoding: Count.self)?.n ?? 0
        let now = Date()
        for chunk in plan.rows.chunks(of: 400) {
            var sql: SQLQueryString = "INSERT INTO completions (id, person_id, course_id, completed_on, expires_on, source, confirmed, created_at) VALUES "
            for (index, row) in chunk.enumerated() {
                if index > 0 { sql += ", " }
                let expires = validity[row.courseID]?.expiry(completedOn: row.completedOn)
                sql += "(\(bind: UUID()), \(bind: row.personID), \(bind: row.courseID), \(bind: row.completedOn.description), \(bind: expires), "
                sql += "\(bind: Completion.Source.import.rawValue), \(bind: true), \(bind: now))"
            }
            sql += " ON CONFLICT (person_id, course_id, completed_on) DO NOTHING"
            try await db.sql.raw(sql).run()
        }
        let added = (try await db.sql.raw(count).first(decoding: Count.self)?.n ?? 0) - before
        try await Audit.append("import", entity: Completion.auditEntity, id: nil,
                               changes: [FieldChange(field: "added", old: nil, new: String(added))], context: context, on: db)
        try await ComplianceRecords.refresh(today: .today, on: db)
        return Outcome(added: added, alreadyRecorded: plan.rows.count - added, repeatedInFile: plan.repeated)
    }
}
