import Fluent

/// Feedback, feedback requests and who was asked.
struct CreateFeedback: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackRequest.schema)
            .id()
            .field("subject_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("requested_by", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("question", .string, .required)
            .field("anonymous", .bool, .required)
            .field("element_ids", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(FeedbackRecipient.schema)
            .id()
            .field("request_id", .uuid, .required, .references(FeedbackRequest.schema, "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("answered", .bool, .required)
            .unique(on: "request_id", "person_id")
            .create()
        try await database.schema(FeedbackItem.schema)
            .id()
            .field("subject_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("request_id", .uuid, .references(FeedbackRequest.schema, "id", onDelete: .cascade))
            .field("text", .string, .required)
            .field("element_ids", .string, .required)
            .field("author_id", .uuid)
            .field("given_on", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FeedbackItem.schema).delete()
        try await database.schema(FeedbackRecipient.schema).delete()
        try await database.schema(FeedbackRequest.schema).delete()
    }
}
