import Fluent

struct CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Account.schema)
            .id()
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("active", .bool, .required)
            .field("password_changed_at", .datetime)
            .field("person_id", .uuid, .references(Person.schema, "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "email")
            .create()
        try await database.schema(AccountRole.schema)
            .id()
            .field("account_id", .uuid, .required, .references(Account.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "account_id", "role")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AccountRole.schema).delete()
        try await database.schema(Account.schema).delete()
    }
}
