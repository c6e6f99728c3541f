import CapableCore
import Foundation

/// A built-in series of sessions. The top-team series follows the three-workshop programme for
/// a newly elected cabinet and its corporate management team (source 003): the cabinet alone
/// first, then a joint vision and working relationship, then strategic performance and the
/// details of joint working.
struct SeriesTemplate: Sendable {
    struct Session: Sendable {
        var title: String
        var purpose: String
        var questions: [String]
        var format: Workshop.Format
    }

    var key: String
    var title: String
    var purpose: String
    var sessions: [Session]

    static let topTeam = SeriesTemplate(
        key: "top-team",
        title: "Top team workshops for a new cabinet and corporate management team",
        purpose: "Accelerate the joint leadership of a newly elected cabinet and its corporate management team: agree priorities, a joint vision and working relationship, and how strategic performance and joint working will be managed.",
        sessions: [
            Session(title: "Workshop 1: The cabinet's priorities",
                    purpose: "Time for the cabinet alone to agree its priorities: the aspirations and needs the community expressed at the election, alongside the practicalities of budget cuts, policy changes and greater efficiencies.",
                    questions: ["What did our communities ask of us at the election?", "What are the cabinet's priorities for this term?",
                                "What does the cabinet need from the corporate management team?"],
                    format: .workshop),
            Session(title: "Workshop 2: A joint vision and working relationship",
                    purpose: "The cabinet and the corporate management team start to build a joint vision, respond to the localism agenda and build their working relationship.",
                    questions: ["What is our joint vision for the council and its communities?", "How will we respond to localism and engage our communities?",
                                "What do we expect of each other, and how will we work together?"],
                    format: .workshop),
            Session(title: "Workshop 3: Strategic performance and joint working",
                    purpose: "Shape the management of the council's strategic performance and the details of joint working: mutual roles and responsibilities.",
                    questions: ["How will we manage the council's strategic performance together?", "Who does what: what are our mutual roles and responsibilities?",
                                "How will we hold each other to account for doing what we say we will do?"],
                    format: .workshop),
        ])

    static let all = [topTeam]

    static func named(_ key: String?) -> SeriesTemplate? { all.first { $0.key == key } }
}
