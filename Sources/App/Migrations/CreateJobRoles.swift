import Fluent

/// Job roles, the units they sit in, their framework requirements, and each person's role.
struct CreateJobRoles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(JobRole.schema)
            .id()
            .field("title", .string, .required)
            .field("grade_low", .string)
            .field("grade_high", .string)
            .field("purpose", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(JobRoleUnit.schema)
            .id()
            .field("job_role_id", .uuid, .required, .references(JobRole.schema, "id", onDelete: .cascade))
            .field("org_unit_id", .uuid, .required, .references(OrgUnit.schema, "id", onDelete: .cascade))
            .unique(on: "job_role_id", "org_unit_id")
            .create()
        try await database.schema(JobRoleRequirement.schema)
            .id()
            .field("job_role_id", .uuid, .required, .references(JobRole.schema, "id", onDelete: .cascade))
            .field("element_id", .uuid, .required)
            .field("level", .int)
            .field("essential", .bool, .required)
            .unique(on: "job_role_id", "element_id")
            .create()
        try await database.schema(Person.schema)
            .field("job_role_id", .uuid, .references(JobRole.schema, "id", onDelete: .setNull))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Person.schema).deleteField("job_role_id").update()
        try await database.schema(JobRoleRequirement.schema).delete()
        try await database.schema(JobRoleUnit.schema).delete()
        try await database.schema(JobRole.schema).delete()
    }
}
