import CapableCore
import Fluent
import Vapor

/// Adding face-to-face sessions, shared by the session form and the API.
enum CourseSessions {
    struct Input: Content, Sendable {
        var starts_on: String?
        var start_time: String?
        var end_time: String?
        var location: String?
        /// The trainer's employee number; they mark attendance.
        var trainer: String?
        var capacity: String?
        var needs_approval: String?
    }

    static func validate(_ input: Input, on db: any Database) async throws -> Result<(date: CalendarDate, start: String, end: String, location: String, trainer: UUID?, capacity: Int, approval: Bool), AppError> {
        var errors: [FieldError] = []
        let date = DateField.required(input.starts_on, field: "starts_on", what: "the date of the session", errors: &errors)
        if let date, date < .today { errors.append(.init(field: "starts_on", message: "The date of the session must be today or in the future")) }
        let anyDay = CalendarDate.today
        let start = LocalDateTime(date: anyDay, time: (input.start_time ?? "").trimmingCharacters(in: .whitespaces))
        let end = LocalDateTime(date: anyDay, time: (input.end_time ?? "").trimmingCharacters(in: .whitespaces))
        if start == nil { errors.append(.init(field: "start_time", message: "Enter the start time as HH:MM in the 24-hour clock, like 09:30")) }
        if end == nil { errors.append(.init(field: "end_time", message: "Enter the end time as HH:MM in the 24-hour clock, like 12:30")) }
        if let start, let end, end <= start { errors.append(.init(field: "end_time", message: "The end time must be after the start time")) }
        let location = (input.location ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if location.isEmpty { errors.append(.init(field: "location", message: "Enter where the session is held")) }
        if location.count > 300 { errors.append(.init(field: "location", message: "The location must be 300 characters or fewer")) }
        let trainer = try await StaffNumber.resolve(input.trainer, field: "trainer", who: "the trainer", required: false, errors: &errors, on: db)
        let capacity = Int((input.capacity ?? "").trimmingCharacters(in: .whitespaces))
        if capacity == nil || !(1...500).contains(capacity ?? 0) { errors.append(.init(field: "capacity", message: "Enter the number of places, from 1 to 500")) }
        guard errors.isEmpty, let date, let start, let end, let capacity else { return .failure(.invalid(errors)) }
        return .success((date, start.time, end.time, location, trainer, capacity, input.needs_approval == "yes"))
    }

    static func create(_ input: Input, course: Course, on req: Request) async throws -> CourseSession {
        guard course.modeValue != .online else {
            throw AppError.invalid([.init(field: "course", message: "\(course.title) is online only; change its mode to add sessions")])
        }
        switch try await validate(input, on: req.database) {
        case .failure(let error): throw error
        case .success(let clean):
            let session = CourseSession()
            session.$course.id = try course.requireID()
            session.startsOn = clean.date.description
            session.startTime = clean.start
            session.endTime = clean.end
            session.location = clean.location
            session.$trainer.id = clean.trainer
            session.capacity = clean.capacity
            session.needsApproval = clean.approval
            session.sequence = 0
            session.cancelled = false
            try await req.create(session)
            return session
        }
    }

    /// The calendar entry for a session as `person` holds it: cancelled when their booking is.
    static func event(_ session: CourseSession, course: Course, booking: Booking?) throws -> CalendarEvent? {
        guard let day = session.date, let start = LocalDateTime(date: day, time: session.startTime),
              let end = LocalDateTime(date: day, time: session.endTime) else { return nil }
        let cancelled = session.cancelled || [.cancelled, .declined].contains(booking?.statusValue)
        return CalendarEvent(uid: "session-\(try session.requireID().uuidString.lowercased())@capable",
                             sequence: session.sequence + (booking?.sequence ?? 0), stamp: booking?.updatedAt ?? session.updatedAt ?? Date(),
                             start: start, end: end, summary: course.title, location: session.location,
                             description: "\(course.title) (\(course.code)), \(course.duration).", cancelled: cancelled)
    }
}
