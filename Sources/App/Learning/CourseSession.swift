import CapableCore
import Fluent
import Foundation

/// A face-to-face session of a course: a day, a time in UK local time, a place, a trainer and a
/// number of places. `sequence` goes up with every change that calendar copies must follow.
final class CourseSession: Model, @unchecked Sendable {
    static let schema = "course_sessions"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "starts_on") var startsOn: String
    /// "HH:MM", Europe/London.
    @Field(key: "start_time") var startTime: String
    @Field(key: "end_time") var endTime: String
    @Field(key: "location") var location: String
    @Field(key: "capacity") var capacity: Int
    /// Whether a booking waits for the person's line manager to approve it.
    @Field(key: "needs_approval") var needsApproval: Bool
    @Field(key: "sequence") var sequence: Int
    @Field(key: "cancelled") var cancelled: Bool

    // relationships
    @Parent(key: "course_id") var course: Course
    /// Marks attendance; nil when the trainer has left.
    @OptionalParent(key: "trainer_id") var trainer: Person?

    init() {}

    var date: CalendarDate? { CalendarDate(startsOn) }

    /// "Thursday 3 December 2026, 09:30 to 12:30".
    var when: String { "\(DisplayFormat.calendarDate(startsOn)), \(startTime) to \(endTime)" }
}

extension CourseSession: Auditable {
    static let auditEntity = "course_session"
    var auditSnapshot: [String: String?] {
        ["course_id": $course.id.uuidString, "starts_on": startsOn, "start_time": startTime, "end_time": endTime, "location": location,
         "trainer_id": $trainer.id?.uuidString, "capacity": String(capacity), "needs_approval": String(needsApproval),
         "sequence": String(sequence), "cancelled": String(cancelled)]
    }
}

/// A person's place on a session, or their place in the queue for one.
final class Booking: Model, @unchecked Sendable {
    static let schema = "bookings"

    enum Status: String, Codable, Sendable, CaseIterable {
        /// Holds a place until the line manager decides.
        case awaitingApproval = "awaiting-approval"
        case booked
        /// On the waiting list, in `queuedAt` order.
        case waiting
        case cancelled
        case declined
        case attended
        case noShow = "no-show"

        var label: String {
            switch self {
            case .awaitingApproval: "Awaiting approval"
            case .booked: "Booked"
            case .waiting: "Waiting list"
            case .cancelled: "Cancelled"
            case .declined: "Declined"
            case .attended: "Attended"
            case .noShow: "Did not attend"
            }
        }

        /// The statuses that take one of the session's places.
        static let holdingPlace: [Status] = [.awaitingApproval, .booked, .attended, .noShow]
        /// The statuses that are still open: a person with one of these cannot book again.
        static let live: [Status] = [.awaitingApproval, .booked, .waiting, .attended, .noShow]
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "status") var status: String
    /// When the person asked: the waiting list is served in this order.
    @Field(key: "queued_at") var queuedAt: Date
    /// Goes up with each change, for the calendar copy of this booking.
    @Field(key: "sequence") var sequence: Int

    // relationships
    @Parent(key: "session_id") var session: CourseSession
    @Parent(key: "person_id") var person: Person
    /// Who made the booking: the person, or their manager.
    @OptionalParent(key: "booked_by_id") var bookedBy: Person?

    init() {}

    init(sessionID: UUID, personID: UUID, bookedBy: UUID?, status: Status) {
        self.$session.id = sessionID
        self.$person.id = personID
        self.$bookedBy.id = bookedBy
        self.status = status.rawValue
        self.queuedAt = Date()
        self.sequence = 0
    }

    var statusValue: Status { Status(rawValue: status) ?? .cancelled }
}

extension Booking: Auditable {
    static let auditEntity = "booking"
    var auditSnapshot: [String: String?] {
        ["session_id": $session.id.uuidString, "person_id": $person.id.uuidString, "booked_by_id": $bookedBy.id?.uuidString,
         "status": status, "sequence": String(sequence)]
    }
}
