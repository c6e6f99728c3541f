import CapableCore
import Fluent
import Plot
import Vapor

/// Face-to-face sessions: adding them (HR), booking and cancelling places, managers' approvals,
/// the trainer's attendance register, and calendar files.
enum SessionsController {
    struct BookForm: Content { var person: String? }
    struct DecisionForm: Content { var decision: String? }

    static func find(_ req: Request) async throws -> CourseSession {
        guard let id = req.parameters.get("sessionID", as: UUID.self),
              let session = try await CourseSession.query(on: req.database).filter(\.$id == id).with(\.$course).with(\.$trainer).first()
        else { throw AppError.notFound }
        return session
    }

    @Sendable static func newForm(req: Request) async throws -> HTML {
        let course = try await CoursesController.find(req)
        return SessionFormPage.view(.init(courseID: try course.requireID(), courseTitle: course.title, form: .init(capacity: "12"), errors: []), context: PageContext(req))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let course = try await CoursesController.find(req)
        let input = try req.content.decode(CourseSessions.Input.self)
        do {
            let session = try await CourseSessions.create(input, course: course, on: req)
            return req.redirect(to: SiteURL.learning(.session(try session.requireID())).path, redirectType: .normal)
        } catch AppError.invalid(let errors) {
            return SessionFormPage.view(.init(courseID: try course.requireID(), courseTitle: course.title, form: input, errors: errors), context: PageContext(req))
                .response(status: .badRequest)
        }
    }

    static func query(_ session: CourseSession, principal: Principal, errors: [FieldError] = [], on db: any Database) async throws -> SessionPage.Model {
        let id = try session.requireID()
        let bookings = try await Booking.query(on: db).filter(\.$session.$id == id).with(\.$person).sort(\.$queuedAt).all()
        let me = principal.personID
        let mine = bookings.first { $0.$person.id == me }
        let isTrainer = me != nil && session.$trainer.id == me
        let seesRegister = isTrainer || principal.has(.hr) || principal.has(.admin)
        // A manager sees, and can act on, the bookings of the people below them.
        var below: Set<UUID> = []
        if let me { below = Set(try await TeamTrainingController.members(of: me, indirect: true, on: db).map(\.id)) }
        let visible = bookings.filter { seesRegister || below.contains($0.$person.id) }
        let held = bookings.filter { Booking.Status.holdingPlace.contains($0.statusValue) }.count
        let waiting = bookings.filter { $0.statusValue == .waiting }
        let future = (session.date ?? .epoch) >= .today && !session.cancelled
        let directReports = try await me.asyncMap { me in
            try await Person.query(on: db).filter(\.$lineManager.$id == me).filter(\.$active == true).sort(\.$familyName).all()
        } ?? []
        let liveIDs = Set(bookings.filter { Booking.Status.live.contains($0.statusValue) }.map { $0.$person.id })
        return SessionPage.Model(
            id: id, courseID: session.$course.id, courseTitle: session.course.title, when: session.when, location: session.location,
            trainer: session.trainer?.displayName, capacity: session.capacity, placesLeft: max(0, session.capacity - held), waiting: waiting.count,
            needsApproval: session.needsApproval, cancelled: session.cancelled,
            myBooking: try mine.map { booking in try .init(booking, position: waiting.firstIndex { $0.$person.id == me }.map { $0 + 1 }) },
            canBook: future && me != nil && (mine.map { !Booking.Status.live.contains($0.statusValue) } ?? true),
            reports: future ? try directReports.filter { !liveIDs.contains(try $0.requireID()) }.map { (try $0.requireID(), $0.displayName) } : [],
            bookings: try visible.map { booking in
                try .init(booking, position: waiting.firstIndex { $0.id == booking.id }.map { $0 + 1 },
                          canDecide: booking.statusValue == .awaitingApproval && (principal.has(.admin) || below.contains(booking.$person.id)))
            },
            seesRegister: seesRegister,
            canMarkAttendance: seesRegister && (session.date ?? .today) <= .today && !session.cancelled,
            canCancel: (principal.has(.hr) || principal.has(.admin)) && future,
            errors: errors)
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let session = try await find(req)
        return SessionPage.view(try await query(session, principal: try req.requirePrincipal(), on: req.database), context: PageContext(req))
    }

    /// Books the signed-in person, or (from a manager) one of their team.
    @Sendable static func book(req: Request) async throws -> Response {
        let session = try await find(req)
        let principal = try req.requirePrincipal()
        let form = try req.content.decode(BookForm.self)
        let personID = form.person.flatMap(UUID.init(uuidString:)) ?? principal.personID
        guard let personID, let person = try await Person.find(personID, on: req.database) else {
            throw AppError.badRequest("Your account is not linked to a staff record, so it cannot hold a booking.")
        }
        do {
            _ = try await Bookings.book(session, person: person, on: req)
        } catch AppError.invalid(let errors) {
            // Shown at "Your place", where the booking was asked for.
            let shown = errors.map { FieldError(field: "book", message: $0.message) }
            return SessionPage.view(try await query(session, principal: principal, errors: shown, on: req.database), context: PageContext(req))
                .response(status: .badRequest)
        } catch AppError.conflict(let message) {
            return SessionPage.view(try await query(session, principal: principal, errors: [.init(field: "book", message: message)], on: req.database),
                                    context: PageContext(req)).response(status: .conflict)
        }
        return req.redirect(to: SiteURL.learning(.session(try session.requireID())).path, redirectType: .normal)
    }

    static func findBooking(_ req: Request) async throws -> Booking {
        guard let id = req.parameters.get("bookingID", as: UUID.self), let booking = try await Booking.find(id, on: req.database) else { throw AppError.notFound }
        return booking
    }

    @Sendable static func cancel(req: Request) async throws -> Response {
        let booking = try await findBooking(req)
        try await Bookings.cancel(booking, on: req)
        return req.redirect(to: SiteURL.learning(.session(booking.$session.id)).path, redirectType: .normal)
    }

    @Sendable static func decide(req: Request) async throws -> Response {
        let booking = try await findBooking(req)
        let decision = try req.content.decode(DecisionForm.self).decision
        guard decision == "approve" || decision == "decline" else { throw AppError.invalid([.init(field: "decision", message: "Choose approve or decline")]) }
        try await Bookings.decide(booking, approve: decision == "approve", on: req)
        return req.redirect(to: SiteURL.learning(.session(booking.$session.id)).path, redirectType: .normal)
    }

    @Sendable static func cancelSession(req: Request) async throws -> Response {
        let session = try await find(req)
        try await Bookings.cancelSession(session, on: req)
        return req.redirect(to: SiteURL.learning(.session(try session.requireID())).path, redirectType: .normal)
    }

    /// The register: `mark-<person id>` = attended or no-show for each person marked.
    @Sendable static func attendance(req: Request) async throws -> Response {
        let session = try await find(req)
        let fields = try req.content.decode([String: String].self)
        var marks: [UUID: Bookings.Mark] = [:]
        for (key, value) in fields where key.hasPrefix("mark-") {
            guard let person = UUID(uuidString: String(key.dropFirst(5))), let mark = Bookings.Mark(rawValue: value) else { continue }
            marks[person] = mark
        }
        do {
            guard !marks.isEmpty else { throw AppError.invalid([.init(field: "attendance", message: "Mark at least one person as attended or did not attend")]) }
            _ = try await Bookings.markAttendance(session, marks: marks, on: req)
        } catch AppError.invalid(let errors) {
            return SessionPage.view(try await query(session, principal: try req.requirePrincipal(), errors: errors, on: req.database), context: PageContext(req))
                .response(status: .badRequest)
        }
        return req.redirect(to: SiteURL.learning(.session(try session.requireID())).path, redirectType: .normal)
    }

    /// The session as a calendar file: a cancellation (METHOD:CANCEL) once the viewer's booking
    /// or the session is cancelled, otherwise a request to add it.
    @Sendable static func calendar(req: Request) async throws -> Response {
        let session = try await find(req)
        let me = try req.requirePrincipal().personID
        let booking = try await me.asyncMap { me in
            try await Booking.query(on: req.database).filter(\.$session.$id == session.requireID()).filter(\.$person.$id == me).first()
        } ?? nil
        guard let event = try CourseSessions.event(session, course: session.course, booking: booking) else { throw AppError.notFound }
        let calendar = ICalendar(method: event.cancelled ? .cancel : .request, events: [event])
        return calendarResponse(calendar, filename: "session.ics")
    }

    /// Every session the signed-in person is booked on, waiting for, or has had cancelled, from
    /// 90 days ago: one feed to import into a calendar.
    @Sendable static func myCalendar(req: Request) async throws -> Response {
        guard let me = try req.requirePrincipal().personID else {
            return calendarResponse(ICalendar(method: .publish, name: "My training (Capable)", events: []), filename: "my-training.ics")
        }
        let since = CalendarDate.today.adding(days: -90).description
        let bookings = try await Booking.query(on: req.database).filter(\.$person.$id == me)
            .filter(\.$status != Booking.Status.waiting.rawValue)
            .with(\.$session) { $0.with(\.$course) }.all()
            .filter { $0.session.startsOn >= since }
        let events = try bookings.compactMap { try CourseSessions.event($0.session, course: $0.session.course, booking: $0) }
            .sorted { $0.start < $1.start }
        return calendarResponse(ICalendar(method: .publish, name: "My training (Capable)", events: events), filename: "my-training.ics")
    }

    static func calendarResponse(_ calendar: ICalendar, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8", "method": calendar.method.rawValue])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(string: calendar.render()))
    }
}
