import CapableCore
import Fluent
import SQLKit
import Vapor

/// `/api/v1/org-units` and `/api/v1/people`: the same rules as the pages, as JSON.
enum PeopleAPI {
    struct PersonDTO: Content {
        var id: UUID
        var employeeRef: String
        var assignmentNo: String
        var givenName: String
        var familyName: String
        var preferredName: String?
        var workEmail: String?
        var jobTitle: String?
        var grade: String?
        var fte: Double?
        var contractType: String?
        var orgUnitId: UUID?
        var lineManagerId: UUID?
        var startDate: String?
        var probationEndDate: String?
        var leavingDate: String?
        var location: String?
        var active: Bool

        init(_ p: Person) throws {
            id = try p.requireID()
            employeeRef = p.employeeRef; assignmentNo = p.assignmentNo; givenName = p.givenName; familyName = p.familyName
            preferredName = p.preferredName; workEmail = p.workEmail; jobTitle = p.jobTitle; grade = p.grade; fte = p.fte
            contractType = p.contractType; orgUnitId = p.$orgUnit.id; lineManagerId = p.$lineManager.id; startDate = p.startDate
            probationEndDate = p.probationEndDate; leavingDate = p.leavingDate; location = p.location; active = p.active
        }
    }

    struct PersonSummary: Content {
        var id: UUID
        var employeeRef: String
        var assignmentNo: String
        var name: String
        var jobTitle: String?
        var grade: String?
        var orgUnitId: UUID?
        var orgUnitName: String?
        var lineManagerId: UUID?
        var active: Bool

        init(_ row: PeopleQueries.Row) {
            id = row.id; employeeRef = row.employee_ref; assignmentNo = row.assignment_no; name = row.displayName
            jobTitle = row.job_title; grade = row.grade; orgUnitId = row.org_unit_id; orgUnitName = row.unit_name
            lineManagerId = row.line_manager_id; active = row.active
        }
    }

    struct Page<Item: Content>: Content {
        var items: [Item]
        var page: Int
        var perPage: Int
        var hasNext: Bool
    }

    struct OrgUnitDTO: Content {
        var id: UUID
        var code: String
        var name: String
        var parentId: UUID?
        var people: Int
    }

    @Sendable static func orgUnits(req: Request) async throws -> [OrgUnitDTO] {
        try await OrgUnitsController.units(on: req.database).map { OrgUnitDTO(id: $0.id, code: $0.code, name: $0.name, parentId: $0.parent_id, people: $0.people) }
    }

    @Sendable static func list(req: Request) async throws -> Page<PersonSummary> {
        let principal = try req.requirePrincipal()
        let page = max(1, min(req.query[Int.self, at: "page"] ?? 1, 100_000))
        let perPage = max(1, min(req.query[Int.self, at: "perPage"] ?? 100, 500))
        let search = PeopleQueries.Search(text: req.query[String.self, at: "q"], unitID: req.query[UUID.self, at: "orgUnitId"],
                                          includeLeavers: req.query[Bool.self, at: "includeLeavers"] ?? false,
                                          limit: perPage, offset: (page - 1) * perPage)
        let rows = try await PeopleQueries.search(search, scope: PeopleScope(viewer: principal.viewer), on: req.database)
        return Page(items: rows.prefix(perPage).map(PersonSummary.init), page: page, perPage: perPage, hasNext: rows.count > perPage)
    }

    @Sendable static func show(req: Request) async throws -> PersonDTO {
        try PersonDTO(try await find(req))
    }

    @Sendable static func reports(req: Request) async throws -> [PersonSummary] {
        let person = try await find(req)
        let principal = try req.requirePrincipal()
        let rows = try await PeopleQueries.search(.init(managerID: try person.requireID(), limit: 10_000),
                                                  scope: PeopleScope(viewer: principal.viewer), on: req.database)
        return rows.map(PersonSummary.init)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(PersonInput.self)
        try await requireManages(unit: input.orgUnitId, principal: principal, on: req.database)
        let errors = try await input.problems(for: nil, on: req.database)
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        let person = Person()
        input.apply(to: person)
        try await req.create(person)
        return try await PersonDTO(person).encodeResponse(status: .created, for: req)
    }

    @Sendable static func update(req: Request) async throws -> PersonDTO {
        let principal = try req.requirePrincipal()
        let person = try await find(req)
        let input = try req.content.decode(PersonInput.self)
        // Moving someone into a unit needs the right to manage that unit too.
        try await requireManages(unit: input.orgUnitId, principal: principal, on: req.database)
        let errors = try await input.problems(for: person, on: req.database)
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        let wasActive = person.active
        try await req.update(person) { input.apply(to: $0) }
        if wasActive, !person.active { try await PeopleWrites.endAccess(forPerson: try person.requireID(), on: req) }
        try await ComplianceRecords.personChanged(person, on: req.database)
        return try PersonDTO(person)
    }

    private static func find(_ req: Request) async throws -> Person {
        guard let id = req.parameters.get("personID", as: UUID.self), let person = try await Person.find(id, on: req.database) else {
            throw AppError.notFound
        }
        return person
    }

    /// HR may place people only in the units they look after; administrators anywhere.
    private static func requireManages(unit: UUID?, principal: Principal, on db: any Database) async throws {
        if principal.has(.admin) { return }
        guard let unit else { throw AppError.invalid([.init(field: "orgUnitId", message: "Choose the organisation unit")]) }
        let above = [unit] + (try await Hierarchy.ancestors(of: unit) { try await OrgUnit.find($0, on: db)?.$parent.id })
        guard principal.has(.hr), above.contains(where: principal.hrUnits.contains) else { throw AppError.forbidden }
    }
}
