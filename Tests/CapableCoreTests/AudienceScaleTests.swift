import CapableCore
import Foundation
import Testing

@Suite("Audiences over a large organisation")
struct AudienceScaleTests {
    let today = CalendarDate(year: 2026, month: 6, day: 1)!

    /// 30,000 people laid out by arithmetic so every count can be worked out by hand: person i is
    /// in team i % 30 (ten teams under each of three directorates), on grade G(1 + i % 12),
    /// started i % 400 days ago, inactive when i % 50 == 0, and managed by person i % 300 when
    /// i >= 300 (so people 0 to 299 each have 99 reports).
    struct Arithmetic {
        let root = UUID()
        let directorates = (0..<3).map { _ in UUID() }
        let teams = (0..<30).map { _ in UUID() }
        let ids = (0..<30_000).map { _ in UUID() }

        func snapshot(today: CalendarDate) -> OrganisationSnapshot {
            let units = [AudienceUnit(id: root, parentID: nil)]
                + directorates.map { AudienceUnit(id: $0, parentID: root) }
                + teams.enumerated().map { AudienceUnit(id: $1, parentID: directorates[$0 / 10]) }
            let people = ids.indices.map { i in
                AudienceMember(id: ids[i], orgUnitID: teams[i % 30], lineManagerID: i >= 300 ? ids[i % 300] : nil,
                               grade: "G\(1 + i % 12)", startDate: today.adding(days: -(i % 400)), active: i % 50 != 0)
            }
            return OrganisationSnapshot(people: people, units: units)
        }
    }

    @Test("Counts over 30,000 people")
    func arithmetic() {
        // setup
        let org = Arithmetic()
        let snapshot = org.snapshot(today: today)
        func count(_ rules: [AudienceRule], _ match: Audience.Match = .any) -> Int {
            AudienceEvaluator.members(of: Audience(name: "n", rules: rules, match: match), in: snapshot, today: today).count
        }
        // act and check
        // 600 of the 30,000 are inactive
        #expect(count([.allStaff]) == 29_400)
        // managers 0 to 299, less the six (multiples of 50) who are inactive with only inactive reports
        #expect(count([.allManagers]) == 294)
        // teams 10 to 19 hold 10,000, of whom 200 are inactive
        #expect(count([.unit(org.directorates[1], includeSubunits: true)]) == 9_800)
        #expect(count([.unit(org.directorates[1], includeSubunits: false)]) == 0)
        #expect(count([.unit(org.root, includeSubunits: true)]) == 29_400)
        // G3 to G5 is 7,500 people, of whom 200 are inactive
        #expect(count([.gradeRange(lowest: "G3", highest: "G5")]) == 7_300)
        // 30 of every 400 started in the last 30 days; 75 of those 2,250 are inactive
        #expect(count([.newStarters(withinDays: 30)]) == 2_175)
        // managers in teams 10 to 19: 100, less persons 100 and 250
        #expect(count([.allManagers, .unit(org.directorates[1], includeSubunits: true)], .all) == 98)
    }

    @Test("Audiences over a 30,000 person synthetic council agree with its HR rows")
    func syntheticCouncil() {
        // setup
        let council = SyntheticCouncil.generate(people: 30_000, seed: 7, today: today)
        let unitIDs = Dictionary(uniqueKeysWithValues: council.units.map { ($0.code, UUID()) })
        let primaries = council.people.filter { $0.assignmentNo == "1" }
        let personIDs = Dictionary(uniqueKeysWithValues: primaries.map { ($0.employeeRef, UUID()) })
        let isActive = { (row: SyntheticPerson) in row.leavingDate.map { $0 >= today } ?? true }
        let snapshot = OrganisationSnapshot(
            people: primaries.map { row in
                AudienceMember(id: personIDs[row.employeeRef] ?? UUID(), orgUnitID: unitIDs[row.orgUnitCode],
                               lineManagerID: row.lineManagerRef.flatMap { personIDs[$0] }, grade: row.grade,
                               startDate: row.startDate, active: isActive(row))
            },
            units: council.units.map { AudienceUnit(id: unitIDs[$0.code] ?? UUID(), parentID: $0.parentCode.flatMap { unitIDs[$0] }) })
        func members(_ rule: AudienceRule) -> Set<UUID> {
            AudienceEvaluator.members(of: Audience(name: "n", rules: [rule]), in: snapshot, today: today)
        }
        let active = primaries.filter(isActive)
        // act
        let everyone = members(.allStaff)
        let managers = members(.allManagers)
        let wholeCouncil = members(.unit(unitIDs[council.units[0].code] ?? UUID(), includeSubunits: true))
        let anyGrade = members(.gradeRange(lowest: "G1", highest: "CE"))
        // check
        #expect(everyone.count == active.count)
        #expect(everyone.count > 29_000)
        #expect(managers.count == Set(active.compactMap(\.lineManagerRef)).count)
        #expect(wholeCouncil == everyone)
        #expect(anyGrade == everyone)
    }
}
