import Fluent
import SQLKit

/// Assessments against a pinned framework version, and their ratings.
struct CreateAssessments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Assessment.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("assessor_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("framework_version_id", .uuid, .required, .references(FrameworkVersion.schema, "id"))
            .field("submitted_on", .string)
            .field("shared_with_person", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(AssessmentRating.schema)
            .id()
            .field("assessment_id", .uuid, .required, .references(Assessment.schema, "id", onDelete: .cascade))
            .field("element_id", .uuid, .required)
            .field("level", .int, .required)
            .field("evidence", .string, .required)
            .field("observation_ids", .string, .required)
            .unique(on: "assessment_id", "element_id")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "assessments_person").on(Assessment.schema).column("person_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AssessmentRating.schema).delete()
        try await database.schema(Assessment.schema).delete()
    }
}
