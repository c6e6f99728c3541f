import CapableCore
import Fluent
import Foundation
import SQLKit

/// Importing staff from an HR system's CSV export: read, plan (the dry run), apply. The rules
/// live in `HRImportPlanner`; this type reads what exists and writes the plan, in one transaction.
enum PeopleImport {
    /// Reads the file. Excel's plain "CSV" is Windows-1252, not UTF-8, so a file that is not
    /// UTF-8 is read as Windows-1252 before giving up: names like Siân and O’Brien survive.
    static func read(_ data: Data) throws -> CSVTable {
        do {
            return try CSV.parse(data)
        } catch .notUTF8 {
            guard let text = String(data: data, encoding: .windowsCP1252) else { throw CSVError.notUTF8(line: 1) }
            return try CSV.parse(Data(text.utf8))
        }
    }

    struct ExistingRow: Decodable {
        var id: UUID
        var employee_ref: String
        var assignment_no: String
        var given_name: String
        var family_name: String
        var preferred_name: String?
        var work_email: String?
        var job_title: String?
        var grade: String?
        var fte: Double?
        var contract_type: String?
        var start_date: String?
        var probation_end_date: String?
        var leaving_date: String?
        var location: String?
        var active: Bool
        var unit_code: String?
        var unit_name: String?
        var parent_code: String?
        var manager_ref: String?

        /// The row in the import's own columns (`HRColumn` order), for export.
        var hrCells: [String] {
            [employee_ref, assignment_no, given_name, family_name, preferred_name ?? "", work_email ?? "", job_title ?? "",
             unit_code ?? "", unit_name ?? "", parent_code ?? "", manager_ref ?? "", grade ?? "", fte.map { String($0) } ?? "",
             contract_type ?? "", start_date ?? "", probation_end_date ?? "", leaving_date ?? "", location ?? ""]
        }
    }

    /// People with their unit, parent unit and manager's reference: what the importer compares
    /// against and what the export writes. `scope` limits it to what a viewer may see.
    static func rows(scope: PeopleScope?, on db: any Database) async throws -> [ExistingRow] {
        var sql: SQLQueryString = scope?.commonTables ?? ""
        sql += """
             SELECT p.id, p.employee_ref, p.assignment_no, p.given_name, p.family_name, p.preferred_name, p.work_email,             p.job_title, p.grade, p.fte, p.contract_type, p.start_date, p.probation_end_date, p.leaving_date, p.location,             p.active, u.code AS unit_code, u.name AS unit_name, pu.code AS parent_code, m.employee_ref AS manager_ref             FROM people p LEFT JOIN org_units u ON u.id = p.org_unit_id LEFT JOIN org_units pu ON pu.id = u.parent_id             LEFT JOIN people m ON m.id = p.line_manager_id
            """
        if let scope { sql += " WHERE \(scope.condition(alias: "p")) ORDER BY p.employee_ref, p.assignment_no" }
        return try await db.sql.raw(sql).all(decoding: ExistingRow.self)
    }

    struct UnitRow: Decodable {
        var id: UUID
        var code: String
        var name: String
        var parent_code: String?
    }

    /// Everyone already in Capable, as the planner sees them (plain rows: this can be 30,000).
    static func existing(on db: any Database) async throws -> (people: [ExistingPerson], units: [ExistingUnit]) {
        let people = try await rows(scope: nil, on: db).map { row in
            ExistingPerson(id: row.id, record: HRRecord(
                employeeRef: row.employee_ref, assignmentNo: row.assignment_no, givenName: row.given_name,
                familyName: row.family_name, preferredName: row.preferred_name, workEmail: row.work_email,
                jobTitle: row.job_title, orgUnitCode: row.unit_code ?? "", lineManagerRef: row.manager_ref,
                grade: row.grade, fte: row.fte, contractType: row.contract_type,
                startDate: row.start_date.flatMap(CalendarDate.init), probationEndDate: row.probation_end_date.flatMap(CalendarDate.init),
                leavingDate: row.leaving_date.flatMap(CalendarDate.init), location: row.location), active: row.active)
        }
        let units = try await db.sql.raw("""
            SELECT u.id, u.code, u.name, p.code AS parent_code FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id
            """).all(decoding: UnitRow.self)
        return (people, units.map { ExistingUnit(id: $0.id, code: $0.code, name: $0.name, parentCode: $0.parent_code) })
    }

    /// The dry run: what would happen, and every problem, with nothing written.
    static func plan(_ table: CSVTable, mapping: ColumnMapping, deactivateMissing: Bool, today: CalendarDate,
                     on db: any Database) async throws -> HRImportPlan {
        let (people, units) = try await existing(on: db)
        return HRImportPlanner.plan(table: table, mapping: mapping, existingPeople: people, existingUnits: units,
                                    deactivateMissing: deactivateMissing, today: today)
    }
}
