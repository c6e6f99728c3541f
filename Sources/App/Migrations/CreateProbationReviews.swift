import Fluent

/// Probation reviews.
struct CreateProbationReviews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProbationReview.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("manager_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("due_on", .string, .required)
            .field("held_on", .string, .required)
            .field("notes", .string, .required)
            .field("assessment_id", .uuid)
            .field("outcome", .string)
            .field("new_end_date", .string)
            .field("created_at", .datetime)
            .unique(on: "person_id", "due_on")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProbationReview.schema).delete()
    }
}
