import CapableCore
import Fluent
import SQLKit
import Vapor

/// People and units as CSV, in the same columns the import reads, so a file can go round trip.
/// Cells that a spreadsheet would run as a formula are neutralised; every export is audited.
enum ExportController {
    struct Row: Decodable {
        var employee_ref: String
        var assignment_no: String
        var given_name: String
        var family_name: String
        var preferred_name: String?
        var work_email: String?
        var job_title: String?
        var unit_code: String?
        var unit_name: String?
        var parent_code: String?
        var manager_ref: String?
        var grade: String?
        var fte: Double?
        var contract_type: String?
        var start_date: String?
        var probation_end_date: String?
        var leaving_date: String?
        var location: String?
    }

    static func rows(scope: PeopleScope, on db: any Database) async throws -> [[String]] {
        var sql = scope.commonTables
        sql += """
             SELECT p.employee_ref, p.assignment_no, p.given_name, p.family_name, p.preferred_name, p.work_email, p.job_title, \
            u.code AS unit_code, u.name AS unit_name, pu.code AS parent_code, m.employee_ref AS manager_ref, p.grade, p.fte, \
            p.contract_type, p.start_date, p.probation_end_date, p.leaving_date, p.location \
            FROM people p LEFT JOIN org_units u ON u.id = p.org_unit_id LEFT JOIN org_units pu ON pu.id = u.parent_id \
            LEFT JOIN people m ON m.id = p.line_manager_id WHERE \(scope.condition(alias: "p")) \
            ORDER BY p.employee_ref, p.assignment_no
            """
        return try await db.sql.raw(sql).all(decoding: Row.self).map { row in
            [row.employee_ref, row.assignment_no, row.given_name, row.family_name, row.preferred_name ?? "", row.work_email ?? "",
             row.job_title ?? "", row.unit_code ?? "", row.unit_name ?? "", row.parent_code ?? "", row.manager_ref ?? "",
             row.grade ?? "", row.fte.map { String($0) } ?? "", row.contract_type ?? "", row.start_date ?? "",
             row.probation_end_date ?? "", row.leaving_date ?? "", row.location ?? ""]
        }
    }

    @Sendable static func people(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let rows = try await rows(scope: PeopleScope(viewer: principal.viewer), on: req.database)
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

    static func csvResponse(_ text: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
