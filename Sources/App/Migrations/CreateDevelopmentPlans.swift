import Fluent
import SQLKit

/// Development plan items.
struct CreateDevelopmentPlans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DevelopmentPlanItem.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("element_id", .uuid)
            .field("description", .string, .required)
            .field("method", .string, .required)
            .field("due_on", .string)
            .field("status", .string, .required)
            .field("gap", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "development_plan_items_person").on(DevelopmentPlanItem.schema).column("person_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DevelopmentPlanItem.schema).delete()
    }
}
