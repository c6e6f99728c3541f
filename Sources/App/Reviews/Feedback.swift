import Fluent
import Foundation

/// Feedback about a person, tagged to framework elements. Named feedback keeps its writer and
/// date. Anonymous feedback keeps neither (no author, no timestamp), so no page, export or
/// query can tie it to the person who wrote it.
final class FeedbackItem: Model, @unchecked Sendable {
    static let schema = "feedback"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "text") var text: String
    /// Element ids, comma-separated.
    @Field(key: "element_ids") var elementIDs: String
    /// Nil for anonymous feedback.
    @OptionalField(key: "author_id") var authorID: UUID?
    /// `yyyy-mm-dd`; nil for anonymous feedback.
    @OptionalField(key: "given_on") var givenOn: String?

    // relationships
    @Parent(key: "subject_id") var subject: Person
    @OptionalParent(key: "request_id") var request: FeedbackRequest?

    init() {}

    var elements: [UUID] { elementIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
    var isAnonymous: Bool { authorID == nil }
}

/// A request for feedback about a person from named colleagues, made by the person or a manager.
final class FeedbackRequest: Model, @unchecked Sendable {
    static let schema = "feedback_requests"
    /// Anonymous answers are shown only once at least this many have answered.
    static let anonymityThreshold = 3

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "question") var question: String
    @Field(key: "anonymous") var anonymous: Bool
    /// Element ids the answers should speak to, comma-separated.
    @Field(key: "element_ids") var elementIDs: String

    // relationships
    @Parent(key: "subject_id") var subject: Person
    @Parent(key: "requested_by") var requestedBy: Person
    @Children(for: \.$request) var recipients: [FeedbackRecipient]

    init() {}

    var elements: [UUID] { elementIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
}

/// Someone asked for feedback, and whether they have answered. It carries no link to the
/// answer and no time, so an anonymous answer cannot be traced back through it.
final class FeedbackRecipient: Model, @unchecked Sendable {
    static let schema = "feedback_recipients"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "answered") var answered: Bool

    // relationships
    @Parent(key: "request_id") var request: FeedbackRequest
    @Parent(key: "person_id") var person: Person

    init() {}
}
