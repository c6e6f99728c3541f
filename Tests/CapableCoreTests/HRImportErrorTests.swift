import CapableCore
import Foundation
import Testing

@Suite("HR import plan: problems found in the file")
struct HRImportErrorTests {
    typealias Fixture = HRImportFixture

    @Test("A required column missing from the mapping is one error on line 1, and nothing else is planned")
    func missingColumn() throws {
        // act
        let plan = try Fixture.plan(["E1,Ann"], header: "employee_ref,given_name")
        // check
        #expect(plan.errors.map(\.line) == [1, 1])
        #expect(plan.errors.map(\.column) == [.familyName, .orgUnitCode])
        #expect(plan.rows.isEmpty)
        #expect(!plan.canApply)
    }

    @Test("An empty required field")
    func emptyRequired() throws {
        // act
        let plan = try Fixture.plan(["E1,1, ,Adams,,TEAM,,,,,,", ",1,Bob,Brown,,,,,,,,"])
        // check
        #expect(Fixture.messages(plan) == [
            "line 2, given_name: must not be empty",
            "line 3, employee_ref: must not be empty",
            "line 3, org_unit_code: must not be empty",
        ])
        #expect(plan.rows.map(\.action) == [.error, .error])
        #expect(plan.rows.map(\.record) == [nil, nil])
    }

    @Test("Dates that do not exist or are not in a known format")
    func badDates() throws {
        // act
        let plan = try Fixture.plan(["E1,1,Ann,Adams,,TEAM,,,,,31/02/2024,", "E2,1,Bob,Brown,,TEAM,,,,,,2024/06/01"])
        // check
        #expect(Fixture.messages(plan) == [
            "line 2, start_date: \"31/02/2024\" is not a real date (use dd/mm/yyyy or yyyy-mm-dd)",
            "line 3, leaving_date: \"2024/06/01\" is not a real date (use dd/mm/yyyy or yyyy-mm-dd)",
        ])
    }

    @Test("FTE must be a number from 0 to 1.5", arguments: [
        ("abc", false), ("nan", false), ("37", false), ("100", false), ("-0.1", false), ("1.51", false),
        ("0", true), ("0.6", true), ("1", true), ("1.06", true), ("1.5", true),
    ])
    func fte(text: String, valid: Bool) throws {
        // act
        let plan = try Fixture.plan(["E1,1,Ann,Adams,,TEAM,,,,\(text),,"])
        // check
        #expect(plan.canApply == valid)
        #expect(plan.errors.allSatisfy { $0.column == .fte && $0.message.hasPrefix("\"\(text)\" is") })
    }

    @Test("A duplicate person key is reported on the second row, naming the first")
    func duplicate() throws {
        // act
        let plan = try Fixture.plan(["E1,1,Ann,Adams,,TEAM,,,,,,", "E1,2,Ann,Adams,,TEAM,,,,,,", "E1,1,Ann,Adams,,TEAM,,,,,,"])
        // check
        #expect(Fixture.messages(plan) == ["line 4, employee_ref: \"E1\" with assignment_no \"1\" is already on line 2"])
        #expect(plan.rows.map(\.action) == [.create, .create, .error])
    }

    @Test("A line manager who is nobody in the file or in Capable")
    func unknownManager() throws {
        // act
        let plan = try Fixture.plan(["E1,1,Ann,Adams,,TEAM,,,E999,,,"], people: [Fixture.person("E2")])
        // check
        #expect(Fixture.messages(plan) == ["line 2, line_manager_ref: \"E999\" is not the employee_ref of anyone in this file or in Capable"])
    }

    @Test("Nobody is their own line manager")
    func ownManager() throws {
        // act
        let plan = try Fixture.plan(["E1,1,Ann,Adams,,TEAM,,,E1,,,"])
        // check
        #expect(Fixture.messages(plan) == ["line 2, line_manager_ref: \"E1\" is this person's own employee_ref; nobody can be their own line manager"])
    }

    @Test("A loop in line management is reported on each row in it")
    func managerLoop() throws {
        // act
        let two = try Fixture.plan(["E1,1,Ann,Adams,,TEAM,,,E2,,,", "E2,1,Bob,Brown,,TEAM,,,E1,,,"])
        let three = try Fixture.plan(["E0,1,Zoe,Zed,,TEAM,,,,,,", "E1,1,Ann,Adams,,TEAM,,,E2,,,", "E2,1,Bob,Brown,,TEAM,,,E3,,,",
                                      "E3,1,Cat,Cole,,TEAM,,,E1,,,", "E4,1,Dan,Dee,,TEAM,,,E1,,,"])
        // check
        #expect(Fixture.messages(two) == [
            "line 2, line_manager_ref: \"E2\" makes a loop in line management: E1 → E2 → E1",
            "line 3, line_manager_ref: \"E1\" makes a loop in line management: E2 → E1 → E2",
        ])
        #expect(three.errors.map(\.line) == [3, 4, 5])
        #expect(three.errors.first?.message == "\"E2\" makes a loop in line management: E1 → E2 → E3 → E1")
        #expect(three.rows.map(\.action) == [.create, .error, .error, .error, .create])
    }

    @Test("Loops are found in the people as they will be: file rows replace existing people")
    func managerLoopAfterImport() throws {
        // setup
        let existing = [Fixture.person("E1", manager: "E2"), Fixture.person("E3", manager: "E1")]
        // act
        let fixed = try Fixture.plan(["E2,1,Bob,Brown,,TEAM,,,E1,,,", "E1,1,Ann,Adams,,TEAM,,,,,,"], people: existing)
        let throughExisting = try Fixture.plan(["E1,1,Ann,Adams,,TEAM,,,E2,,,", "E2,1,Bob,Brown,,TEAM,,,E3,,,"], people: existing)
        // check
        #expect(fixed.errors.isEmpty)
        #expect(Fixture.messages(throughExisting) == [
            "line 2, line_manager_ref: \"E2\" makes a loop in line management: E1 → E2 → E3 → E1",
            "line 3, line_manager_ref: \"E3\" makes a loop in line management: E2 → E3 → E1 → E2",
        ])
    }

    @Test("A parent unit that is neither in the file nor in Capable")
    func unknownParent() throws {
        // act
        let plan = try Fixture.plan(["E1,1,Ann,Adams,,TEAM,Team,DIR9,,,,", "E2,1,Bob,Brown,,TEAM,Team,DIR9,,,,"], units: [Fixture.unit("DIR", "Directorate")])
        // check
        #expect(Fixture.messages(plan) == ["line 2, parent_org_unit_code: \"DIR9\" is not an org_unit_code in this file or in Capable"])
    }

    @Test("A loop of units, through the file or through existing units; a unit its own parent")
    func unitLoop() throws {
        // act
        let inFile = try Fixture.plan(["E1,1,Ann,Adams,,A,,B,,,,", "E2,1,Bob,Brown,,B,,A,,,,"])
        let throughExisting = try Fixture.plan(["E1,1,Ann,Adams,,A,,B,,,,"], units: [Fixture.unit("B", "Bee", parent: "C"), Fixture.unit("C", "Sea", parent: "A")])
        let own = try Fixture.plan(["E1,1,Ann,Adams,,A,,A,,,,"])
        // check
        #expect(Fixture.messages(inFile) == [
            "line 2, parent_org_unit_code: \"B\" makes a loop of units: A → B → A",
            "line 3, parent_org_unit_code: \"A\" makes a loop of units: B → A → B",
        ])
        #expect(Fixture.messages(throughExisting) == ["line 2, parent_org_unit_code: \"B\" makes a loop of units: A → B → C → A"])
        #expect(Fixture.messages(own) == ["line 2, parent_org_unit_code: \"A\" is this unit's own code; a unit cannot be its own parent"])
    }

    @Test("One unit code given different names or parents: the later row is wrong")
    func unitDisagreement() throws {
        // act
        let plan = try Fixture.plan([
            "E1,1,Ann,Adams,,TEAM,Team A,DIR,,,,", "E2,1,Bob,Brown,,TEAM,,,,,,", "E3,1,Cat,Cole,,TEAM,Team B,DIR,,,,",
            "E4,1,Dan,Dee,,TEAM,Team A,COUNCIL,,,,", "E5,1,Eve,Evans,,DIR,,,,,,", "E6,1,Fay,Fox,,COUNCIL,,,,,,",
        ])
        // check
        #expect(Fixture.messages(plan) == [
            "line 4, org_unit_name: \"Team B\" differs from \"Team A\", given for unit TEAM on line 2",
            "line 5, parent_org_unit_code: \"COUNCIL\" differs from \"DIR\", given for unit TEAM on line 2",
        ])
        #expect(plan.units.first(where: { $0.code == "TEAM" })?.name == "Team A")
    }

    @Test("A row with a different number of cells from the header; a blank line")
    func cellCount() throws {
        // act
        let plan = try Fixture.plan(["E1,1,Ann,\"Adams, Jr\",,TEAM,,,,,,", "E2,1,Bob,Brown, Jr,,TEAM,,,,,,", "", "E3,1,Cat,Cole,,TEAM,,,,,,"])
        // check
        #expect(Fixture.messages(plan) == [
            "line 3: has 13 cells but the header has 12; a value that contains a comma must be in double quotes",
            "line 4: the line is blank; remove it",
        ])
        #expect(plan.rows.map(\.action) == [.create, .error, .error, .create])
        #expect(plan.rows[1].key == nil)
    }

    @Test("An email address that is clearly not one", arguments: ["jo.smith.example.org", "jo@example", "jo smith@example.org",
                                                                  "jo@example.org;bo@example.org", "@example.org", "jo@@example.org"])
    func badEmail(email: String) throws {
        // act
        let plan = try Fixture.plan(["E1,1,Ann,Adams,\(email),TEAM,,,,,,"])
        // check
        #expect(Fixture.messages(plan) == ["line 2, work_email: \"\(email)\" is not an email address"])
    }

    @Test("A file with only a header cannot be applied, so it cannot deactivate everyone")
    func headerOnly() throws {
        // act
        let plan = try Fixture.plan([], people: [Fixture.person("E1")], deactivateMissing: true)
        // check
        #expect(Fixture.messages(plan) == ["line 1: the file has a header but no rows of staff"])
        #expect(!plan.canApply)
    }

    @Test("Errors name the file's own heading and come by line, then in column order")
    func headingAndOrder() throws {
        // setup
        let header = "Payroll ID,Forename,Surname,Department Code,Hire Date,Manager Employee Number"
        // act
        let plan = try Fixture.plan(["E1,Ann,Adams,TEAM,2024-13-01,E9", "E2,Bob,Brown,TEAM,31/04/2024,"], header: header)
        // check
        #expect(Fixture.messages(plan) == [
            "line 2, Manager Employee Number: \"E9\" is not the employee_ref of anyone in this file or in Capable",
            "line 2, Hire Date: \"2024-13-01\" is not a real date (use dd/mm/yyyy or yyyy-mm-dd)",
            "line 3, Hire Date: \"31/04/2024\" is not a real date (use dd/mm/yyyy or yyyy-mm-dd)",
        ])
        #expect(plan.errors.map(\.column) == [.lineManagerRef, .startDate, .startDate])
    }
}
