import Fluent
import SQLKit

/// Yearly review cycles, each person's review in a cycle, calibration adjustments, and the
/// in-app notification list that reminders write to.
struct CreateReviewCycles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReviewCycle.schema)
            .id()
            .field("title", .string, .required)
            .field("framework_id", .uuid, .required)
            .field("audience", .string, .required)
            .field("opens_on", .string, .required)
            .field("self_due_on", .string, .required)
            .field("manager_due_on", .string, .required)
            .field("closes_on", .string, .required)
            .field("calibrated_on", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema(PerformanceReview.schema)
            .id()
            .field("cycle_id", .uuid, .required, .references(ReviewCycle.schema, "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("manager_id", .uuid, .references(Person.schema, "id", onDelete: .setNull))
            .field("self_assessment_id", .uuid)
            .field("manager_assessment_id", .uuid)
            .field("meeting_on", .string)
            .field("meeting_notes", .string, .required)
            .field("plan_agreed_on", .string)
            .field("person_signed_on", .string)
            .field("manager_signed_on", .string)
            .unique(on: "cycle_id", "person_id")
            .create()
        try await database.schema(ReviewAdjustment.schema)
            .id()
            .field("review_id", .uuid, .required, .references(PerformanceReview.schema, "id", onDelete: .cascade))
            .field("element_id", .uuid, .required)
            .field("from_level", .int, .required)
            .field("to_level", .int, .required)
            .field("reason", .string, .required)
            .field("adjusted_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(AppNotification.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("message", .string, .required)
            .field("link", .string, .required)
            .field("created_at", .datetime)
            .field("read_at", .datetime)
            .unique(on: "person_id", "key")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "reviews_person").on(PerformanceReview.schema).column("person_id").run()
            try await sql.create(index: "reviews_manager").on(PerformanceReview.schema).column("manager_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AppNotification.schema).delete()
        try await database.schema(ReviewAdjustment.schema).delete()
        try await database.schema(PerformanceReview.schema).delete()
        try await database.schema(ReviewCycle.schema).delete()
    }
}
