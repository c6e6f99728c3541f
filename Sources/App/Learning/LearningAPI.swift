import CapableCore
import Fluent
import Vapor

/// `/api/v1/courses`, `/course-sessions`, `/bookings`, `/requirements`, `/completions` and
/// `/compliance`, on the same rules as the pages (`Courses`, `CourseSessions`, `Bookings`,
/// `Requirements`, `Completions`, `ComplianceQueries`).
enum LearningAPI {
    struct CourseDTO: Content {
        var id: UUID, code: String, title: String, description: String, mode: String, provider: String, duration: String
        var validityMonths: Int?, url: String?, elementIds: [UUID]

        init(_ course: Course, elements: [UUID]) throws {
            id = try course.requireID(); code = course.code; title = course.title; description = course.summary; mode = course.mode
            provider = course.provider; duration = course.duration; validityMonths = course.validityMonths; url = course.url; elementIds = elements
        }
    }

    struct NewCourse: Content {
        var code: String?, title: String?, description: String?, mode: String?, provider: String?, duration: String?
        var validityMonths: Int?, url: String?
        /// Framework element codes, e.g. ["TR.3"].
        var elements: [String]?
    }

    /// The pages' validation names fields as the forms do; the API names them as its JSON does.
    static func renamed(_ error: AppError, _ names: [String: String]) -> AppError {
        guard case .invalid(let errors) = error else { return error }
        return .invalid(errors.map { FieldError(field: names[$0.field] ?? $0.field, message: $0.message) })
    }

    static func elements(of courses: [UUID], on db: any Database) async throws -> [UUID: [UUID]] {
        let links = try await CourseElement.query(on: db).filter(\.$course.$id ~~ courses).all()
        return Dictionary(grouping: links, by: { $0.$course.id }).mapValues { $0.map(\.elementID) }
    }

    @Sendable static func courses(req: Request) async throws -> [CourseDTO] {
        let courses = try await Course.query(on: req.database).sort(\.$title).all()
        let elements = try await elements(of: courses.compactMap(\.id), on: req.database)
        return try courses.map { try CourseDTO($0, elements: elements[$0.id ?? UUID()] ?? []) }
    }

    @Sendable static func course(req: Request) async throws -> CourseDTO {
        let course = try await CoursesController.find(req)
        return try CourseDTO(course, elements: try await elements(of: [try course.requireID()], on: req.database)[try course.requireID()] ?? [])
    }

    @Sendable static func createCourse(req: Request) async throws -> Response {
        let body = try req.content.decode(NewCourse.self)
        let input = Courses.Input(code: body.code, title: body.title, description: body.description, mode: body.mode, provider: body.provider,
                                  duration: body.duration, validity_months: body.validityMonths.map(String.init), url: body.url,
                                  elements: body.elements?.joined(separator: ","))
        switch try await Courses.validate(input, existing: nil, on: req.database) {
        case .failure(let error): throw renamed(error, ["validity_months": "validityMonths"])
        case .success(let clean):
            let course = try await Courses.save(clean, into: nil, on: req)
            return try await CourseDTO(course, elements: clean.elements).encodeResponse(status: .created, for: req)
        }
    }

    struct SessionDTO: Content {
        var id: UUID, courseId: UUID, date: String, startTime: String, endTime: String, location: String, trainerId: UUID?
        var capacity: Int, placesLeft: Int, needsApproval: Bool, cancelled: Bool

        init(_ session: CourseSession, held: Int) throws {
            id = try session.requireID(); courseId = session.$course.id; date = session.startsOn; startTime = session.startTime; endTime = session.endTime
            location = session.location; trainerId = session.$trainer.id; capacity = session.capacity; placesLeft = max(0, session.capacity - held)
            needsApproval = session.needsApproval; cancelled = session.cancelled
        }
    }

    struct NewSession: Content {
        var courseId: UUID?, date: String?, startTime: String?, endTime: String?, location: String?
        /// The trainer's employee number.
        var trainer: String?
        var capacity: Int?, needsApproval: Bool?
    }

    /// Sessions from today on (or from `from=yyyy-mm-dd`), optionally of one course.
    @Sendable static func sessions(req: Request) async throws -> [SessionDTO] {
        var query = CourseSession.query(on: req.database)
            .filter(\.$startsOn >= ((try? req.query.get(String.self, at: "from")).flatMap(CalendarDate.init) ?? .today).description)
        if let course = try? req.query.get(UUID.self, at: "courseId") { query = query.filter(\.$course.$id == course) }
        let sessions = try await query.sort(\.$startsOn).sort(\.$startTime).limit(1000).all()
        let held = try await Bookings.placesHeld(sessions.compactMap(\.id), on: req.database)
        return try sessions.map { try SessionDTO($0, held: held[try $0.requireID()] ?? 0) }
    }

    @Sendable static func session(req: Request) async throws -> SessionDTO {
        let session = try await SessionsController.find(req)
        return try SessionDTO(session, held: try await Bookings.placesHeld(try session.requireID(), on: req.database))
    }

    @Sendable static func createSession(req: Request) async throws -> Response {
        let body = try req.content.decode(NewSession.self)
        guard let courseID = body.courseId, let course = try await Course.find(courseID, on: req.database) else {
            throw AppError.invalid([.init(field: "courseId", message: "Give the id of a course in the catalogue")])
        }
        let input = CourseSessions.Input(starts_on: body.date, start_time: body.startTime, end_time: body.endTime, location: body.location,
                                         trainer: body.trainer, capacity: body.capacity.map(String.init), needs_approval: body.needsApproval == true ? "yes" : nil)
        do {
            let session = try await CourseSessions.create(input, course: course, on: req)
            return try await SessionDTO(session, held: 0).encodeResponse(status: .created, for: req)
        } catch let error as AppError {
            throw renamed(error, ["starts_on": "date", "start_time": "startTime", "end_time": "endTime", "course": "courseId"])
        }
    }

    struct BookingDTO: Content {
        var id: UUID, sessionId: UUID, personId: UUID, status: String
        /// Place on the waiting list, from 1, while waiting.
        var waitingPosition: Int?

        init(_ booking: Booking, position: Int? = nil) throws {
            id = try booking.requireID(); sessionId = booking.$session.id; personId = booking.$person.id; status = booking.status; waitingPosition = position
        }
    }

    struct NewBooking: Content { var sessionId: UUID?; var personId: UUID? }

    /// A person's bookings (`personId`, default the caller) under the person-record rule.
    @Sendable static func bookings(req: Request) async throws -> [BookingDTO] {
        let asked = try? req.query.get(UUID.self, at: "personId")
        if asked == nil, try req.requirePrincipal().personID == nil { return [] }
        let person = try await ObjectivesAPI.target(req, asked, write: false)
        return try await Booking.query(on: req.database).filter(\.$person.$id == person.requireID()).sort(\.$queuedAt).all().map { try BookingDTO($0) }
    }

    /// Books a place, or joins the waiting list when the session is full (201 either way; the
    /// status says which).
    @Sendable static func book(req: Request) async throws -> Response {
        let body = try req.content.decode(NewBooking.self)
        guard let sessionID = body.sessionId, let session = try await CourseSession.query(on: req.database).filter(\.$id == sessionID).with(\.$course).first() else {
            throw AppError.invalid([.init(field: "sessionId", message: "Give the id of a session")])
        }
        let principal = try req.requirePrincipal()
        guard let personID = body.personId ?? principal.personID else {
            throw AppError.invalid([.init(field: "personId", message: "This account has no staff record; give personId")])
        }
        guard let person = try await Person.find(personID, on: req.database) else { throw AppError.notFound }
        let booking = try await Bookings.book(session, person: person, on: req)
        var position: Int?
        if booking.statusValue == .waiting {
            position = try await Booking.query(on: req.database).filter(\.$session.$id == sessionID).filter(\.$status == Booking.Status.waiting.rawValue)
                .sort(\.$queuedAt).sort(\.$id).all().firstIndex { $0.id == booking.id }.map { $0 + 1 }
        }
        return try await BookingDTO(booking, position: position).encodeResponse(status: .created, for: req)
    }

    @Sendable static func cancelBooking(req: Request) async throws -> BookingDTO {
        let booking = try await SessionsController.findBooking(req)
        try await Bookings.cancel(booking, on: req)
        return try BookingDTO(booking)
    }

    struct RequirementDTO: Content {
        var id: UUID, courseId: UUID, audience: Audience?, reason: String, dueWithinDays: Int, refresherMonths: Int?, appliesFrom: String

        init(_ requirement: TrainingRequirement) throws {
            id = try requirement.requireID(); courseId = requirement.$course.id; audience = requirement.audience; reason = requirement.reason
            dueWithinDays = requirement.dueWithinDays; refresherMonths = requirement.refresherMonths; appliesFrom = requirement.appliesFrom
        }
    }

    struct NewRequirement: Content {
        var courseId: UUID?
        var audience: ReviewCyclesAPI.NewCycle.Rule?
        var reason: String?
        var dueWithinDays: Int?
        var refresherMonths: Int?
        var appliesFrom: String?
    }

    @Sendable static func requirements(req: Request) async throws -> [RequirementDTO] {
        try await TrainingRequirement.query(on: req.database).all().map(RequirementDTO.init)
    }

    @Sendable static func createRequirement(req: Request) async throws -> Response {
        let body = try req.content.decode(NewRequirement.self)
        let rule = body.audience
        let form = Requirements.Form(course: body.courseId?.uuidString, rule: rule?.rule, unit: rule?.unit, subunits: rule?.includeSubunits == true ? "yes" : nil,
                                     role: rule?.jobRoleId?.uuidString, grade_low: rule?.gradeLow, grade_high: rule?.gradeHigh, days: rule?.days.map(String.init),
                                     reason: body.reason, due_within_days: body.dueWithinDays.map(String.init),
                                     refresher_months: body.refresherMonths.map(String.init), applies_from: body.appliesFrom)
        switch try await Requirements.validate(form, today: .today, on: req.database) {
        case .failure(let error):
            throw renamed(error, ["course": "courseId", "due_within_days": "dueWithinDays", "refresher_months": "refresherMonths", "applies_from": "appliesFrom"])
        case .success(let clean):
            return try await RequirementDTO(try await Requirements.save(clean, on: req)).encodeResponse(status: .created, for: req)
        }
    }

    struct CompletionDTO: Content {
        var id: UUID, personId: UUID, courseId: UUID, completedOn: String, expiresOn: String?, source: String, confirmed: Bool

        init(_ completion: Completion) throws {
            id = try completion.requireID(); personId = completion.$person.id; courseId = completion.$course.id; completedOn = completion.completedOn
            expiresOn = completion.expiresOn; source = completion.source; confirmed = completion.confirmed
        }
    }

    struct NewCompletion: Content { var personId: UUID?; var courseId: UUID?; var completedOn: String?; var evidence: String? }

    @Sendable static func completions(req: Request) async throws -> [CompletionDTO] {
        let asked = try? req.query.get(UUID.self, at: "personId")
        if asked == nil, try req.requirePrincipal().personID == nil { return [] }
        let person = try await ObjectivesAPI.target(req, asked, write: false)
        return try await Completion.query(on: req.database).filter(\.$person.$id == person.requireID()).sort(\.$completedOn, .descending).all()
            .map(CompletionDTO.init)
    }

    /// HR and administrators record a completion for anyone (counted at once, as an import row
    /// is); anyone else declares their own, with evidence, for their manager to confirm.
    @Sendable static func recordCompletion(req: Request) async throws -> Response {
        let body = try req.content.decode(NewCompletion.self)
        let principal = try req.requirePrincipal()
        let personID = body.personId ?? principal.personID
        guard let personID, let person = try await Person.find(personID, on: req.database) else {
            throw AppError.invalid([.init(field: "personId", message: "Give the id of a person")])
        }
        if principal.has(.hr) || principal.has(.admin) {
            guard try await LineManagement.allows(principal.viewer, target: personID, on: req.database) else { throw AppError.forbidden }
            var errors: [FieldError] = []
            let course = try await body.courseId.asyncMap { try await Course.find($0, on: req.database) } ?? nil
            if course == nil { errors.append(.init(field: "courseId", message: "Give the id of a course in the catalogue")) }
            let date = DateField.required(body.completedOn, field: "completedOn", what: "the date it was completed", errors: &errors)
            if let date, date > .today { errors.append(.init(field: "completedOn", message: "The completion date cannot be in the future")) }
            guard errors.isEmpty, let course, let date else { throw AppError.invalid(errors) }
            let completion = try Completion(personID: personID, course: course, completedOn: date, source: .import, evidence: body.evidence, confirmed: true)
            if try await Completion.query(on: req.database).filter(\.$person.$id == personID).filter(\.$course.$id == course.requireID())
                .filter(\.$completedOn == date.description).count() > 0 {
                throw AppError.conflict("\(course.title) on \(date) is already recorded for \(person.displayName)")
            }
            try await req.create(completion)
            try await ComplianceRecords.completionsChanged(people: [personID], course: try course.requireID(), on: req.database)
            return try await CompletionDTO(completion).encodeResponse(status: .created, for: req)
        }
        guard personID == principal.personID else { throw AppError.forbidden }
        do {
            let completion = try await Completions.declare(.init(course: body.courseId?.uuidString, completed_on: body.completedOn, evidence: body.evidence),
                                                           person: person, on: req)
            return try await CompletionDTO(completion).encodeResponse(status: .created, for: req)
        } catch let error as AppError {
            throw renamed(error, ["course": "courseId", "completed_on": "completedOn"])
        }
    }

    struct ComplianceDTO: Content {
        struct Figures: Content {
            var requirementId: UUID, title: String, total: Int, current: Int, compliant: Int, dueSoon: Int, overdue: Int, notStarted: Int
        }
        struct PersonDTO: Content {
            var personId: UUID, employeeRef: String, name: String, requirementId: UUID, status: String
            var completedOn: String?, expiresOn: String?, dueBy: String?
        }
        var asOf: String
        var unitId: UUID?
        var requirements: [Figures]
        /// With `requirement=`: each person under it, in the unit and its sub-units.
        var people: [PersonDTO]?
    }

    /// Figures for a unit and its sub-units (the whole of the caller's scope without `unit`).
    @Sendable static func compliance(req: Request) async throws -> ComplianceDTO {
        let unit = try? req.query.get(UUID.self, at: "unit"), requirement = try? req.query.get(UUID.self, at: "requirement")
        let viewer = try req.requirePrincipal().viewer, today = CalendarDate.today
        let model = try await OrganisationCompliance.query(unit: unit, requirement: requirement, viewer: viewer, today: today, on: req.database)
        var people: [ComplianceDTO.PersonDTO]?
        if let requirement {
            let units = try await req.database.sql.raw("SELECT id, parent_id, name FROM org_units").all(decoding: OrganisationCompliance.Unit.self)
            let children = Dictionary(grouping: units.filter { $0.parent_id != nil }, by: { $0.parent_id! })
            people = try await ComplianceQueries.people(in: unit.map { OrganisationCompliance.subtreeIDs($0, children: children) }, requirement: requirement,
                                                        scope: PeopleScope(viewer: viewer), limit: 100_000, on: req.database).map { row in
                .init(personId: row.personID, employeeRef: row.employeeNumber, name: row.name, requirementId: row.requirementID,
                      status: row.obligation.status(today: today).code, completedOn: row.obligation.completedOn?.description,
                      expiresOn: row.obligation.expiresOn?.description, dueBy: row.obligation.deadline?.description)
            }
        }
        return ComplianceDTO(asOf: today.description, unitId: unit, requirements: model.requirements.map { column in
            let counts = model.total[column.id] ?? .init()
            return .init(requirementId: column.id, title: column.title, total: counts.total, current: counts.current, compliant: counts.compliant,
                         dueSoon: counts.dueSoon, overdue: counts.overdue, notStarted: counts.notStarted)
        }, people: people)
    }
}
