import CapableCore
import Foundation

/// A small council for audience tests. Units: Council > Place > Highways > Highways Maintenance,
/// and Council > Resources; plus two units whose parents point at each other (bad data).
struct AudienceFixture {
    let council = UUID(), place = UUID(), highways = UUID(), maintenance = UUID(), resources = UUID()
    let loopA = UUID(), loopB = UUID()
    let inspectorRole = UUID(), accountantRole = UUID()
    let ce = UUID(), director = UUID(), head = UUID(), inspector = UUID(), engineer = UUID(), futureStarter = UUID()
    let leaver = UUID(), accountant = UUID(), supervisorOfLeaverOnly = UUID(), formerReport = UUID()
    let selfManaged = UUID(), offScale = UUID(), inLoop = UUID()
    let today = CalendarDate(year: 2026, month: 3, day: 15)!

    var units: [AudienceUnit] {
        [
            AudienceUnit(id: council, parentID: nil), AudienceUnit(id: place, parentID: council),
            AudienceUnit(id: highways, parentID: place), AudienceUnit(id: maintenance, parentID: highways),
            AudienceUnit(id: resources, parentID: council),
            AudienceUnit(id: loopA, parentID: loopB), AudienceUnit(id: loopB, parentID: loopA),
        ]
    }

    var people: [AudienceMember] {
        func member(_ id: UUID, _ unit: UUID?, _ manager: UUID?, _ grade: String?, started days: Int?, role: UUID? = nil, active: Bool = true) -> AudienceMember {
            AudienceMember(id: id, orgUnitID: unit, lineManagerID: manager, jobRoleID: role, grade: grade,
                           startDate: days.map { today.adding(days: -$0) }, active: active)
        }
        return [
            member(ce, council, nil, "CE", started: 4000),
            member(director, place, ce, "D1", started: 2000),
            member(head, highways, director, "M2", started: 1500),
            member(inspector, maintenance, head, "G6", started: 10, role: inspectorRole),
            member(engineer, maintenance, head, " g8 ", started: 0),
            member(futureStarter, maintenance, head, "G5", started: -5, role: inspectorRole),
            member(leaver, maintenance, head, "G6", started: 3, role: inspectorRole, active: false),
            member(accountant, resources, ce, "G7", started: 29, role: accountantRole),
            member(supervisorOfLeaverOnly, resources, ce, "G9", started: 30),
            member(formerReport, resources, supervisorOfLeaverOnly, "G4", started: 900, active: false),
            member(selfManaged, resources, selfManaged, "G12", started: nil),
            member(offScale, resources, accountant, "X1", started: 400),
            member(inLoop, loopB, nil, nil, started: nil),
        ]
    }

    var snapshot: OrganisationSnapshot { OrganisationSnapshot(people: people, units: units) }

    /// The members of a one-rule audience.
    func members(_ rule: AudienceRule) -> Set<UUID> {
        AudienceEvaluator.members(of: Audience(name: "test", rules: [rule]), in: snapshot, today: today)
    }
}
