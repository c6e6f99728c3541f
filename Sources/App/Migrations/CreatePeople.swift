import Fluent

/// Organisation units and people. Created together because each refers to the other
/// (a unit's head is a person; a person belongs to a unit).
struct CreatePeople: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrgUnit.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("parent_id", .uuid, .references(OrgUnit.schema, "id"))
            .field("head_person_id", .uuid)
            .unique(on: "code")
            .create()
        try await database.schema(Person.schema)
            .id()
            .field("employee_ref", .string, .required)
            .field("assignment_no", .string, .required)
            .field("given_name", .string, .required)
            .field("family_name", .string, .required)
            .field("preferred_name", .string)
            .field("work_email", .string)
            .field("job_title", .string)
            .field("grade", .string)
            .field("fte", .double)
            .field("contract_type", .string)
            .field("start_date", .string)
            .field("probation_end_date", .string)
            .field("leaving_date", .string)
            .field("location", .string)
            .field("active", .bool, .required)
            .field("org_unit_id", .uuid, .references(OrgUnit.schema, "id"))
            .field("line_manager_id", .uuid, .references(Person.schema, "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "employee_ref", "assignment_no")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Person.schema).delete()
        try await database.schema(OrgUnit.schema).delete()
    }
}
