import CapableCore
import Fluent
import Foundation

/// One session: an open-space event, a workshop, an action learning set or a team meeting,
/// with its questions, the people taking part, its breakout groups and its board. Actions agreed
/// in it go to the shared action list (`ActionItem` with source `.workshop`).
final class Workshop: Model, @unchecked Sendable {
    static let schema = "workshops"

    enum Format: String, Codable, Sendable, CaseIterable {
        case openSpace = "open-space", workshop, actionLearningSet = "action-learning-set", teamMeeting = "team-meeting"

        var label: String {
            switch self {
            case .openSpace: "Open space"
            case .workshop: "Workshop"
            case .actionLearningSet: "Action learning set"
            case .teamMeeting: "Team meeting"
            }
        }
    }

    /// Who may read the published write-up besides the people who took part.
    enum Audience: String, Codable, Sendable, CaseIterable {
        case participants, organisation, chosen

        var label: String {
            switch self {
            case .participants: "The people who took part"
            case .organisation: "Everyone in the organisation"
            case .chosen: "The people taking part and an audience chosen below"
            }
        }
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "title") var title: String
    @Field(key: "purpose") var purpose: String
    /// The questions the session works on, one per line.
    @Field(key: "questions") var questions: String
    /// `yyyy-mm-dd`.
    @Field(key: "held_on") var heldOn: String
    /// A `Format` raw value.
    @Field(key: "format") var format: String
    /// Whether participants may post without their name being shown to others.
    @Field(key: "allow_anonymous") var allowAnonymous: Bool
    @Field(key: "votes_per_participant") var votesPerParticipant: Int
    /// The write-up in Markdown, saved as a draft until published.
    @OptionalField(key: "write_up") var writeUp: String?
    /// An `Audience` raw value, set when the write-up is published.
    @OptionalField(key: "write_up_audience") var writeUpAudience: String?
    @OptionalField(key: "write_up_published_at") var writeUpPublishedAt: Date?
    /// For `Audience.chosen`: the `CapableCore.Audience` as JSON.
    @OptionalField(key: "write_up_rule") var writeUpRule: String?
    /// The place in its series (1, 2, 3…), when it is part of one.
    @OptionalField(key: "series_position") var seriesPosition: Int?
    @OptionalField(key: "created_by") var createdBy: UUID?
    /// Goes up by one with every change to the board or who is in which group (`Board.changed`):
    /// polling compares it, so an unchanged board is answered without being read.
    @Field(key: "board_version") var boardVersion: Int

    // relationships
    @OptionalParent(key: "series_id") var series: WorkshopSeries?

    init() {}

    init(title: String, purpose: String, questions: String, heldOn: String, format: Format, allowAnonymous: Bool,
         votesPerParticipant: Int, seriesID: UUID? = nil, seriesPosition: Int? = nil, createdBy: UUID?) {
        self.title = title
        self.purpose = purpose
        self.questions = questions
        self.heldOn = heldOn
        self.format = format.rawValue
        self.allowAnonymous = allowAnonymous
        self.votesPerParticipant = votesPerParticipant
        self.$series.id = seriesID
        self.seriesPosition = seriesPosition
        self.createdBy = createdBy
        self.boardVersion = 0
    }

    var formatValue: Format { Format(rawValue: format) ?? .workshop }
    var questionList: [String] { questions.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    var isPublished: Bool { writeUpPublishedAt != nil }
    var writeUpReaders: CapableCore.Audience? { writeUpRule.flatMap { try? JSONDecoder().decode(CapableCore.Audience.self, from: Data($0.utf8)) } }
    /// How the shared action list names the session.
    var actionLabel: String { "Workshop: \(title), \(DisplayFormat.calendarDate(heldOn))" }
}

extension Workshop: Auditable {
    static let auditEntity = "workshop"
    var auditSnapshot: [String: String?] {
        ["title": title, "purpose": purpose, "questions": questions, "held_on": heldOn, "format": format,
         "allow_anonymous": allowAnonymous ? "yes" : "no", "votes_per_participant": String(votesPerParticipant),
         "write_up": writeUp, "write_up_audience": writeUpAudience, "write_up_rule": writeUpRule,
         "write_up_published_at": writeUpPublishedAt.map { ISO8601DateFormatter().string(from: $0) },
         "series_id": $series.id?.uuidString, "series_position": seriesPosition.map(String.init)]
    }
}

/// A breakout group, with the question it works on.
final class WorkshopGroup: Model, @unchecked Sendable {
    static let schema = "workshop_groups"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "question") var question: String
    @Field(key: "position") var position: Int

    // relationships
    @Parent(key: "workshop_id") var workshop: Workshop

    init() {}

    init(workshopID: UUID, name: String, question: String, position: Int) {
        self.$workshop.id = workshopID
        self.name = name
        self.question = question
        self.position = position
    }
}

extension WorkshopGroup: Auditable {
    static let auditEntity = "workshop group"
    var auditSnapshot: [String: String?] {
        ["workshop_id": $workshop.id.uuidString, "name": name, "question": question, "position": String(position)]
    }
}

/// Someone taking part: a person with a record (who can sign in and use the board), or a named
/// guest from outside without an account. Facilitators run the board and the write-up.
final class WorkshopParticipant: Model, @unchecked Sendable {
    static let schema = "workshop_participants"

    enum Role: String, Codable, Sendable, CaseIterable {
        case facilitator, participant
    }

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    /// A `Role` raw value.
    @Field(key: "role") var role: String
    /// A guest's name; nil for a person with a record.
    @OptionalField(key: "guest_name") var guestName: String?
    @OptionalField(key: "guest_organisation") var guestOrganisation: String?

    // relationships
    @Parent(key: "workshop_id") var workshop: Workshop
    @OptionalParent(key: "person_id") var person: Person?
    @OptionalParent(key: "group_id") var group: WorkshopGroup?

    init() {}

    init(workshopID: UUID, personID: UUID?, guestName: String? = nil, guestOrganisation: String? = nil, role: Role, groupID: UUID? = nil) {
        self.$workshop.id = workshopID
        self.$person.id = personID
        self.guestName = guestName
        self.guestOrganisation = guestOrganisation
        self.role = role.rawValue
        self.$group.id = groupID
    }

    var roleValue: Role { Role(rawValue: role) ?? .participant }
    /// A guest as named on the board: "Cllr Jo Bloggs (Elmbridge Vale Council)".
    var guestLabel: String { [guestName, guestOrganisation.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ") }
}

extension WorkshopParticipant: Auditable {
    static let auditEntity = "workshop participant"
    var auditSnapshot: [String: String?] {
        ["workshop_id": $workshop.id.uuidString, "person_id": $person.id?.uuidString, "guest_name": guestName,
         "guest_organisation": guestOrganisation, "role": role, "group_id": $group.id?.uuidString]
    }
}
