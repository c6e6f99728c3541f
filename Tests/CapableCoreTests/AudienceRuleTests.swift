import CapableCore
import Foundation
import Testing

@Suite("Audience rules")
struct AudienceRuleTests {
    let org = AudienceFixture()

    @Test("All staff is every active person, and nobody inactive")
    func allStaff() {
        // act
        let members = org.members(.allStaff)
        // check
        #expect(members.count == 11)
        #expect(!members.contains(org.leaver))
        #expect(!members.contains(org.formerReport))
    }

    @Test("Managers have an active direct report; managing only leavers or yourself does not count")
    func allManagers() {
        // act
        let members = org.members(.allManagers)
        // check
        #expect(members == [org.ce, org.director, org.head, org.accountant])
    }

    @Test("A unit alone, or with its sub-units to any depth")
    func unit() {
        // act
        let alone = org.members(.unit(org.place, includeSubunits: false))
        let withSubunits = org.members(.unit(org.place, includeSubunits: true))
        let whole = org.members(.unit(org.council, includeSubunits: true))
        // check
        #expect(alone == [org.director])
        #expect(withSubunits == [org.director, org.head, org.inspector, org.engineer, org.futureStarter])
        #expect(whole.count == 10)
        #expect(!whole.contains(org.inLoop))
    }

    @Test("A loop in the unit tree ends the walk instead of hanging")
    func unitLoop() {
        // act
        let fromA = org.members(.unit(org.loopA, includeSubunits: true))
        let units = org.snapshot.units(within: org.loopB, includeSubunits: true)
        // check
        #expect(fromA == [org.inLoop])
        #expect(units == [org.loopA, org.loopB])
    }

    @Test("A unit nobody is in, or that does not exist, has no members")
    func emptyUnit() {
        #expect(org.members(.unit(UUID(), includeSubunits: true)).isEmpty)
        #expect(org.members(.unit(org.loopA, includeSubunits: false)).isEmpty)
    }

    @Test("Job role")
    func jobRole() {
        #expect(org.members(.jobRole(org.inspectorRole)) == [org.inspector, org.futureStarter])
        #expect(org.members(.jobRole(org.accountantRole)) == [org.accountant])
    }

    @Test("Grade ranges follow the scale's order, ignoring case and spaces; off-scale grades never match")
    func gradeRange() {
        // act
        let middle = org.members(.gradeRange(lowest: "G5", highest: "G8"))
        let senior = org.members(.gradeRange(lowest: "g9", highest: "CE"))
        let single = org.members(.gradeRange(lowest: "G7", highest: "G7"))
        // check
        #expect(middle == [org.futureStarter, org.inspector, org.engineer, org.accountant])
        #expect(senior == [org.supervisorOfLeaverOnly, org.selfManaged, org.head, org.director, org.ce])
        #expect(single == [org.accountant])
        #expect(!org.members(.gradeRange(lowest: "G1", highest: "CE")).contains(org.offScale))
    }

    @Test("A reversed range, or one with an end off the scale, matches nobody", arguments: [
        ("G8", "G5"), ("X1", "G8"), ("G1", "Z9"), ("", "CE"),
    ])
    func badRange(lowest: String, highest: String) {
        #expect(org.members(.gradeRange(lowest: lowest, highest: highest)).isEmpty)
        #expect(GradeScale.default.problem(lowest: lowest, highest: highest) != nil)
    }

    @Test("New starters: the last N days including today; a future start is not a starter yet")
    func newStarters() {
        // act
        let month = org.members(.newStarters(withinDays: 30))
        let today = org.members(.newStarters(withinDays: 1))
        // check
        #expect(month == [org.engineer, org.inspector, org.accountant])
        #expect(today == [org.engineer])
        #expect(org.members(.newStarters(withinDays: 0)).isEmpty)
        #expect(org.members(.newStarters(withinDays: -3)).isEmpty)
    }

    @Test("contains gives the same answer as members for every person and rule")
    func containsAgrees() {
        // setup
        let snapshot = org.snapshot
        let rules: [AudienceRule] = [
            .allStaff, .allManagers, .unit(org.place, includeSubunits: true), .jobRole(org.inspectorRole),
            .gradeRange(lowest: "G5", highest: "G8"), .newStarters(withinDays: 30),
        ]
        for rule in rules {
            let audience = Audience(name: "check", rules: [rule])
            // act
            let members = AudienceEvaluator.members(of: audience, in: snapshot, today: org.today)
            // check
            for person in org.people {
                #expect(AudienceEvaluator.contains(person.id, in: audience, snapshot: snapshot, today: org.today) == members.contains(person.id))
            }
            #expect(!AudienceEvaluator.contains(UUID(), in: audience, snapshot: snapshot, today: org.today))
        }
    }
}
