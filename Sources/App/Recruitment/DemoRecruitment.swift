import CapableCore
import Fluent
import Foundation

/// The demo council's recruitment: a "Team Manager" role needing Core Values manager behaviours
/// and standards and a couple of staff behaviours, its published person specification, and an
/// interview round with two candidates, a panel of three, and two sheets already submitted.
enum DemoRecruitment {
    /// Core Values elements by code: essential or desirable, and the level expected.
    static let requirements: [(code: String, essential: Bool, level: Int?)] = [
        ("CV.1.MB1", true, 3), ("CV.1.MB6", true, 3), ("CV.1.MS5", true, nil), ("CV.1.3", true, 3),
        ("CV.2.MB1", true, 3), ("CV.2.MS1", false, nil),
        ("CV.3.MB3", true, 3), ("CV.3.MS1", true, nil),
        ("CV.4.MB5", true, 3), ("CV.4.MS5", false, nil), ("CV.4.1", true, 3),
    ]

    static func load(unitIDs: [String: UUID], personIDs: [String: UUID], on db: any Database) async throws {
        guard let coreValues = try BuiltInFrameworks.documents().first(where: { $0.kind == .coreValues }),
              let version = try await Frameworks.current(coreValues.id, includeDraft: false, on: db)
        else { throw CommandFailure("The built-in Core Values framework is not loaded") }
        let document = try await FrameworkStore.document(version, on: db)

        let role = JobRole(title: "Team Manager", gradeLow: "G10", gradeHigh: "G11",
                           purpose: "Leads a team of social care practitioners: plans and allocates the work, supervises practice, manages performance and the team's budget, and works with partners for the people the team supports.")
        try await role.create(on: db)
        let roleID = try role.requireID()
        for code in ["EVC-ADU-ASC", "EVC-CHI-CSC"] {
            guard let unit = unitIDs[code] else { continue }
            let link = JobRoleUnit()
            link.$jobRole.id = roleID
            link.$orgUnit.id = unit
            try await link.create(on: db)
        }
        for requirement in requirements {
            guard let element = document.element(code: requirement.code) else { continue }
            try await JobRoleRequirement(jobRoleID: roleID, elementID: element.id, level: requirement.level,
                                         essential: requirement.essential).create(on: db)
        }
        // The council's team managers hold the role, so their development plans can show gaps.
        try await Person.query(on: db).filter(\.$jobTitle, .custom("LIKE"), "Team Manager%").set(\.$jobRole.$id, to: roleID).update()

        let spec = try await PersonSpecifications.generate(role: role, on: db, context: .system)
        // Communicating well to many audiences is also tested with a written exercise.
        if let communicating = document.element(code: "CV.4.MB5")?.id,
           let criterion = try await SpecificationCriterion.query(on: db).filter(\.$specification.$id == spec.requireID())
            .filter(\.$elementID == communicating).first() {
            criterion.assessedAt = AssessmentMethod.encode([.interview, .test])
            try await criterion.save(on: db)
        }
        try await PersonSpecifications.publish(spec, on: db, context: .system)
        try await interviews(role: role, personIDs: personIDs, on: db)
    }

    /// An interview round in a fortnight; the chair and one member have scored the first candidate.
    private static func interviews(role: JobRole, personIDs: [String: UUID], on db: any Database) async throws {
        let round = try await Interviews.createRound(role: role, title: "Team Manager interviews", heldOn: CalendarDate.today.adding(days: 14),
                                                     on: db, context: .system)
        let roundID = try round.requireID()
        var members: [InterviewPanelMember] = []
        for (ref, chair) in [("D0005", true), ("D0012", false), ("D0006", false)] {
            guard let person = personIDs[ref],
                  let account = try await Account.query(on: db).filter(\.$person.$id == person).first() else { continue }
            let member = InterviewPanelMember(roundID: roundID, accountID: try account.requireID(), chair: chair)
            try await member.create(on: db)
            members.append(member)
        }
        var candidates: [InterviewCandidate] = []
        for reference in ["Candidate TM-101", "Candidate TM-102"] {
            let candidate = InterviewCandidate(roundID: roundID, reference: reference)
            try await candidate.create(on: db)
            candidates.append(candidate)
        }
        let criteria = try await Interviews.criteria(of: roundID, on: db).compactMap(\.id)
        guard let first = candidates.first?.id else { return }
        for (index, member) in members.prefix(2).enumerated() {
            let entries = Dictionary(uniqueKeysWithValues: criteria.enumerated().map { position, id in
                (id, InterviewSheets.Entry(score: String(2 + (position + index) % 3), note: ""))
            })
            try await InterviewSheets.save(entries, criteria: criteria, candidate: first, member: try member.requireID(), submit: true,
                                           on: db, context: .system)
        }
    }
}
