import Fluent

struct CreatePeopleImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PeopleImportFile.schema)
            .id()
            .field("account_id", .uuid, .required, .references(Account.schema, "id", onDelete: .cascade))
            .field("filename", .string, .required)
            .field("content", .string, .required)
            .field("deactivate_missing", .bool, .required)
            .field("mapping", .string)
            .field("outcome", .string)
            .field("applied_at", .datetime)
            .field("status", .string, .required)
            .field("started_at", .datetime)
            .field("failure", .string)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PeopleImportFile.schema).delete()
    }
}
