import Fluent
import SQLKit

/// Objectives, the framework elements they link to, and their progress updates.
struct CreateObjectives: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Objective.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("outcome", .string, .required)
            .field("due_on", .string, .required)
            .field("status", .string, .required)
            .field("proposed_by", .uuid)
            .field("agreed_on", .string)
            .field("agreed_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(ObjectiveElement.schema)
            .id()
            .field("objective_id", .uuid, .required, .references(Objective.schema, "id", onDelete: .cascade))
            .field("element_id", .uuid, .required)
            .unique(on: "objective_id", "element_id")
            .create()
        try await database.schema(ObjectiveUpdate.schema)
            .id()
            .field("objective_id", .uuid, .required, .references(Objective.schema, "id", onDelete: .cascade))
            .field("written_on", .string, .required)
            .field("status", .string, .required)
            .field("note", .string, .required)
            .field("author_name", .string, .required)
            .field("author_person_id", .uuid)
            .field("created_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "objectives_person").on(Objective.schema).column("person_id").run()
            try await sql.create(index: "objective_updates_objective").on(ObjectiveUpdate.schema).column("objective_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ObjectiveUpdate.schema).delete()
        try await database.schema(ObjectiveElement.schema).delete()
        try await database.schema(Objective.schema).delete()
    }
}
