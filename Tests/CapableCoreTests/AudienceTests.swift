import CapableCore
import Foundation
import Testing

@Suite("Audiences")
struct AudienceTests {
    let org = AudienceFixture()

    @Test("All rules must match, or any one")
    func combination() {
        // setup
        let rules: [AudienceRule] = [.allManagers, .unit(org.place, includeSubunits: true)]
        // act
        let all = AudienceEvaluator.members(of: Audience(name: "Place managers", rules: rules, match: .all), in: org.snapshot, today: org.today)
        let any = AudienceEvaluator.members(of: Audience(name: "Either", rules: rules, match: .any), in: org.snapshot, today: org.today)
        // check
        #expect(all == [org.director, org.head])
        #expect(any == [org.ce, org.director, org.head, org.accountant, org.inspector, org.engineer, org.futureStarter])
    }

    @Test("An audience without rules is empty, whether any or all")
    func noRules() {
        for match in Audience.Match.allCases {
            #expect(AudienceEvaluator.members(of: Audience(name: "Draft", rules: [], match: match), in: org.snapshot, today: org.today).isEmpty)
        }
    }

    @Test("Inactive people are never members, even when every rule matches them")
    func inactive() {
        // setup
        let audience = Audience(name: "Inspectors in maintenance", rules: [
            .jobRole(org.inspectorRole), .unit(org.maintenance, includeSubunits: false), .gradeRange(lowest: "G6", highest: "G6"), .newStarters(withinDays: 5),
        ], match: .all)
        // act
        let members = AudienceEvaluator.members(of: audience, in: org.snapshot, today: org.today)
        // check
        #expect(members.isEmpty)
        #expect(!AudienceEvaluator.contains(org.leaver, in: audience, snapshot: org.snapshot, today: org.today))
    }

    @Test("A person listed twice keeps the first entry")
    func duplicates() {
        // setup
        let id = UUID()
        let snapshot = OrganisationSnapshot(people: [AudienceMember(id: id, grade: "G2"), AudienceMember(id: id, grade: "G9")], units: [])
        // act
        let members = AudienceEvaluator.members(of: Audience(name: "Low", rules: [.gradeRange(lowest: "G1", highest: "G3")]), in: snapshot, today: org.today)
        // check
        #expect(snapshot.people.count == 1)
        #expect(members == [id])
    }

    @Test("Rules describe themselves in plain English")
    func descriptions() {
        // setup
        let names = AudienceNames(units: [org.highways: "Highways"], jobRoles: [org.inspectorRole: "Highways Inspector"])
        // act and check
        #expect(AudienceRule.unit(org.highways, includeSubunits: true).description(using: names) == "Everyone in Highways and its sub-units")
        #expect(AudienceRule.unit(org.highways, includeSubunits: false).description(using: names) == "Everyone in Highways")
        #expect(AudienceRule.unit(UUID(), includeSubunits: false).description(using: names) == "Everyone in a unit that no longer exists")
        #expect(AudienceRule.jobRole(org.inspectorRole).description(using: names) == "Everyone whose job role is Highways Inspector")
        #expect(AudienceRule.gradeRange(lowest: "G5", highest: "G8").description(using: names) == "Everyone on grades G5 to G8")
        #expect(AudienceRule.gradeRange(lowest: "M1", highest: "M1").description(using: names) == "Everyone on grade M1")
        #expect(AudienceRule.newStarters(withinDays: 90).description(using: names) == "Everyone who started in the last 90 days")
        #expect(AudienceRule.allStaff.description(using: names) == "All staff")
        #expect(AudienceRule.allManagers.description(using: names) == "Everyone who line manages at least one person")
        let audience = Audience(name: "Highways managers", rules: [.allManagers, .unit(org.highways, includeSubunits: true)], match: .all)
        #expect(audience.description(using: names)
            == "Everyone matching all of: everyone who line manages at least one person; and everyone in Highways and its sub-units")
    }

    @Test("Audiences survive a JSON round trip, with every value named")
    func codable() throws {
        // setup
        let audience = Audience(name: "Mixed", rules: [
            .allStaff, .allManagers, .unit(org.place, includeSubunits: true), .jobRole(org.inspectorRole),
            .gradeRange(lowest: "G1", highest: "G4"), .newStarters(withinDays: 28),
        ], match: .all)
        // act
        let data = try JSONEncoder().encode(audience)
        let decoded = try JSONDecoder().decode(Audience.self, from: data)
        let text = String(decoding: data, as: UTF8.self)
        // check
        #expect(decoded == audience)
        #expect(text.contains("\"unitID\""))
        #expect(text.contains("\"jobRoleID\""))
        #expect(!text.contains("\"_0\""))
    }

    @Test("Grade scale problems are worded for the page")
    func gradeProblems() {
        let scale = GradeScale.default
        #expect(scale.problem(lowest: "G5", highest: "M1") == nil)
        #expect(scale.problem(lowest: "G8", highest: "G5") == "The lowest grade, G8, is above the highest grade, G5; swap them")
        #expect(scale.problem(lowest: "X1", highest: "G5") == "The lowest grade, “X1”, is not on the grade scale")
        #expect(scale.problem(lowest: "G5", highest: " ") == "The highest grade, (blank), is not on the grade scale")
        #expect(scale.problem(lowest: "A", highest: "B") == "Neither “A” nor “B” is on the grade scale")
        #expect(scale.grades.count == 17 && scale.rank(of: "g1") == 0 && scale.rank(of: "CE") == 16)
    }
}
