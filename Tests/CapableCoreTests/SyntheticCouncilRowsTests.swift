import CapableCore
import Testing

@Suite("Synthetic council rows")
struct SyntheticCouncilRowsTests {
    let council = SyntheticSamples.large
    let today = SyntheticSamples.today

    @Test("Employee reference and assignment number are unique; a second post repeats the person")
    func assignments() {
        // act
        let keys = council.people.map { "\($0.employeeRef)/\($0.assignmentNo)" }
        let seconds = council.people.filter { $0.assignmentNo == "2" }
        let firsts = Dictionary(uniqueKeysWithValues: council.people.filter { $0.assignmentNo == "1" }.map { ($0.employeeRef, $0) })
        // check
        #expect(Set(keys).count == keys.count)
        #expect((500...700).contains(seconds.count))
        for second in seconds {
            let first = firsts[second.employeeRef]
            #expect(first?.givenName == second.givenName && first?.familyName == second.familyName)
            #expect(first?.preferredName == second.preferredName && first?.workEmail == second.workEmail)
            #expect(first?.orgUnitCode != second.orgUnitCode)
        }
    }

    @Test("Each person has one work email, and nobody shares it")
    func emails() {
        // act
        var owner: [String: String] = [:]
        var clashes = 0
        for row in council.people {
            if let existing = owner[row.workEmail], existing != row.employeeRef { clashes += 1 }
            owner[row.workEmail] = row.employeeRef
        }
        // check
        #expect(clashes == 0)
        #expect(owner.count == 30_000)
        #expect(council.people.allSatisfy { $0.workEmail.hasSuffix("@fernbrook.example") && $0.workEmail.allSatisfy(\.isASCII) })
    }

    @Test("Grades are on the default scale; FTE, contract and dates are plausible")
    func values() {
        // setup
        let oldest = today.adding(months: -12 * 25)
        // act and check
        #expect(council.people.allSatisfy { GradeScale.default.rank(of: $0.grade) != nil })
        #expect(Set(council.people.map(\.contractType)) == ["permanent", "fixed term", "casual"])
        #expect(council.people.allSatisfy { $0.fte > 0 && $0.fte <= 1 })
        #expect(council.people.filter { $0.fte == 1 }.count > council.people.count * 2 / 3)
        #expect(council.people.allSatisfy { $0.startDate <= today && $0.startDate >= oldest })
        #expect(council.people.allSatisfy { row in
            row.probationEndDate == (row.startDate > today.adding(months: -12) ? row.startDate.adding(months: 6) : nil)
        })
        #expect(council.people.allSatisfy { row in row.leavingDate.map { $0 > row.startDate } ?? true })
        #expect(Set(council.people.map(\.location)).count >= 5)
        #expect(Set(council.people.map(\.jobTitle)).contains("Social Worker"))
        #expect(council.people.contains { $0.jobTitle.hasPrefix("Team Manager, ") })
    }

    @Test("About 1% have left and about 0.5% are leaving")
    func leavers() {
        // act
        let past = council.people.filter { $0.leavingDate.map { $0 < today } ?? false }.count
        let future = council.people.filter { $0.leavingDate.map { $0 > today } ?? false }.count
        // check
        #expect((210...390).contains(past))
        #expect((90...240).contains(future))
    }

    @Test("HR rows follow the canonical header, with names looked up and values as text")
    func hrRows() {
        // setup
        let small = SyntheticCouncil.generate(people: 300, seed: 1, today: today)
        let units = Dictionary(uniqueKeysWithValues: small.units.map { ($0.code, $0) })
        // act
        let rows = small.hrRows()
        // check
        #expect(SyntheticOrganisation.hrHeader == [
            "employee_ref", "assignment_no", "given_name", "family_name", "preferred_name", "work_email", "job_title",
            "org_unit_code", "org_unit_name", "parent_org_unit_code", "line_manager_ref", "grade", "fte", "contract_type",
            "start_date", "probation_end_date", "leaving_date", "location",
        ])
        #expect(rows.count == small.people.count)
        for (row, person) in zip(rows, small.people) {
            #expect(row.count == 18)
            #expect(row[0] == person.employeeRef && row[7] == person.orgUnitCode)
            #expect(row[8] == units[person.orgUnitCode]?.name)
            #expect(row[9] == units[person.orgUnitCode]?.parentCode ?? "")
            #expect(["1.0", "0.8", "0.6", "0.5", "0.4", "0.2"].contains(row[12]))
            #expect(CalendarDate(row[14]) == person.startDate && row[14].count == 10)
            #expect(row[15] == (person.probationEndDate?.description ?? ""))
        }
        #expect(rows.first?[10] == "" && rows.first?[0] == "E000001")
    }
}
