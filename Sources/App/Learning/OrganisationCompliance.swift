import CapableCore
import Fluent
import Plot
import SQLKit
import Vapor

/// HR's organisation view: for a unit (or the top of what the viewer looks after), each
/// sub-unit's counts per requirement, "42 of 50 (84%)", drilling down to the people; and CSV.
enum OrganisationCompliance {
    struct Query: Content {
        var unit: UUID?
        var requirement: UUID?
    }

    struct Unit: Decodable, Sendable { var id: UUID; var parent_id: UUID?; var name: String }

    /// The page model. `today` and the viewer's scope decide every figure: administrators see
    /// every unit, HR the units they look after and everything below them.
    static func query(unit: UUID?, requirement: UUID?, viewer: Viewer, today: CalendarDate, on db: any Database) async throws -> CompliancePage.Model {
        let units = try await db.sql.raw("SELECT id, parent_id, name FROM org_units").all(decoding: Unit.self)
        let byID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let children = Dictionary(grouping: units.filter { $0.parent_id != nil }, by: { $0.parent_id! })
        let isAdmin = viewer.roles.contains(.admin)
        let allowed: Set<UUID>? = isAdmin ? nil : viewer.hrUnits.reduce(into: Set<UUID>()) { $0.formUnion(subtreeIDs($1, children: children)) }
        if let unit {
            guard byID[unit] != nil else { throw AppError.notFound }
            guard allowed?.contains(unit) ?? true else { throw AppError.forbidden }
        }
        let top: [Unit]
        if let unit {
            top = (children[unit] ?? []).sorted { $0.name < $1.name }
        } else if isAdmin {
            top = units.filter { $0.parent_id == nil }.sorted { $0.name < $1.name }
        } else {
            top = viewer.hrUnits.compactMap { byID[$0] }.sorted { $0.name < $1.name }
        }
        // Each row is a unit with everything below it (within what the viewer may see).
        var rowUnits: [UUID: Set<UUID>] = [:]
        for row in top {
            let below = subtreeIDs(row.id, children: children)
            rowUnits[row.id] = allowed.map { below.intersection($0) } ?? below
        }
        if let unit { rowUnits[unit] = [unit] }
        let counts = try await ComplianceQueries.rowCounts(rowUnits, noUnit: unit == nil && isAdmin, today: today, on: db)
        let requirements = try await ComplianceQueries.requirements(describingAudiences: false, on: db).filter { requirement == nil || $0.id == requirement }
        var rows = top.map { row in
            CompliancePage.UnitRow(id: row.id, name: row.name, drill: !(children[row.id] ?? []).isEmpty, counts: counts[row.id] ?? [:])
        }.filter { !$0.counts.isEmpty }
        // People with no unit on record are counted too, or the totals would hide them.
        if let orphans = counts[nil], !orphans.isEmpty {
            rows.append(.init(id: nil, name: "No unit recorded", drill: false, counts: orphans))
        }
        if let unit, let direct = counts[unit], !direct.isEmpty {
            rows.insert(.init(id: unit, name: "Directly in \(byID[unit]?.name ?? "this unit")", drill: false, counts: direct), at: 0)
        }
        let total = rows.reduce(into: [UUID: ComplianceQueries.Counts]()) { sum, row in sum.merge(row.counts, uniquingKeysWith: +) }
        var path: [(UUID, String)] = []
        var cursor = unit
        while let id = cursor, let found = byID[id], path.count < 64 {
            path.insert((id, found.name), at: 0)
            cursor = found.parent_id
        }
        var people: [CompliancePage.PersonRow] = []
        if let requirement {
            let within = unit.map { subtreeIDs($0, children: children) }
            people = try await ComplianceQueries.people(in: within, requirement: requirement, scope: PeopleScope(viewer: viewer),
                                                        limit: CompliancePage.peopleLimit + 1, on: db)
                .map { .init(personID: $0.personID, name: $0.name, employeeRef: $0.employeeNumber, unit: $0.unitName ?? "", status: $0.obligation.status(today: today)) }
        }
        return CompliancePage.Model(unit: unit, path: path, requirements: requirements.map { .init(id: $0.id, title: $0.title) },
                                    selected: requirement, rows: rows, total: total, people: people)
    }

    static func subtreeIDs(_ root: UUID, children: [UUID: [Unit]]) -> Set<UUID> {
        subtreeIDs(root, children: children, id: \.id)
    }

    /// A unit and every unit below it, from the units grouped by parent (any row type).
    static func subtreeIDs<Row>(_ root: UUID, children: [UUID: [Row]], id: (Row) -> UUID) -> Set<UUID> {
        var found: Set<UUID> = [root], queue = [root]
        while let next = queue.popLast() {
            for child in children[next] ?? [] where found.insert(id(child)).inserted { queue.append(id(child)) }
        }
        return found
    }

    /// A unit and every unit below it, read from the database.
    static func subtreeIDs(_ root: UUID, on db: any Database) async throws -> Set<UUID> {
        let units = try await db.sql.raw("SELECT id, parent_id, name FROM org_units").all(decoding: Unit.self)
        return subtreeIDs(root, children: Dictionary(grouping: units.filter { $0.parent_id != nil }, by: { $0.parent_id! }))
    }

    @Sendable static func page(req: Request) async throws -> HTML {
        let query = try req.query.decode(Query.self)
        let model = try await self.query(unit: query.unit, requirement: query.requirement, viewer: try req.requirePrincipal().viewer, today: .today, on: req.database)
        return CompliancePage.view(model, context: PageContext(req))
    }

    /// Everyone under each requirement (or one) in the unit's subtree, with their status and dates.
    @Sendable static func export(req: Request) async throws -> Response {
        let query = try req.query.decode(Query.self)
        let db = req.database
        let units = try await db.sql.raw("SELECT id, parent_id, name FROM org_units").all(decoding: Unit.self)
        let children = Dictionary(grouping: units.filter { $0.parent_id != nil }, by: { $0.parent_id! })
        let within = query.unit.map { subtreeIDs($0, children: children) }
        let titles = Dictionary(try await ComplianceQueries.requirements(describingAudiences: false, on: db).map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let rows = try await ComplianceQueries.people(in: within, requirement: query.requirement, scope: PeopleScope(viewer: try req.requirePrincipal().viewer),
                                                      limit: 5_000_000, on: db)
        let today = CalendarDate.today
        let cells = rows.map { row -> [String] in
            let status = row.obligation.status(today: today)
            return [row.employeeNumber, row.name, row.unitName ?? "", titles[row.requirementID] ?? "", status.label,
                    row.obligation.completedOn?.description ?? "", row.obligation.expiresOn?.description ?? "", row.obligation.deadline?.description ?? ""]
        }
        try await Audit.append("export", entity: "compliance", id: nil, changes: [FieldChange(field: "rows", old: nil, new: String(cells.count))],
                               context: req.auditContext, on: db)
        return ExportController.csvResponse(CSV.write(header: ["employee_ref", "name", "unit", "requirement", "status", "completed_on", "expires_on", "due_by"], rows: cells),
                                            filename: "compliance.csv")
    }
}
