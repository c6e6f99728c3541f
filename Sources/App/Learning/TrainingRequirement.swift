import CapableCore
import Fluent
import Foundation

/// Mandatory training: a course that everyone in an audience must complete within a number of
/// days of coming under it, and again every so often, with the reason why shown to them.
final class TrainingRequirement: Model, @unchecked Sendable {
    static let schema = "training_requirements"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// JSON of `Audience`.
    @Field(key: "audience") var audienceJSON: String
    @Field(key: "reason") var reason: String
    @Field(key: "due_within_days") var dueWithinDays: Int
    /// Overrides the course's validity when set.
    @OptionalField(key: "refresher_months") var refresherMonths: Int?
    @Field(key: "applies_from") var appliesFrom: String

    // relationships
    @Parent(key: "course_id") var course: Course

    init() {}

    var audience: Audience? { try? JSONDecoder().decode(Audience.self, from: Data(audienceJSON.utf8)) }

    /// The rule `Compliance` applies, given the course's own validity.
    func rule(courseValidity: Int?) -> Compliance.Rule {
        Compliance.Rule(dueWithinDays: dueWithinDays, validityMonths: refresherMonths ?? courseValidity,
                        appliesFrom: CalendarDate(appliesFrom) ?? .epoch)
    }
}

extension TrainingRequirement: Auditable {
    static let auditEntity = "training_requirement"
    var auditSnapshot: [String: String?] {
        ["course_id": $course.id.uuidString, "audience": audienceJSON, "reason": reason, "due_within_days": String(dueWithinDays),
         "refresher_months": refresherMonths.map(String.init), "applies_from": appliesFrom]
    }
}

/// A record that someone completed a course. Self-declared completions count once a line
/// manager confirms them; attendance and imports count at once.
final class Completion: Model, @unchecked Sendable {
    static let schema = "completions"

    enum Source: String, Codable, Sendable, CaseIterable {
        case attendance, `import`, selfDeclared = "self-declared"

        var label: String {
            switch self {
            case .attendance: "Attended a session"
            case .import: "Imported from the learning system"
            case .selfDeclared: "Declared by the person"
            }
        }
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "completed_on") var completedOn: String
    @OptionalField(key: "expires_on") var expiresOn: String?
    @Field(key: "source") var source: String
    /// What the person gives as proof for a self-declared completion, e.g. a certificate number.
    @OptionalField(key: "evidence") var evidence: String?
    @Field(key: "confirmed") var confirmed: Bool

    // relationships
    @Parent(key: "person_id") var person: Person
    @Parent(key: "course_id") var course: Course
    @OptionalParent(key: "confirmed_by_id") var confirmedBy: Person?
    @OptionalParent(key: "booking_id") var booking: Booking?

    init() {}

    init(personID: UUID, course: Course, completedOn: CalendarDate, source: Source, evidence: String? = nil, confirmed: Bool) throws {
        self.$person.id = personID
        self.$course.id = try course.requireID()
        self.completedOn = completedOn.description
        self.expiresOn = course.expiry(completedOn: completedOn)
        self.source = source.rawValue
        self.evidence = evidence
        self.confirmed = confirmed
    }

    var sourceValue: Source { Source(rawValue: source) ?? .import }
}

extension Completion: Auditable {
    static let auditEntity = "completion"
    var auditSnapshot: [String: String?] {
        ["person_id": $person.id.uuidString, "course_id": $course.id.uuidString, "completed_on": completedOn, "expires_on": expiresOn,
         "source": source, "evidence": evidence, "confirmed": String(confirmed), "confirmed_by_id": $confirmedBy.id?.uuidString,
         "booking_id": $booking.id?.uuidString]
    }
}

/// An LMS export uploaded for import, kept until applied so HR can check the dry run first.
/// Only its uploader and administrators see it: it holds personal data.
final class CompletionImportFile: Model, @unchecked Sendable {
    static let schema = "completion_imports"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "filename") var filename: String
    @Field(key: "content") var content: String
    /// checked or applied.
    @Field(key: "status") var status: String
    /// What applying did, in words.
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "applied_at") var appliedAt: Date?
    @Parent(key: "account_id") var account: Account

    init() {}

    init(accountID: UUID, filename: String, content: String) {
        self.$account.id = accountID
        self.filename = filename
        self.content = content
        self.status = "checked"
    }
}

extension CompletionImportFile: Auditable {
    static let auditEntity = "completion_import"
    var auditSnapshot: [String: String?] { ["filename": filename, "status": status, "outcome": outcome] }
}
