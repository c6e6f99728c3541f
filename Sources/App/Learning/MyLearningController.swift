import CapableCore
import Fluent
import Plot
import Vapor

/// "My learning": what I must do and why, my bookings, my learning record, and recording
/// learning done elsewhere.
enum MyLearningController {
    static func query(person: Person, viewer: Principal, form: Completions.Declaration = .init(), errors: [FieldError] = [],
                      today: CalendarDate, on db: any Database) async throws -> MyLearningPage.Model {
        let me = try person.requireID()
        let obligations = try await ComplianceQueries.obligations(of: [me], on: db)[me] ?? [:]
        let requirements = try await ComplianceQueries.requirements(describingAudiences: false, on: db).filter { obligations[$0.id] != nil }
        let bookings = try await Booking.query(on: db).filter(\.$person.$id == me).with(\.$session) { $0.with(\.$course) }.all()
            .filter { $0.session.startsOn >= today.adding(days: -90).description }
            .sorted { ($0.session.startsOn, $0.session.startTime) < ($1.session.startsOn, $1.session.startTime) }
        let completions = try await Completion.query(on: db).filter(\.$person.$id == me).with(\.$course).sort(\.$completedOn, .descending).all()
        let courses = try await Course.query(on: db).sort(\.$title).all()
        let isManager = try await PeopleQueries.directReportCount(of: me, on: db) > 0
        return MyLearningPage.Model(
            required: requirements.compactMap { requirement in
                obligations[requirement.id].map { obligation in
                    .init(courseID: requirement.courseID, title: requirement.title, reason: requirement.reason,
                          status: obligation.status(today: today), lastCompleted: obligation.completedOn?.description)
                }
            },
            bookings: try bookings.map { booking in
                .init(sessionID: booking.$session.id, course: booking.session.course.title, when: booking.session.when,
                      location: booking.session.location, status: booking.statusValue.label, id: try booking.requireID())
            },
            record: completions.map { completion in
                .init(course: completion.course.title, completedOn: completion.completedOn, expiresOn: completion.expiresOn,
                      source: completion.sourceValue.label, confirmed: completion.confirmed)
            },
            courses: try courses.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            form: form, errors: errors, isManager: isManager,
            isHR: viewer.has(.hr) || viewer.has(.admin))
    }

    static func me(_ req: Request) async throws -> Person? {
        guard let id = try req.requirePrincipal().personID else { return nil }
        return try await Person.find(id, on: req.database)
    }

    @Sendable static func page(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        guard let person = try await me(req) else { return MyLearningPage.unlinked(isHR: principal.has(.hr) || principal.has(.admin), context: PageContext(req)) }
        return MyLearningPage.view(try await query(person: person, viewer: principal, today: .today, on: req.database), context: PageContext(req))
    }

    /// Records learning done elsewhere; it counts once the line manager confirms it.
    @Sendable static func declare(req: Request) async throws -> Response {
        guard let person = try await me(req) else { throw AppError.badRequest("Your account is not linked to a staff record, so it has no learning record.") }
        let form = try req.content.decode(Completions.Declaration.self)
        do {
            _ = try await Completions.declare(form, person: person, on: req)
        } catch AppError.invalid(let errors) {
            return MyLearningPage.view(try await query(person: person, viewer: try req.requirePrincipal(), form: form, errors: errors, today: .today, on: req.database),
                                       context: PageContext(req)).response(status: .badRequest)
        }
        return req.redirect(to: SiteURL.learning(.myLearning).path + "#record", redirectType: .normal)
    }
}
