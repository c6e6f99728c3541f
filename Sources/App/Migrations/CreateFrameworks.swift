import Fluent

struct CreateFrameworks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("frameworks")
            .id()
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("owner", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("implemented_on", .string)
            .field("amended_on", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("frameworks").delete()
    }
}
