import CapableCore
import Fluent
import Plot
import Vapor

/// The course catalogue: everyone browses it; HR and administrators add and edit courses.
enum CoursesController {
    static func catalogue(on db: any Database) async throws -> CoursesPage.Model {
        let courses = try await Course.query(on: db).sort(\.$title).all()
        let mandatory = Set(try await TrainingRequirement.query(on: db).all().map { $0.$course.id })
        struct Row: Decodable { var course_id: UUID; var n: Int }
        let upcoming = try await db.sql.raw("""
            SELECT course_id, COUNT(*) AS n FROM course_sessions WHERE cancelled = \(bind: false) AND starts_on >= \(bind: CalendarDate.today.description) \
            GROUP BY course_id
            """).all(decoding: Row.self)
        let sessions = Dictionary(upcoming.map { ($0.course_id, $0.n) }, uniquingKeysWith: { first, _ in first })
        return CoursesPage.Model(courses: try courses.map { course in
            let id = try course.requireID()
            return .init(id: id, code: course.code, title: course.title, mode: course.modeValue.label, duration: course.duration,
                         validity: course.validityMonths.map { "\($0) months" } ?? "Does not expire",
                         mandatory: mandatory.contains(id), upcomingSessions: sessions[id] ?? 0)
        })
    }

    @Sendable static func index(req: Request) async throws -> HTML {
        CoursesPage.view(try await catalogue(on: req.database), context: PageContext(req))
    }

    static func find(_ req: Request) async throws -> Course {
        guard let id = req.parameters.get("courseID", as: UUID.self), let course = try await Course.find(id, on: req.database) else { throw AppError.notFound }
        return course
    }

    static func query(_ course: Course, viewer: Principal, on db: any Database) async throws -> CoursePage.Model {
        let id = try course.requireID()
        let elementIDs = try await CourseElement.query(on: db).filter(\.$course.$id == id).all().map(\.elementID)
        let latest = try await Frameworks.latestElements(elementIDs, on: db)
        let names = try await Audiences.names(on: db)
        let requirements = try await TrainingRequirement.query(on: db).filter(\.$course.$id == id).all()
        let sessions = try await CourseSession.query(on: db).filter(\.$course.$id == id).filter(\.$startsOn >= CalendarDate.today.description)
            .filter(\.$cancelled == false).sort(\.$startsOn).sort(\.$startTime).with(\.$trainer).all()
        let held = try await Bookings.placesHeld(sessions.compactMap(\.id), on: db)
        let rows = try sessions.map { session in
            let sessionID = try session.requireID()
            return CoursePage.SessionRow(id: sessionID, when: session.when, location: session.location, trainer: session.trainer?.displayName,
                                         placesLeft: max(0, session.capacity - (held[sessionID] ?? 0)), capacity: session.capacity)
        }
        return CoursePage.Model(
            id: id, code: course.code, title: course.title, summary: course.summary, mode: course.modeValue.label, provider: course.provider,
            duration: course.duration, validity: course.validityMonths.map { "\($0) months, then it must be done again" } ?? "Does not expire",
            url: course.url,
            elements: elementIDs.compactMap { element in latest[element].map { .init(id: element, code: $0.row.code, title: $0.row.title) } },
            requirements: requirements.map { .init(audience: $0.audience?.description(using: names) ?? "Nobody", reason: $0.reason) },
            sessions: rows, canManage: viewer.has(.hr) || viewer.has(.admin), isFaceToFace: course.modeValue != .online)
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let course = try await find(req)
        return CoursePage.view(try await query(course, viewer: try req.requirePrincipal(), on: req.database), context: PageContext(req))
    }

    @Sendable static func newForm(req: Request) async throws -> HTML {
        CourseFormPage.view(.init(courseID: nil, form: .init(mode: Course.Mode.online.rawValue), errors: []), context: PageContext(req))
    }

    @Sendable static func editForm(req: Request) async throws -> HTML {
        let course = try await find(req)
        let elements = try await CourseElement.query(on: req.database).filter(\.$course.$id == course.requireID()).all().map(\.elementID)
        let codes = try await Frameworks.latestElements(elements, on: req.database).values.map(\.row.code).sorted()
        let form = Courses.Input(code: course.code, title: course.title, description: course.summary, mode: course.mode, provider: course.provider,
                                 duration: course.duration, validity_months: course.validityMonths.map(String.init), url: course.url,
                                 elements: codes.joined(separator: ", "))
        return CourseFormPage.view(.init(courseID: try course.requireID(), form: form, errors: []), context: PageContext(req))
    }

    /// Creates a course (no id in the path) or saves an edit.
    @Sendable static func save(req: Request) async throws -> Response {
        let existing = req.parameters.get("courseID") == nil ? nil : try await find(req)
        let input = try req.content.decode(Courses.Input.self)
        switch try await Courses.validate(input, existing: existing?.id, on: req.database) {
        case .failure(.invalid(let errors)):
            return CourseFormPage.view(.init(courseID: existing?.id, form: input, errors: errors), context: PageContext(req)).response(status: .badRequest)
        case .failure(let error):
            throw error
        case .success(let clean):
            let course = try await Courses.save(clean, into: existing, on: req)
            return req.redirect(to: SiteURL.learning(.course(try course.requireID())).path, redirectType: .normal)
        }
    }
}
