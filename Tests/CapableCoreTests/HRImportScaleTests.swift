import CapableCore
import Foundation
import Testing

@Suite("HR import plan at the size of a large council")
struct HRImportScaleTests {
    @Test("30,000 rows in a 30,000-deep management chain plan without errors")
    func thirtyThousand() throws {
        // setup: each person managed by the one before, the deepest chain possible, across 300 teams in 10 directorates
        let count = 30_000
        var lines = [HRImportFixture.header]
        var existing: [ExistingPerson] = []
        for index in 0..<count {
            let ref = "E\(index)", team = "T\(index % 300)", manager = index == 0 ? "" : "E\(index - 1)"
            lines.append("\(ref),1,Given\(index),Family\(index),e\(index)@example.org,\(team),Team \(index % 300),D\(index % 10),\(manager),1,01/04/2020,")
            // a third already known as they are, a third known under an old name, a third new
            if index < 20_000 {
                existing.append(ExistingPerson(id: UUID(), record: HRRecord(
                    employeeRef: ref, givenName: index < 10_000 ? "Given\(index)" : "Old", familyName: "Family\(index)",
                    workEmail: "e\(index)@example.org", orgUnitCode: team, lineManagerRef: manager.isEmpty ? nil : manager,
                    fte: 1, startDate: CalendarDate(year: 2020, month: 4, day: 1)), active: true))
            }
        }
        let directorates = (0..<10).map { HRImportFixture.unit("D\($0)", "Directorate \($0)") }
        let table = try CSV.parse(Data(lines.joined(separator: "\r\n").utf8))
        // act
        let plan = HRImportPlanner.plan(table: table, mapping: .automatic(header: table.header), existingPeople: existing,
                                        existingUnits: directorates, deactivateMissing: true, today: try HRImportFixture.date("2026-06-01"))
        // check
        #expect(plan.errors.isEmpty)
        #expect((plan.created, plan.updated, plan.unchanged, plan.deactivated) == (10_000, 10_000, 10_000, 0))
        #expect(plan.unitsCreated == 300)
        #expect(plan.rows.last?.lineManagerKey == PersonKey(employeeRef: "E29998", assignmentNo: "1"))
    }
}
