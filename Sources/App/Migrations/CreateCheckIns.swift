import Fluent
import SQLKit

/// Check-ins with their private notes, observations, objectives discussed, and each person's cadence.
struct CreateCheckIns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CheckIn.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("manager_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("held_on", .string, .required)
            .field("shared_notes", .string, .required)
            .field("wellbeing_score", .int)
            .field("wellbeing_note", .string)
            .field("recorded_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(CheckInPrivateNote.schema)
            .id()
            .field("check_in_id", .uuid, .required, .references(CheckIn.schema, "id", onDelete: .cascade))
            .field("author_id", .uuid, .required)
            .field("note", .string, .required)
            .unique(on: "check_in_id", "author_id")
            .create()
        try await database.schema(CheckInObservation.schema)
            .id()
            .field("check_in_id", .uuid, .required, .references(CheckIn.schema, "id", onDelete: .cascade))
            .field("element_id", .uuid, .required)
            .field("example", .string, .required)
            .create()
        try await database.schema(CheckInObjective.schema)
            .id()
            .field("check_in_id", .uuid, .required, .references(CheckIn.schema, "id", onDelete: .cascade))
            .field("objective_id", .uuid, .required, .references(Objective.schema, "id", onDelete: .cascade))
            .unique(on: "check_in_id", "objective_id")
            .create()
        try await database.schema(CheckInCadence.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("weeks", .int, .required)
            .unique(on: "person_id")
            .create()
        if let sql = database as? any SQLDatabase {
            // The team page asks for each report's latest check-in.
            try await sql.create(index: "check_ins_person_held").on(CheckIn.schema).column("person_id").column("held_on").run()
            try await sql.create(index: "check_in_observations_check_in").on(CheckInObservation.schema).column("check_in_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [CheckInCadence.schema, CheckInObjective.schema, CheckInObservation.schema, CheckInPrivateNote.schema, CheckIn.schema] {
            try await database.schema(schema).delete()
        }
    }
}
