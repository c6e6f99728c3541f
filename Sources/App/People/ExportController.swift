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

    static func csvResponse(_ text: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
