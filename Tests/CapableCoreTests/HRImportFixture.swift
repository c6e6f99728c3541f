import CapableCore
import Foundation
import Testing

/// Builds HR import files and existing data for the planner tests.
enum HRImportFixture {
    static let header = "employee_ref,assignment_no,given_name,family_name,work_email,org_unit_code,org_unit_name,"
        + "parent_org_unit_code,line_manager_ref,fte,start_date,leaving_date"

    /// Plans `rows` under `header`, mapped automatically, as of 1 June 2026 unless told otherwise.
    static func plan(_ rows: [String], header: String = header, people: [ExistingPerson] = [], units: [ExistingUnit] = [],
                     deactivateMissing: Bool = false, today: String = "2026-06-01") throws -> HRImportPlan {
        let table = try CSV.parse(Data(([header] + rows).joined(separator: "\n").utf8))
        return HRImportPlanner.plan(table: table, mapping: .automatic(header: table.header), existingPeople: people,
                                    existingUnits: units, deactivateMissing: deactivateMissing, today: try date(today))
    }

    static func date(_ text: String) throws -> CalendarDate {
        try #require(CalendarDate(text))
    }

    static func person(_ ref: String, _ assignment: String = "1", given: String = "Ann", family: String = "Adams",
                       unit: String = "TEAM", manager: String? = nil, email: String? = nil, fte: Double? = nil,
                       leaving: CalendarDate? = nil, active: Bool = true) -> ExistingPerson {
        ExistingPerson(id: UUID(), record: HRRecord(employeeRef: ref, assignmentNo: assignment, givenName: given, familyName: family,
                                                    workEmail: email, orgUnitCode: unit, lineManagerRef: manager, fte: fte,
                                                    leavingDate: leaving),
                       active: active)
    }

    static func unit(_ code: String, _ name: String, parent: String? = nil) -> ExistingUnit {
        ExistingUnit(id: UUID(), code: code, name: name, parentCode: parent)
    }

    /// The error descriptions, for checks that read like the report a person sees.
    static func messages(_ plan: HRImportPlan) -> [String] {
        plan.errors.map(\.description)
    }
}
