@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Face-to-face sessions: booking, the waiting list, cancellations, approval, attendance and
/// calendar files, with the built-in mandatory training loaded.
@Suite("Learning: sessions and bookings")
struct LearningBookingTests {
    static let fire = BuiltInLearning.entries[2].course
    static let fireRequirement = BuiltInLearning.entries[2].requirement

    struct Setup {
        var team: ActionsTests.Team
        var trainer: Person
        var session: CourseSession
    }

    /// The team (Morgan manages Riley; Casey), a trainer with an account, the built-in courses,
    /// and a Fire Safety session today with `capacity` places.
    static func setUp(_ app: Application, capacity: Int = 1, approval: Bool = false, on day: CalendarDate = .today) async throws -> Setup {
        let team = try await ActionsTests.team(app)
        let trainer = try await Fixtures.person(app, ref: "T1", name: "Tara")
        try await Fixtures.account(app, email: "trainer@x.org", personID: trainer.id)
        try await BuiltInLearning.load(on: app.db)
        let session = try await session(app, on: day, capacity: capacity, trainer: trainer.id, approval: approval)
        return Setup(team: team, trainer: trainer, session: session)
    }

    @discardableResult
    static func session(_ app: Application, on day: CalendarDate, capacity: Int, trainer: UUID? = nil, approval: Bool = false) async throws -> CourseSession {
        let session = CourseSession()
        session.$course.id = fire
        session.startsOn = day.description
        session.startTime = "09:30"
        session.endTime = "11:30"
        session.location = "Civic Centre, Room 2"
        session.$trainer.id = trainer
        session.capacity = capacity
        session.needsApproval = approval
        session.sequence = 0
        session.cancelled = false
        try await session.create(on: app.db)
        return session
    }

    static func path(_ url: LearningURL) -> String { SiteURL.learning(url).path }

    static func booking(_ app: Application, _ session: CourseSession, _ person: Person) async throws -> Booking? {
        try await Booking.query(on: app.db).filter(\.$session.$id == session.requireID()).filter(\.$person.$id == person.requireID()).first()
    }

    @Test("A full session takes a waiting list; a cancellation promotes the next; attendance records a completion and the person turns compliant")
    func waitingListToCompliant() async throws {
        try await withApp { app in
            // setup
            let setup = try await Self.setUp(app, capacity: 1)
            let sessionID = try setup.session.requireID()
            var riley = try await ObjectivesTests.signedIn(app, "report@x.org")
            var casey = try await ObjectivesTests.signedIn(app, "colleague@x.org")
            var trainer = try await ObjectivesTests.signedIn(app, "trainer@x.org")
            let before = try await casey.get(Self.path(.myLearning))

            // act
            try await riley.get(Self.path(.session(sessionID)))
            let booked = try await riley.post(Self.path(.book(sessionID)))
            let full = try await casey.get(Self.path(.session(sessionID)))
            let queued = try await casey.post(Self.path(.book(sessionID)))
            let waitingPage = try await casey.get(Self.path(.session(sessionID)))
            let again = try await casey.post(Self.path(.book(sessionID)))
            let rileyBooking = try #require(try await Self.booking(app, setup.session, setup.team.report))
            let cancelled = try await riley.post(Self.path(.cancelBooking(try rileyBooking.requireID())))
            let register = try await trainer.get(Self.path(.session(sessionID)))
            let marked = try await trainer.post(Self.path(.attendance(sessionID)), form: ["mark-\(try setup.team.colleague.requireID().uuidString)": "attended"])
            let after = try await casey.get(Self.path(.myLearning))

            // check
            #expect(before.body.string.contains("Not started"))
            #expect(booked.status == .seeOther)
            #expect(full.body.string.contains("Join the waiting list"))
            #expect(queued.status == .seeOther, "a full session is not an error")
            #expect(waitingPage.body.string.contains("Waiting list (number 1)"))
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("You are already on this session (waiting list)"))
            #expect(cancelled.status == .seeOther)
            #expect(try await Self.booking(app, setup.session, setup.team.report)?.statusValue == .cancelled)
            let promoted = try #require(try await Self.booking(app, setup.session, setup.team.colleague))
            #expect(promoted.statusValue == .attended)
            #expect(register.body.string.contains("Attendance"))
            #expect(marked.status == .seeOther)
            let completion = try #require(try await Completion.query(on: app.db).filter(\.$person.$id == setup.team.colleague.requireID()).first())
            #expect(completion.sourceValue == .attendance)
            #expect(completion.completedOn == CalendarDate.today.description)
            #expect(completion.expiresOn == CalendarDate.today.adding(months: 24).adding(days: -1).description)
            #expect(after.body.string.contains("Compliant"))
            let messages = try await AppNotification.query(on: app.db).filter(\.$person.$id == setup.team.colleague.requireID()).all().map(\.message)
            #expect(messages.contains { $0.hasPrefix("Fire Safety") && $0.contains("is full: you are on the waiting list") })
            #expect(messages.contains { $0.hasPrefix("A place came free: you are now booked on Fire Safety") })
            let rileyMessages = try await AppNotification.query(on: app.db).filter(\.$person.$id == setup.team.report.requireID()).all().map(\.message)
            #expect(rileyMessages.contains { $0.hasPrefix("Booking confirmed: Fire Safety") })
            let audit = try await Fixtures.auditActions(app, entity: Booking.auditEntity)
            #expect(audit == ["create", "create", "update", "update", "update"])
        }
    }

    @Test("Double booking, a past session, and attendance for someone not booked are refused with the reason; nothing is written")
    func refusals() async throws {
        try await withApp { app in
            // setup
            let setup = try await Self.setUp(app, capacity: 5)
            let past = try await Self.session(app, on: .today.adding(days: -1), capacity: 5, trainer: setup.trainer.id)
            var riley = try await ObjectivesTests.signedIn(app, "report@x.org")
            var trainer = try await ObjectivesTests.signedIn(app, "trainer@x.org")
            var casey = try await ObjectivesTests.signedIn(app, "colleague@x.org")
            let sessionID = try setup.session.requireID()
            _ = try await riley.post(Self.path(.book(sessionID)))

            // act
            let twice = try await riley.post(Self.path(.book(sessionID)))
            try await riley.get(Self.path(.session(try past.requireID())))
            let late = try await riley.post(Self.path(.book(try past.requireID())))
            try await trainer.get(Self.path(.session(sessionID)))
            let stranger = try await trainer.post(Self.path(.attendance(sessionID)), form: ["mark-\(try setup.team.manager.requireID().uuidString)": "attended"])
            let notTrainer = try await casey.post(Self.path(.attendance(sessionID)), form: ["mark-\(try setup.team.report.requireID().uuidString)": "attended"])

            // check
            #expect(twice.status == .conflict)
            #expect(twice.body.string.contains("You are already on this session (booked)"))
            #expect(late.status == .badRequest)
            #expect(late.body.string.contains("This session took place on"))
            #expect(stranger.status == .badRequest)
            #expect(stranger.body.string.contains("Morgan Test has no place on this session, so their attendance cannot be marked"))
            #expect(notTrainer.status == .forbidden)
            #expect(try await Completion.query(on: app.db).count() == 0)
            #expect(try await Booking.query(on: app.db).count() == 1)
            #expect(try await Booking.query(on: app.db).first()?.statusValue == .booked, "the refused register changed nobody")
        }
    }

    @Test("A booking that needs approval holds a place until the line manager decides; a manager books their report without approval")
    func approval() async throws {
        try await withApp { app in
            // setup
            let setup = try await Self.setUp(app, capacity: 2, approval: true, on: .today.adding(days: 7))
            let sessionID = try setup.session.requireID()
            var riley = try await ObjectivesTests.signedIn(app, "report@x.org")
            var morgan = try await ObjectivesTests.signedIn(app, "manager@x.org")
            var casey = try await ObjectivesTests.signedIn(app, "colleague@x.org")

            // act
            _ = try await riley.post(Self.path(.book(sessionID)))
            let request = try #require(try await Self.booking(app, setup.session, setup.team.report))
            let strangerDecides = try await casey.post(Self.path(.decideBooking(try request.requireID())), form: ["decision": "approve"])
            var otherHR = try await LearningFixtures.hr(app, units: [try await Fixtures.unit(app, code: "ELSEWHERE")])
            try await otherHR.get(Self.path(.session(sessionID)))
            let hrElsewhereDecides = try await otherHR.post(Self.path(.decideBooking(try request.requireID())), form: ["decision": "approve"])
            let managerPage = try await morgan.get(Self.path(.session(sessionID)))
            let approved = try await morgan.post(Self.path(.decideBooking(try request.requireID())), form: ["decision": "approve"])
            let bookSelf = try await morgan.post(Self.path(.book(sessionID)))

            // check
            #expect(request.statusValue == .awaitingApproval)
            #expect(strangerDecides.status == .forbidden)
            #expect(hrElsewhereDecides.status == .forbidden, "HR decide only for the people in their units")
            #expect(managerPage.body.string.contains("Approve Riley Test"))
            #expect(approved.status == .seeOther)
            #expect(try await Self.booking(app, setup.session, setup.team.report)?.statusValue == .booked)
            #expect(bookSelf.status == .seeOther)
            #expect(try await Self.booking(app, setup.session, setup.team.manager)?.statusValue == .awaitingApproval, "Morgan has no manager to approve")
            let forManager = try await AppNotification.query(on: app.db).filter(\.$person.$id == setup.team.manager.requireID()).all().map(\.message)
            #expect(forManager.contains { $0.hasPrefix("Riley Test asked to book Fire Safety") })
        }
    }

    @Test("Calendar files: a booked session is a REQUEST with Europe/London times; a cancelled one is a CANCEL with a higher SEQUENCE; the personal feed parses")
    func calendar() async throws {
        try await withApp { app in
            // setup
            let setup = try await Self.setUp(app, capacity: 3, on: .today.adding(days: 3))
            let sessionID = try setup.session.requireID()
            var riley = try await ObjectivesTests.signedIn(app, "report@x.org")
            _ = try await riley.post(Self.path(.book(sessionID)))

            // act
            let booked = try await riley.get(Self.path(.sessionCalendar(sessionID)))
            let booking = try #require(try await Self.booking(app, setup.session, setup.team.report))
            try await riley.get(Self.path(.session(sessionID)))
            _ = try await riley.post(Self.path(.cancelBooking(try booking.requireID())))
            let cancelled = try await riley.get(Self.path(.sessionCalendar(sessionID)))
            let feed = try await riley.get(Self.path(.myCalendar))
            // HR cancels the session: Casey, booked, gets a cancellation and is told.
            var casey = try await ObjectivesTests.signedIn(app, "colleague@x.org")
            _ = try await casey.post(Self.path(.book(sessionID)))
            let caseyBooked = try ICalendar.parse(try await casey.get(Self.path(.sessionCalendar(sessionID))).body.string)
            var hr = try await LearningFixtures.hr(app)
            try await hr.get(Self.path(.session(sessionID)))
            let staffCancels = try await casey.post(Self.path(.cancelSession(sessionID)))
            let cancelledSession = try await hr.post(Self.path(.cancelSession(sessionID)))
            let caseyCancelled = try ICalendar.parse(try await casey.get(Self.path(.sessionCalendar(sessionID))).body.string)

            // check
            #expect(booked.headers.contentType?.subType == "calendar")
            let first = try ICalendar.parse(booked.body.string)
            #expect(first.method == .request)
            let event = try #require(first.events.first)
            #expect(event.uid == "session-\(sessionID.uuidString.lowercased())@capable")
            #expect(event.start == LocalDateTime(date: .today.adding(days: 3), hour: 9, minute: 30))
            #expect(event.summary == "Fire Safety")
            #expect(!event.cancelled)
            #expect(booked.body.string.contains("DTSTART;TZID=Europe/London:"))
            let second = try ICalendar.parse(cancelled.body.string)
            #expect(second.method == .cancel)
            #expect(second.events.first?.cancelled == true)
            #expect((second.events.first?.sequence ?? 0) > event.sequence)
            let personal = try ICalendar.parse(feed.body.string)
            #expect(personal.method == .publish)
            #expect(personal.events.map(\.uid) == [event.uid])
            #expect(personal.events.first?.cancelled == true)
            #expect(staffCancels.status == .forbidden)
            #expect(cancelledSession.status == .seeOther)
            #expect(caseyBooked.method == .request)
            #expect(caseyCancelled.method == .cancel)
            #expect((caseyCancelled.events.first?.sequence ?? 0) > (caseyBooked.events.first?.sequence ?? 0))
            #expect(try await Self.booking(app, setup.session, setup.team.colleague)?.statusValue == .cancelled)
            let told = try await AppNotification.query(on: app.db).filter(\.$person.$id == setup.team.colleague.requireID()).all().map(\.message)
            #expect(told.contains { $0.hasPrefix("Cancelled: Fire Safety") })
        }
    }
}
