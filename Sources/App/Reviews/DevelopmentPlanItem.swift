import Fluent
import Foundation

/// One item of a person's development plan: what they will do to develop a framework element
/// (often one rated below what their role expects), by when, and how it is going.
final class DevelopmentPlanItem: Model, @unchecked Sendable {
    static let schema = "development_plan_items"

    enum Method: String, Codable, Sendable, CaseIterable {
        case course, shadowing, coaching, project, other

        var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    enum Status: String, Codable, Sendable, CaseIterable {
        case planned, inProgress, done, dropped

        var label: String {
            switch self {
            case .planned: "Planned"
            case .inProgress: "In progress"
            case .done: "Done"
            case .dropped: "Dropped"
            }
        }
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @OptionalField(key: "element_id") var elementID: UUID?
    @Field(key: "description") var summary: String
    @Field(key: "method") var method: String
    @OptionalField(key: "due_on") var dueOn: String?
    @Field(key: "status") var status: String
    /// How the item arose, e.g. "Rated 2, the role expects 3"; nil when added by hand.
    @OptionalField(key: "gap") var gap: String?
    /// The course that will develop it, and the booking on one of its sessions once made.
    @OptionalField(key: "course_id") var courseID: UUID?
    @OptionalField(key: "booking_id") var bookingID: UUID?

    // relationships
    @Parent(key: "person_id") var person: Person

    init() {}

    var statusValue: Status { Status(rawValue: status) ?? .planned }
    var methodValue: Method { Method(rawValue: method) ?? .other }
}

extension DevelopmentPlanItem: Auditable {
    static let auditEntity = "development_plan_item"
    var auditSnapshot: [String: String?] {
        ["person_id": $person.id.uuidString, "element_id": elementID?.uuidString, "description": summary, "method": method,
         "due_on": dueOn, "status": status, "gap": gap, "course_id": courseID?.uuidString, "booking_id": bookingID?.uuidString]
    }
}
