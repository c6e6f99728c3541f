import CapableCore
import Fluent
import SQLKit
import Vapor

/// The rules for places on face-to-face sessions, shared by the pages and the API: booking (or
/// joining the waiting list when full), cancelling (which promotes the next in the queue),
/// manager approval, and attendance (which records a completion).
enum Bookings {
    /// Who may book or cancel for `person`: themselves, anyone above them in line management,
    /// HR for their units, administrators (the person-record rule).
    static func mayActFor(_ person: UUID, principal: Principal, on db: any Database) async throws -> Bool {
        try await LineManagement.allows(principal.viewer, target: person, on: db)
    }

    /// Who may decide on `person`'s request or confirm their learning: the same, but never the
    /// person themselves.
    static func mayDecideFor(_ person: UUID, principal: Principal, on db: any Database) async throws -> Bool {
        principal.personID != person ? try await mayActFor(person, principal: principal, on: db) : false
    }

    /// Books `person` on `session`. A full session puts them on its waiting list, which is not an
    /// error; a past or cancelled session, or a second booking, is refused with the reason.
    static func book(_ session: CourseSession, person: Person, on req: Request) async throws -> Booking {
        let principal = try req.requirePrincipal()
        let db = req.database
        let sessionID = try session.requireID(), personID = try person.requireID()
        guard try await mayActFor(personID, principal: principal, on: db) else { throw AppError.forbidden }
        guard person.active else { throw AppError.invalid([.init(field: "person", message: "\(person.displayName) has left, so cannot be booked")]) }
        guard !session.cancelled else { throw AppError.conflict("This session has been cancelled, so it cannot be booked") }
        if let date = session.date, date < .today {
            throw AppError.invalid([.init(field: "session", message: "This session took place on \(DisplayFormat.calendarDate(session.startsOn)); choose a future session")])
        }
        try await lock(sessionID, on: db)
        let existing = try await Booking.query(on: db).filter(\.$session.$id == sessionID).filter(\.$person.$id == personID).first()
        if let existing, Booking.Status.live.contains(existing.statusValue) {
            let name = principal.personID == personID ? "You are" : "\(person.displayName) is"
            throw AppError.conflict("\(name) already on this session (\(existing.statusValue.label.lowercased()))")
        }
        let byManager = principal.personID != personID
        let held = try await placesHeld(sessionID, on: db)
        let status: Booking.Status = held >= session.capacity ? .waiting : (session.needsApproval && !byManager ? .awaitingApproval : .booked)
        let booking: Booking
        if let existing {
            booking = existing
            try await req.update(existing) { booking in
                booking.status = status.rawValue
                booking.queuedAt = Date()
                booking.$bookedBy.id = principal.personID
                booking.sequence += 1
            }
        } else {
            booking = Booking(sessionID: sessionID, personID: personID, bookedBy: principal.personID, status: status)
            try await req.create(booking)
        }
        try await notify(booking, session: session, on: db)
        // A development-plan item that names this course now points to the booking.
        let items = try await DevelopmentPlanItem.query(on: db).filter(\.$person.$id == personID).filter(\.$courseID == session.$course.id)
            .filter(\.$bookingID == nil)
            .filter(\.$status ~~ [DevelopmentPlanItem.Status.planned.rawValue, DevelopmentPlanItem.Status.inProgress.rawValue]).all()
        for item in items { try await req.update(item) { $0.bookingID = booking.id } }
        return booking
    }

    /// Cancels a place or a place in the queue; a freed place goes to the first in the queue.
    static func cancel(_ booking: Booking, on req: Request) async throws {
        let principal = try req.requirePrincipal()
        guard try await mayActFor(booking.$person.id, principal: principal, on: req.database) else { throw AppError.forbidden }
        let status = booking.statusValue
        guard [.awaitingApproval, .booked, .waiting].contains(status) else {
            throw AppError.conflict("This booking is \(status.label.lowercased()), so it cannot be cancelled")
        }
        let session = try await booking.$session.get(on: req.database)
        try await lock(try session.requireID(), on: req.database)
        try await req.update(booking) { booking in
            booking.status = Booking.Status.cancelled.rawValue
            booking.sequence += 1
        }
        if status != .waiting { try await promote(session, on: req) }
    }

    /// HR cancels a whole session: every place and queue entry is cancelled, each person is told,
    /// and calendar copies become cancellations (the session's SEQUENCE goes up).
    static func cancelSession(_ session: CourseSession, on req: Request) async throws {
        guard !session.cancelled else { throw AppError.conflict("This session is already cancelled") }
        let id = try session.requireID()
        try await lock(id, on: req.database)
        try await req.update(session) { session in
            session.cancelled = true
            session.sequence += 1
        }
        let course = try await session.$course.get(on: req.database)
        let live = try await Booking.query(on: req.database).filter(\.$session.$id == id)
            .filter(\.$status ~~ [Booking.Status.awaitingApproval, .booked, .waiting].map(\.rawValue)).all()
        var reminders: [Reminders.Reminder] = []
        for booking in live {
            try await req.update(booking) { booking in
                booking.status = Booking.Status.cancelled.rawValue
                booking.sequence += 1
            }
            reminders.append(.init(person: booking.$person.id, key: "session-cancelled:\(try booking.requireID().uuidString.lowercased())",
                                   message: "Cancelled: \(course.title), \(session.when). Book another session from the course page.",
                                   link: SiteURL.learning(.course(session.$course.id)).path))
        }
        try await Reminders.insert(reminders, on: req.database)
    }

    /// A line manager (or HR) approves or declines a booking that waits for approval.
    static func decide(_ booking: Booking, approve: Bool, on req: Request) async throws {
        let principal = try req.requirePrincipal()
        guard try await mayDecideFor(booking.$person.id, principal: principal, on: req.database) else { throw AppError.forbidden }
        guard booking.statusValue == .awaitingApproval else { throw AppError.conflict("This booking is \(booking.statusValue.label.lowercased()), not awaiting approval") }
        let session = try await booking.$session.get(on: req.database)
        try await req.update(booking) { booking in
            booking.status = (approve ? Booking.Status.booked : .declined).rawValue
            booking.sequence += 1
        }
        if approve { try await notify(booking, session: session, on: req.database) } else { try await promote(session, on: req) }
    }

    enum Mark: String, CaseIterable, Sendable {
        case attended, noShow = "no-show"
    }

    /// Records who attended and who did not. Everyone marked must hold a place; an attended place
    /// records a completion dated the session's day and updates the person's compliance.
    static func markAttendance(_ session: CourseSession, marks: [UUID: Mark], on req: Request) async throws -> Int {
        let principal = try req.requirePrincipal()
        guard principal.has(.admin) || principal.has(.hr) || (principal.personID != nil && principal.personID == session.$trainer.id) else {
            throw AppError.forbidden
        }
        guard let day = session.date, day <= .today else {
            throw AppError.invalid([.init(field: "attendance", message: "Attendance can be marked on or after the day of the session, \(DisplayFormat.calendarDate(session.startsOn))")])
        }
        let sessionID = try session.requireID()
        let bookings = try await Booking.query(on: req.database).filter(\.$session.$id == sessionID).with(\.$person).all()
        let byPerson = Dictionary(bookings.map { ($0.$person.id, $0) }, uniquingKeysWith: { first, _ in first })
        var errors: [FieldError] = []
        for person in marks.keys {
            guard let booking = byPerson[person], [.booked, .attended, .noShow].contains(booking.statusValue) else {
                var name = byPerson[person]?.person.displayName
                if name == nil { name = try await Person.find(person, on: req.database)?.displayName }
                let who = name ?? "Someone"
                errors.append(.init(field: "attendance", message: "\(who) has no place on this session, so their attendance cannot be marked"))
                continue
            }
        }
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        let course = try await session.$course.get(on: req.database)
        var attended: [UUID] = []
        for (person, mark) in marks.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            guard let booking = byPerson[person] else { continue }
            let status: Booking.Status = mark == .attended ? .attended : .noShow
            guard booking.statusValue != status else { continue }
            try await req.update(booking) { $0.status = status.rawValue }
            let existing = try await Completion.query(on: req.database).filter(\.$booking.$id == booking.id).first()
            if mark == .attended, existing == nil {
                let completion = try Completion(personID: person, course: course, completedOn: day, source: .attendance, confirmed: true)
                completion.$booking.id = booking.id
                if try await Completion.query(on: req.database).filter(\.$person.$id == person).filter(\.$course.$id == course.requireID())
                    .filter(\.$completedOn == day.description).count() == 0 {
                    try await req.create(completion)
                    attended.append(person)
                }
            } else if mark == .noShow, let existing {
                // Marked attended by mistake: the completion it recorded goes with it.
                try await req.delete(existing)
                attended.append(person)
            }
        }
        try await ComplianceRecords.completionsChanged(people: attended, course: try course.requireID(), on: req.database)
        return marks.count
    }

    /// How many places are taken (by people booked, awaiting approval, attended or absent).
    static func placesHeld(_ session: UUID, on db: any Database) async throws -> Int {
        try await placesHeld([session], on: db)[session] ?? 0
    }

    /// The same for many sessions in one query.
    static func placesHeld(_ sessions: [UUID], on db: any Database) async throws -> [UUID: Int] {
        struct Row: Decodable { var session_id: UUID; var n: Int }
        var held: [UUID: Int] = [:]
        for chunk in sessions.chunks(of: 500) {
            let rows = try await db.sql.select().column("session_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Booking.schema)
                .where("session_id", .in, SQLBind.group(chunk)).where("status", .in, SQLBind.group(Booking.Status.holdingPlace.map(\.rawValue)))
                .groupBy("session_id").all(decoding: Row.self)
            for row in rows { held[row.session_id] = row.n }
        }
        return held
    }

    /// Gives freed places to the waiting list in the order people joined it.
    private static func promote(_ session: CourseSession, on req: Request) async throws {
        let id = try session.requireID()
        var free = session.capacity - (try await placesHeld(id, on: req.database))
        guard free > 0 else { return }
        let queue = try await Booking.query(on: req.database).filter(\.$session.$id == id).filter(\.$status == Booking.Status.waiting.rawValue)
            .sort(\.$queuedAt).sort(\.$id).limit(free).all()
        for booking in queue where free > 0 {
            try await req.update(booking) { booking in
                booking.status = Booking.Status.booked.rawValue
                booking.sequence += 1
            }
            free -= 1
            let course = try await session.$course.get(on: req.database)
            try await Reminders.insert([Reminders.Reminder(
                person: booking.$person.id, key: "booking-promoted:\(try booking.requireID().uuidString.lowercased())",
                message: "A place came free: you are now booked on \(course.title), \(session.when).",
                link: SiteURL.learning(.session(id)).path)], on: req.database)
        }
    }

    /// Tells the person where they stand, and their manager when approval is needed.
    private static func notify(_ booking: Booking, session: CourseSession, on db: any Database) async throws {
        let course = try await session.$course.get(on: db)
        let id = try booking.requireID().uuidString.lowercased(), link = SiteURL.learning(.session(try session.requireID())).path
        var reminders: [Reminders.Reminder] = []
        switch booking.statusValue {
        case .booked:
            reminders.append(.init(person: booking.$person.id, key: "booking-confirmed:\(id):\(booking.sequence)",
                                   message: "Booking confirmed: \(course.title), \(session.when), \(session.location).", link: link))
        case .waiting:
            reminders.append(.init(person: booking.$person.id, key: "booking-waiting:\(id):\(booking.sequence)",
                                   message: "\(course.title), \(session.when) is full: you are on the waiting list and will be told if a place comes free.", link: link))
        case .awaitingApproval:
            let person = try await booking.$person.get(on: db)
            if let manager = person.$lineManager.id {
                reminders.append(.init(person: manager, key: "booking-approval:\(id):\(booking.sequence)",
                                       message: "\(person.displayName) asked to book \(course.title), \(session.when): approve or decline.", link: link))
            }
        default: break
        }
        try await Reminders.insert(reminders, on: db)
    }

    /// Serialises bookings of one session on PostgreSQL, so two people cannot both take its last
    /// place. SQLite write transactions already run one at a time.
    private static func lock(_ session: UUID, on db: any Database) async throws {
        guard !db.isSQLite else { return }
        try await db.sql.raw("SELECT id FROM course_sessions WHERE id = \(bind: session) FOR UPDATE").run()
    }
}
