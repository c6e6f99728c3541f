import CapableCore
import Foundation
import Testing

@Suite("HR import plan: joiners, movers and leavers")
struct HRImportPlannerTests {
    typealias Fixture = HRImportFixture

    @Test("New people are created with typed fields; units are created parents first")
    func create() throws {
        // act
        let plan = try Fixture.plan([
            "E2,1,Bob,Brown,bob@example.org,TEAM,Team A,DIR,E1,0.6,01/09/2024,",
            "E1,1,Ann,Adams,ann@example.org,DIR,Directorate,COUNCIL,,1,2020-01-06,",
            "E3,,Cat,Cole,,COUNCIL,The Council,,,,,",
        ])
        // check
        #expect(plan.errors.isEmpty)
        #expect(plan.canApply)
        #expect(plan.rows.map(\.action) == [.create, .create, .create])
        #expect(plan.rows.map(\.line) == [2, 3, 4])
        let bob = try #require(plan.rows.first?.record)
        #expect(bob.fte == 0.6)
        #expect(bob.startDate == (try Fixture.date("2024-09-01")))
        #expect(bob.workEmail == "bob@example.org")
        #expect(plan.rows.first?.lineManagerKey == PersonKey(employeeRef: "E1", assignmentNo: "1"))
        #expect(plan.rows.last?.key == PersonKey(employeeRef: "E3", assignmentNo: "1"))
        #expect(plan.rows.allSatisfy { $0.active })
        #expect(plan.units.map(\.code) == ["COUNCIL", "DIR", "TEAM"])
        #expect(plan.units.map(\.parentCode) == [nil, "COUNCIL", "DIR"])
        #expect(plan.units.map(\.name) == ["The Council", "Directorate", "Team A"])
        #expect(plan.units.allSatisfy { $0.action == .create })
        #expect((plan.created, plan.updated, plan.unchanged, plan.deactivated) == (3, 0, 0, 0))
        #expect(plan.unitsCreated == 3)
    }

    @Test("Dates may be dd/mm/yyyy or yyyy-mm-dd")
    func dates() throws {
        // act
        let plan = try Fixture.plan(["E1,1,Ann,Adams,,TEAM,,,,,29/02/2024,", "E2,1,Bob,Brown,,TEAM,,,,,2024-02-29,"])
        // check
        #expect(plan.errors.isEmpty)
        #expect(plan.rows.map { $0.record?.startDate?.description } == ["2024-02-29", "2024-02-29"])
    }

    @Test("An existing person is updated with the fields that changed, or left unchanged")
    func updateAndUnchanged() throws {
        // setup
        let ann = Fixture.person("E1", email: "ann@example.org", fte: 1)
        let bob = Fixture.person("E2", given: "Robert", family: "Brown", manager: "E1", fte: 0.5)
        // act
        let plan = try Fixture.plan([
            "E1,1,Ann,Adams,ann@example.org,TEAM,,,,1.0,,",
            "E2,1,Bob,Brown,,TEAM,,,E1,0.5,,",
        ], people: [ann, bob], units: [Fixture.unit("TEAM", "Team")])
        // check
        #expect(plan.rows.map(\.action) == [.unchanged, .update(changes: [FieldChange(field: "given_name", old: "Robert", new: "Bob")])])
        #expect(plan.rows.map(\.existingID) == [ann.id, bob.id])
        #expect(plan.units.map(\.action) == [.unchanged])
        #expect(plan.units.first?.existingID != nil)
        #expect((plan.created, plan.updated, plan.unchanged, plan.deactivated) == (0, 1, 1, 0))
    }

    @Test("A column the file lacks keeps Capable's value; a blank cell in a mapped column clears it")
    func unmappedAndBlank() throws {
        // setup
        let ann = Fixture.person("E1", email: "ann@example.org", fte: 0.5)
        // act
        let withoutColumns = try Fixture.plan(["E1,Ann,Adams,TEAM"], header: "employee_ref,given_name,family_name,org_unit_code", people: [ann])
        let blankEmail = try Fixture.plan(["E1,1,Ann,Adams,,TEAM,,,,0.5,,"], people: [ann])
        // check
        #expect(withoutColumns.rows.map(\.action) == [.unchanged])
        #expect(withoutColumns.rows.first?.record?.fte == 0.5)
        #expect(blankEmail.rows.map(\.action) == [.update(changes: [FieldChange(field: "work_email", old: "ann@example.org", new: nil)])])
    }

    @Test("A leaving date on or before today deactivates; a future one does not; leavers are never deleted")
    func leavers() throws {
        // setup
        let people = [Fixture.person("E1"), Fixture.person("E2"), Fixture.person("E4", leaving: try Fixture.date("2026-01-31"), active: false)]
        // act
        let plan = try Fixture.plan([
            "E1,1,Ann,Adams,,TEAM,,,,,,01/06/2026",
            "E2,1,Ann,Adams,,TEAM,,,,,,2026-06-02",
            "E3,1,Cat,Cole,,TEAM,,,,,,2026-05-01",
            "E4,1,Ann,Adams,,TEAM,,,,,,31/01/2026",
        ], people: people)
        // check
        let leftToday: [FieldChange] = [FieldChange(field: "active", old: "true", new: "false"), FieldChange(field: "leaving_date", old: nil, new: "2026-06-01")]
        #expect(plan.rows[0].action == .deactivate(reason: "leaving date 2026-06-01 has been reached", changes: leftToday))
        #expect(plan.rows[1].action == .update(changes: [FieldChange(field: "leaving_date", old: nil, new: "2026-06-02")]))
        #expect(plan.rows[2].action == .create)
        #expect(plan.rows[3].action == .unchanged)
        #expect(plan.rows.map(\.active) == [false, true, false, false])
        #expect(plan.deactivations.isEmpty)
        #expect((plan.created, plan.updated, plan.unchanged, plan.deactivated) == (1, 1, 1, 1))
    }

    @Test("Someone inactive who is back in the file without a past leaving date is reactivated")
    func reactivate() throws {
        // act
        let plan = try Fixture.plan(["E1,1,Ann,Adams,,TEAM,,,,,,"], people: [Fixture.person("E1", active: false)])
        // check
        #expect(plan.rows.map(\.action) == [.update(changes: [FieldChange(field: "active", old: "false", new: "true")])])
        #expect(plan.rows.first?.active == true)
    }

    @Test("People missing from the file are deactivated only when asked", arguments: [false, true])
    func missing(deactivateMissing: Bool) throws {
        // setup
        let people = [Fixture.person("E1"), Fixture.person("E9"), Fixture.person("E8", "2"), Fixture.person("E7", active: false)]
        // act
        let plan = try Fixture.plan(["E1,1,Ann,Adams,,TEAM,,,,,,"], people: people, deactivateMissing: deactivateMissing)
        // check
        let expected = deactivateMissing ? [PersonKey(employeeRef: "E8", assignmentNo: "2"), PersonKey(employeeRef: "E9", assignmentNo: "1")] : []
        #expect(plan.deactivations == expected)
        #expect(plan.deactivated == expected.count)
        #expect(plan.rows.map(\.action) == [.unchanged])
    }

    @Test("A line manager with several posts means their lowest-numbered active assignment")
    func managerAssignment() throws {
        // act
        let plan = try Fixture.plan([
            "E1,10,Ann,Adams,,TEAM,,,,,,",
            "E1,2,Ann,Adams,,TEAM,,,,,,",
            "E5,1,Eve,Evans,,TEAM,,,E1,,,",
        ])
        let leftPost = try Fixture.plan([
            "E1,10,Ann,Adams,,TEAM,,,,,,",
            "E1,2,Ann,Adams,,TEAM,,,,,,01/01/2026",
            "E5,1,Eve,Evans,,TEAM,,,E1,,,",
        ])
        // check
        #expect(plan.rows.last?.lineManagerKey == PersonKey(employeeRef: "E1", assignmentNo: "2"))
        #expect(leftPost.rows.last?.lineManagerKey == PersonKey(employeeRef: "E1", assignmentNo: "10"))
    }

    @Test("A line manager may be someone already in Capable who is not in the file")
    func existingManager() throws {
        // act
        let plan = try Fixture.plan(["E2,1,Bob,Brown,,TEAM,,,E1,,,"], people: [Fixture.person("E1")])
        // check
        #expect(plan.errors.isEmpty)
        #expect(plan.rows.first?.lineManagerKey == PersonKey(employeeRef: "E1", assignmentNo: "1"))
    }

    @Test("Existing units are renamed or moved; a blank parent cell keeps the parent")
    func unitUpdates() throws {
        // setup
        let units = [Fixture.unit("TEAM", "Old name", parent: "DIR"), Fixture.unit("DIR", "Directorate", parent: "COUNCIL"),
                     Fixture.unit("COUNCIL", "Council"), Fixture.unit("DIR2", "Other")]
        // act
        let plan = try Fixture.plan([
            "E1,1,Ann,Adams,,TEAM,New name,DIR2,,,,",
            "E2,1,Bob,Brown,,DIR,,,,,,",
        ], units: units)
        // check
        #expect(plan.errors.isEmpty)
        #expect(plan.units.map(\.code) == ["TEAM", "DIR"])
        #expect(plan.units.first?.action == .update(changes: [
            FieldChange(field: "name", old: "Old name", new: "New name"), FieldChange(field: "parent_code", old: "DIR", new: "DIR2"),
        ]))
        #expect(plan.units.last?.action == .unchanged)
        #expect(plan.units.last?.parentCode == "COUNCIL")
        #expect(plan.unitsUpdated == 1)
    }
}
