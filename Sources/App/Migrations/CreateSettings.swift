import Fluent

/// Values Capable keeps for itself: the setup token's hash, the pre-sign-in CSRF key.
struct CreateSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Setting.schema)
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Setting.schema).delete()
    }
}
