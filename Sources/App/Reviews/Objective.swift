import Fluent
import Foundation

/// An objective: an outcome a person will achieve, agreed with their manager. Either of them can
/// propose one; it counts as agreed once the other has accepted it. Progress updates keep the
/// history both can see, so the yearly review is written from the record, not from memory.
final class Objective: Model, @unchecked Sendable {
    static let schema = "objectives"

    enum Status: String, Codable, Sendable, CaseIterable {
        case onTrack, atRisk, offTrack, done, dropped

        var label: String {
            switch self {
            case .onTrack: "On track"
            case .atRisk: "At risk"
            case .offTrack: "Off track"
            case .done: "Done"
            case .dropped: "Dropped"
            }
        }

        /// A tag colour that repeats what the words say.
        var colour: String {
            switch self {
            case .onTrack: "green"
            case .atRisk: "yellow"
            case .offTrack: "red"
            case .done: "blue"
            case .dropped: "grey"
            }
        }
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "title") var title: String
    /// What success looks like: the outcome, not the activity.
    @Field(key: "outcome") var outcome: String
    /// `yyyy-mm-dd`.
    @Field(key: "due_on") var dueOn: String
    /// A `Status` raw value.
    @Field(key: "status") var status: String
    /// The person who proposed it: the owner or one of their managers.
    @OptionalField(key: "proposed_by") var proposedBy: UUID?
    /// When the other party accepted it; nil while it is only proposed.
    @OptionalField(key: "agreed_on") var agreedOn: String?
    @OptionalField(key: "agreed_by") var agreedBy: UUID?

    // relationships
    @Parent(key: "person_id") var person: Person
    @Children(for: \.$objective) var elements: [ObjectiveElement]
    @Children(for: \.$objective) var updates: [ObjectiveUpdate]

    init() {}

    var statusValue: Status { Status(rawValue: status) ?? .onTrack }
}

extension Objective: Auditable {
    static let auditEntity = "objective"
    var auditSnapshot: [String: String?] {
        ["person_id": $person.id.uuidString, "title": title, "outcome": outcome, "due_on": dueOn, "status": status,
         "agreed_on": agreedOn]
    }
}

/// A framework element an objective develops or shows, by the element's stable id.
final class ObjectiveElement: Model, @unchecked Sendable {
    static let schema = "objective_elements"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "element_id") var elementID: UUID

    // relationships
    @Parent(key: "objective_id") var objective: Objective

    init() {}

    init(objectiveID: UUID, elementID: UUID) {
        self.$objective.id = objectiveID
        self.elementID = elementID
    }
}

/// A dated progress note on an objective, with the status it was given then.
final class ObjectiveUpdate: Model, @unchecked Sendable {
    static let schema = "objective_updates"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// `yyyy-mm-dd`.
    @Field(key: "written_on") var writtenOn: String
    @Field(key: "status") var status: String
    @Field(key: "note") var note: String
    /// Who wrote it, as shown in the history.
    @Field(key: "author_name") var authorName: String
    @OptionalField(key: "author_person_id") var authorPersonID: UUID?

    // relationships
    @Parent(key: "objective_id") var objective: Objective

    init() {}
}
