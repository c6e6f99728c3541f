import CapableCore
import Fluent
import Foundation

/// One agreed action: who will do what, by when, and the record it came from. Check-ins,
/// objectives, risks and workshops all add their actions here, so everyone has one list
/// ("My actions") and follow-through can be counted the same way everywhere.
final class ActionItem: Model, @unchecked Sendable {
    static let schema = "actions"

    /// Where an action was agreed.
    enum Source: String, Codable, Sendable, CaseIterable {
        case personal, checkIn, objective, risk, workshop
    }

    enum Status: String, Codable, Sendable, CaseIterable {
        case open, done, dropped
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "description") var summary: String
    /// A calendar date, `yyyy-mm-dd`; nil when none was agreed.
    @OptionalField(key: "due_on") var dueOn: String?
    /// A `Status` raw value.
    @Field(key: "status") var status: String
    @OptionalField(key: "completed_on") var completedOn: String?
    /// A `Source` raw value.
    @Field(key: "source_type") var sourceType: String
    /// The record the action came from (a check-in, a risk, a workshop…), when there is one.
    @OptionalField(key: "source_id") var sourceID: UUID?
    /// How the list names the source, e.g. "Check-in with Sam Okafor, 3 March 2027".
    @Field(key: "source_label") var sourceLabel: String
    /// The account that recorded the action.
    @OptionalField(key: "created_by") var createdBy: UUID?

    // relationships
    @Parent(key: "owner_id") var owner: Person

    init() {}

    init(ownerID: UUID, summary: String, dueOn: String?, source: Source, sourceID: UUID?, sourceLabel: String, createdBy: UUID?) {
        self.$owner.id = ownerID
        self.summary = summary
        self.dueOn = dueOn
        self.status = Status.open.rawValue
        self.sourceType = source.rawValue
        self.sourceID = sourceID
        self.sourceLabel = sourceLabel
        self.createdBy = createdBy
    }

    var statusValue: Status { Status(rawValue: status) ?? .open }

    /// Open and past its due date.
    func isOverdue(today: CalendarDate) -> Bool {
        statusValue == .open && (dueOn.flatMap(CalendarDate.init).map { $0 < today } ?? false)
    }
    var sourceValue: Source { Source(rawValue: sourceType) ?? .personal }
}

extension ActionItem: Auditable {
    static let auditEntity = "action"
    var auditSnapshot: [String: String?] {
        ["owner_id": $owner.id.uuidString, "description": summary, "due_on": dueOn, "status": status,
         "completed_on": completedOn, "source_type": sourceType, "source_id": sourceID?.uuidString]
    }
}
