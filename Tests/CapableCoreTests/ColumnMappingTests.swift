import CapableCore
import Foundation
import Testing

@Suite("HR column mapping")
struct ColumnMappingTests {
    @Test("The canonical columns are these, in this order; four are required")
    func canonical() {
        #expect(HRColumn.allCases.map(\.rawValue) == [
            "employee_ref", "assignment_no", "given_name", "family_name", "preferred_name", "work_email", "job_title",
            "org_unit_code", "org_unit_name", "parent_org_unit_code", "line_manager_ref", "grade", "fte", "contract_type",
            "start_date", "probation_end_date", "leaving_date", "location",
        ])
        #expect(HRColumn.allCases.filter(\.isRequired) == [.employeeRef, .givenName, .familyName, .orgUnitCode])
        #expect(HRColumn.allCases.allSatisfy { !$0.label.isEmpty })
    }

    @Test("Canonical names match whatever their case, spaces, underscores or hyphens")
    func automaticCanonical() {
        // setup
        let header = HRColumn.allCases.reversed().map { $0.rawValue.uppercased().replacingOccurrences(of: "_", with: " ") }
        // act
        let mapping = ColumnMapping.automatic(header: header + ["Employee-Ref"])
        // check
        for (index, column) in HRColumn.allCases.reversed().enumerated() {
            #expect(mapping.columns[column] == index)
        }
        #expect(mapping.missingRequired.isEmpty)
    }

    @Test("Headings that HR systems use are recognised")
    func automaticSynonyms() {
        // setup
        let header = ["Payroll ID", "Assignment Number", "Title", "Forename", "Surname", "Known As", "Email",
                      "Position Title", "Department Code", "Department", "Manager Employee Number", "Pay Grade",
                      "FTE", "Hire Date", "Termination Date", "Cost Centre"]
        // act
        let mapping = ColumnMapping.automatic(header: header)
        // check
        #expect(mapping.columns == [
            .employeeRef: 0, .assignmentNo: 1, .givenName: 3, .familyName: 4, .preferredName: 5, .workEmail: 6,
            .jobTitle: 7, .orgUnitCode: 8, .orgUnitName: 9, .lineManagerRef: 10, .grade: 11, .fte: 12,
            .startDate: 13, .leavingDate: 14,
        ])
    }

    @Test("Other spellings: Employee Number, First Name, Last Name, Line Manager Employee Number")
    func automaticOtherSynonyms() {
        // act
        let mapping = ColumnMapping.automatic(header: ["Employee Number", "First Name", "Last Name", "Line Manager Employee Number", "Org Unit Code"])
        // check
        #expect(mapping.columns == [.employeeRef: 0, .givenName: 1, .familyName: 2, .lineManagerRef: 3, .orgUnitCode: 4])
    }

    @Test("A canonical heading wins over a synonym, and a heading serves one column")
    func automaticPreference() {
        // act
        let mapping = ColumnMapping.automatic(header: ["Employee ID", "employee_ref", "Email", "Email"])
        // check
        #expect(mapping.columns[.employeeRef] == 1)
        #expect(mapping.columns[.workEmail] == 2)
        #expect(mapping.missingRequired == [.givenName, .familyName, .orgUnitCode])
    }

    @Test("A chosen mapping finds each heading; blank or unknown choices stay unmapped")
    func chosen() {
        // setup
        let header = ["Ref", "Fore", "Sur", "Team", "Grade"]
        // act
        let mapping = ColumnMapping(header: header, choices: [
            .employeeRef: "Ref", .givenName: "Fore", .familyName: "Sur", .orgUnitCode: " team ", .grade: "", .location: "Nope",
        ])
        let partial = ColumnMapping(header: header, choices: [.employeeRef: "Ref", .givenName: "Fore", .familyName: "Sur"])
        // check
        #expect(mapping.columns == [.employeeRef: 0, .givenName: 1, .familyName: 2, .orgUnitCode: 3])
        #expect(mapping.missingRequired.isEmpty)
        #expect(partial.missingRequired == [.orgUnitCode])
    }

    @Test("A mapping is stored as JSON keyed by column name")
    func codable() throws {
        // setup
        let mapping = ColumnMapping(columns: [.employeeRef: 0, .fte: 3])
        // act
        let json = try JSONEncoder().encode(mapping)
        let decoded = try JSONDecoder().decode(ColumnMapping.self, from: json)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: [String: Int]])
        // check
        #expect(decoded == mapping)
        #expect(object == ["columns": ["employee_ref": 0, "fte": 3]])
    }
}
