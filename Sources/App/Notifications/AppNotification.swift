import Fluent
import Foundation

/// One entry in a person's in-app notification list ("a check-in with Sam is overdue"). Each
/// has a key that says what it is about, unique per person, so producing reminders again
/// (from `capable remind`, from the task inside `serve`, or from both at once) adds nothing twice.
final class AppNotification: Model, @unchecked Sendable {
    static let schema = "notifications"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    /// What the notification is about, e.g. `check-in-overdue:<person>:<due date>`.
    @Field(key: "key") var key: String
    @Field(key: "message") var message: String
    /// A site path to act on it.
    @Field(key: "link") var link: String
    @OptionalField(key: "read_at") var readAt: Date?

    // relationships
    @Parent(key: "person_id") var person: Person

    init() {}
}
