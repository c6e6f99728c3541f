import Fluent
import Foundation

/// A one-to-one between a person and their manager (or another manager in their line): when it
/// was, shared notes both see, the objectives discussed, behaviours observed, and an optional
/// wellbeing check that only the two of them see. Private notes and agreed actions hang off it.
final class CheckIn: Model, @unchecked Sendable {
    static let schema = "check_ins"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// `yyyy-mm-dd`.
    @Field(key: "held_on") var heldOn: String
    @Field(key: "shared_notes") var sharedNotes: String
    /// Psychological and physical safety, 1 (not at all safe) to 5 (completely safe); optional.
    @OptionalField(key: "wellbeing_score") var wellbeingScore: Int?
    @OptionalField(key: "wellbeing_note") var wellbeingNote: String?
    @OptionalField(key: "recorded_by") var recordedBy: UUID?

    // relationships
    /// The person whose check-in it is.
    @Parent(key: "person_id") var person: Person
    /// The manager they met.
    @Parent(key: "manager_id") var manager: Person
    @Children(for: \.$checkIn) var observations: [CheckInObservation]
    @Children(for: \.$checkIn) var objectives: [CheckInObjective]

    init() {}

    /// Whether someone took part (and so may read the shared notes and the wellbeing answer).
    func isParticipant(_ personID: UUID?) -> Bool {
        guard let personID else { return false }
        return personID == $person.id || personID == $manager.id
    }
}

extension CheckIn: Auditable {
    static let auditEntity = "check_in"
    /// Notes and wellbeing answers stay out of the audit log: it records that they changed, not what they say.
    var auditSnapshot: [String: String?] {
        ["person_id": $person.id.uuidString, "manager_id": $manager.id.uuidString, "held_on": heldOn,
         "shared_notes": sharedNotes.isEmpty ? nil : "(\(sharedNotes.count) characters)",
         "wellbeing": wellbeingScore == nil ? nil : "(answered)"]
    }
}

/// A note only its writer ever sees: not the other person, not HR, not an administrator.
final class CheckInPrivateNote: Model, @unchecked Sendable {
    static let schema = "check_in_private_notes"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "author_id") var authorID: UUID
    @Field(key: "note") var note: String

    // relationships
    @Parent(key: "check_in_id") var checkIn: CheckIn

    init() {}
}

/// A behaviour seen since the last check-in: a framework element and a short example. These are
/// the evidence the yearly review rolls up.
final class CheckInObservation: Model, @unchecked Sendable {
    static let schema = "check_in_observations"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "element_id") var elementID: UUID
    @Field(key: "example") var example: String

    // relationships
    @Parent(key: "check_in_id") var checkIn: CheckIn

    init() {}
}

/// An objective talked about at a check-in.
final class CheckInObjective: Model, @unchecked Sendable {
    static let schema = "check_in_objectives"

    // managed fields
    @ID(key: .id) var id: UUID?

    // relationships
    @Parent(key: "check_in_id") var checkIn: CheckIn
    @Parent(key: "objective_id") var objective: Objective

    init() {}
}

/// How often a person should have a check-in; without a row, every four weeks.
final class CheckInCadence: Model, @unchecked Sendable {
    static let schema = "check_in_cadences"
    static let defaultWeeks = 4

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "weeks") var weeks: Int

    // relationships
    @Parent(key: "person_id") var person: Person

    init() {}
}
