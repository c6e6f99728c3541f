import CapableCore
import Fluent
import Foundation

/// The demo council's workshops: an open-space session held a fortnight ago on the question of
/// source 004, with its two breakout groups, the post-its (in the source's own words), the four
/// themes of leadership capability linked to the framework's PSL.T1 to PSL.T4, votes, actions
/// and a published write-up; and the top-team series (source 003) two sessions in, with an
/// action log that is partly done and partly overdue.
enum DemoWorkshops {
    static let postIts: [(group: Int, theme: Int?, author: String, text: String)] = [
        (0, 0, "D0011", "Street level support networks: how do we lead on a strengths-based model?"),
        (0, 0, "D0012", "Empowering communities and families to support parents and children"),
        (0, 1, "D0025", "Local authorities as facilitators of services, not deliverers of services"),
        (0, 1, "D0011", "Understanding communities and building relationships"),
        (0, 2, "D0017", "Focus on relationships at all levels: it trumps structure"),
        (1, 2, "D0012", "Reflection time needed to step back from crisis management"),
        (1, 2, "D0025", "Managing by outcomes, not presenteeism"),
        (1, 3, "D0017", "Less risk averse and innovative: how do we safeguard staff in trying things?"),
        (1, 3, "D0011", "Recognise and celebrate the right values and behaviours"),
        (1, nil, "D0012", "Compassionate and emotionally intelligent leadership"),
    ]

    static let themes = [("System leadership of place", "PSL.T1"), ("Community empowerment and sustainability", "PSL.T2"),
                         ("Relationship-based leadership", "PSL.T3"), ("Safe working: psychological and physical", "PSL.T4")]

    static func load(personIDs: [String: UUID], names: [String: String], on db: any Database) async throws {
        let today = CalendarDate.today
        guard let helen = personIDs["D0005"] else { return }
        // The open-space session.
        let session = Workshop(title: "Learning community: the leadership our places need", purpose: "An open-space session of the leadership learning community, building back better after Covid.",
                               questions: "What kind of leadership is needed in public services and how localised will it need to become?\nWhat culture, leadership attributes and governance will local authorities need where large-scale remote working is the new reality?",
                               heldOn: today.adding(days: -14).description, format: .openSpace, allowAnonymous: true, votesPerParticipant: 3, createdBy: nil)
        session.writeUp = """
            # What we heard

            Four broad themes of leadership capability emerged from the post-its. The strongest was **relationship-based leadership**: \
            reflection time to step back from crisis management, and managing by *outcomes*, not presenteeism.

            We agreed to try two things before the next session, listed below with who will do them.
            """
        session.writeUpAudience = Workshop.Audience.organisation.rawValue
        session.writeUpPublishedAt = Date().addingTimeInterval(-86_400 * 12)
        try await session.create(on: db)
        let sessionID = try session.requireID()
        let groups = [WorkshopGroup(workshopID: sessionID, name: "Red", question: "What kind of leadership is needed in public services, and how localised?", position: 1),
                      WorkshopGroup(workshopID: sessionID, name: "Blue", question: "What culture and governance does large-scale remote working need?", position: 2)]
        try await groups.create(on: db)
        try await WorkshopParticipant(workshopID: sessionID, personID: helen, role: .facilitator).create(on: db)
        for (index, ref) in ["D0011", "D0012", "D0025", "D0017"].enumerated() {
            guard let person = personIDs[ref] else { continue }
            try await WorkshopParticipant(workshopID: sessionID, personID: person, role: .participant, groupID: groups[index % 2].id).create(on: db)
        }
        try await WorkshopParticipant(workshopID: sessionID, personID: nil, guestName: "Stephen Moss", guestOrganisation: "RedQuadrant", role: .participant).create(on: db)
        var themeRecords: [WorkshopTheme] = []
        for (index, theme) in themes.enumerated() {
            let record = WorkshopTheme(workshopID: sessionID, name: theme.0, position: index + 1)
            try await record.create(on: db)
            themeRecords.append(record)
        }
        let codes = try await Frameworks.publishedElements(codes: themes.map(\.1), on: db)
        for (index, theme) in themes.enumerated() {
            if let element = codes[theme.1.lowercased()]?.first {
                try await WorkshopThemeLink(themeID: try themeRecords[index].requireID(), elementID: element.id).create(on: db)
            }
        }
        for note in postIts {
            let record = PostIt(workshopID: sessionID, groupID: try groups[note.group].requireID(), text: note.text,
                                authorID: personIDs[note.author], authorName: names[note.author])
            record.$theme.id = note.theme.flatMap { themeRecords[$0].id }
            try await record.create(on: db)
        }
        // Votes: most on relationship-based leadership.
        for (ref, theme, count) in [("D0011", 2, 2), ("D0011", 3, 1), ("D0012", 2, 3), ("D0025", 0, 2), ("D0017", 3, 2)] {
            guard let person = personIDs[ref] else { continue }
            for _ in 0..<count { try await WorkshopVote(workshopID: sessionID, themeID: try themeRecords[theme].requireID(), personID: person).create(on: db) }
        }
        try await action(session, "Hold a reflection hour in every team meeting", owner: personIDs["D0012"], due: today.adding(days: 30), on: db)
        try await action(session, "Map the street-level support networks in two wards", owner: personIDs["D0011"], due: today.adding(days: -3), on: db)

        // The top-team series: two sessions held, the third to come.
        let template = SeriesTemplate.topTeam
        let series = WorkshopSeries(title: template.title, purpose: template.purpose, template: template.key, createdBy: nil)
        try await series.create(on: db)
        let top = ["D0001", "D0002", "D0003", "D0004", "D0016"].compactMap { personIDs[$0] }
        var sessions: [Workshop] = []
        for (index, item) in template.sessions.enumerated() {
            let workshop = Workshop(title: item.title, purpose: item.purpose, questions: item.questions.joined(separator: "\n"),
                                    heldOn: today.adding(days: -42 + 28 * index).description, format: item.format, allowAnonymous: false,
                                    votesPerParticipant: 3, seriesID: series.id, seriesPosition: index + 1, createdBy: nil)
            try await workshop.create(on: db)
            try await WorkshopParticipant(workshopID: try workshop.requireID(), personID: helen, role: .facilitator).create(on: db)
            for person in top { try await WorkshopParticipant(workshopID: try workshop.requireID(), personID: person, role: .participant).create(on: db) }
            try await WorkshopParticipant(workshopID: try workshop.requireID(), personID: nil, guestName: "Cllr Sarah Lowe", guestOrganisation: "Leader of the Council",
                                          role: .participant).create(on: db)
            sessions.append(workshop)
        }
        let done = try await action(sessions[0], "Share the cabinet's five priorities with the corporate management team", owner: personIDs["D0001"],
                                    due: today.adding(days: -35), on: db)
        done?.status = ActionItem.Status.done.rawValue
        done?.completedOn = today.adding(days: -36).description
        try await done?.save(on: db)
        try await action(sessions[1], "Draft the joint vision statement for cabinet", owner: personIDs["D0002"], due: today.adding(days: -2), on: db)
        try await action(sessions[1], "Propose a members' and officers' protocol", owner: personIDs["D0003"], due: today.adding(days: 21), on: db)
    }

    @discardableResult
    private static func action(_ workshop: Workshop, _ text: String, owner: UUID?, due: CalendarDate, on db: any Database) async throws -> ActionItem? {
        guard let owner else { return nil }
        let action = ActionItem(ownerID: owner, summary: text, dueOn: due.description, source: .workshop, sourceID: try workshop.requireID(),
                                sourceLabel: workshop.actionLabel, createdBy: nil)
        try await action.create(on: db)
        return action
    }
}
