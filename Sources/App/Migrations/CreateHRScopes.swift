import Fluent

struct CreateHRScopes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HRScope.schema)
            .id()
            .field("account_id", .uuid, .required, .references(Account.schema, "id", onDelete: .cascade))
            .field("org_unit_id", .uuid, .required, .references(OrgUnit.schema, "id", onDelete: .cascade))
            .unique(on: "account_id", "org_unit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HRScope.schema).delete()
    }
}
