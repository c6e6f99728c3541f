import CapableCore
import Fluent
import SQLKit
import Vapor

/// People and units as CSV, in the same columns the import reads, so a file can go round trip.
/// Cells that a spreadsheet would run as a formula are neutralised; every export is audited.
enum ExportController {
    @Sendable static func people(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let rows = try await PeopleImport.rows(scope: PeopleScope(viewer: principal.viewer), on: req.database).map(\.hrCells)
        try await Audit.append("export", entity: "people", id: nil, changes: [FieldChange(field: "rows", old: nil, new: String(rows.count))],
                               context: req.auditContext, on: req.database)
        return csvResponse(CSV.write(header: HRColumn.allCases.map(\.rawValue), rows: rows), filename: "people.csv")
    }

    @Sendable static func units(req: Request) async throws -> Response {
        let units = try await OrgUnitsController.units(on: req.database)
        let codes = Dictionary(units.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
        let rows = units.map { [$0.code, $0.name, $0.parent_id.flatMap { codes[$0] } ?? "", String($0.people)] }
        try await Audit.append("export", entity: "org_units", id: nil, changes: [FieldChange(field: "rows", old: nil, new: String(rows.count))],
                               context: req.auditContext, on: req.database)
        return csvResponse(CSV.write(header: ["org_unit_code", "org_unit_name", "parent_org_unit_code", "people"], rows: rows), filename: "org-units.csv")
    }

    /// My team as CSV: the signed-in manager's reports (direct, or with `?all=1` everyone below),
    /// with the same check-in and objective columns as the page.
    @Sendable static func team(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let indirect = req.query[String.self, at: "all"] == "1"
        let today = CalendarDate.today
        let rows = try await principal.personID.asyncMap { me in
            try await PeopleQueries.team(of: me, indirect: indirect, limit: 100_000, offset: 0, on: req.database).rows
        } ?? []
        let pdr = try await ReviewCycles.stages(of: rows.map(\.id), on: req.database)
        let cells = rows.map { row -> [String] in
            let next = CheckInSchedule.nextDue(last: row.last_check_in, startDate: row.start_date, weeks: row.cadence_weeks, today: today)
            return [row.displayName, row.job_title ?? "", row.unit_name ?? "",
                    [row.manager_given_name, row.manager_family_name].compactMap { $0 }.joined(separator: " "), String(row.depth),
                    row.probation_end_date ?? "", row.last_check_in ?? "", next.description, next < today ? "yes" : "no",
                    String(row.objectives_at_risk), pdr[row.id]?.stage ?? ""]
        }
        try await Audit.append("export", entity: "team", id: nil, changes: [FieldChange(field: "rows", old: nil, new: String(cells.count))],
                               context: req.auditContext, on: req.database)
        return csvResponse(CSV.write(header: ["name", "job_title", "unit", "line_manager", "levels_below_you", "probation_end_date",
                                              "last_check_in", "next_check_in", "check_in_overdue", "objectives_at_risk", "pdr_stage"], rows: cells),
                           filename: "my-team.csv")
    }

    static func csvResponse(_ text: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
