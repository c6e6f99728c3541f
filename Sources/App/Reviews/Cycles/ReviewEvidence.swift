import CapableCore
import Fluent
import Vapor

/// What the year left on record for a person, gathered for their review so nothing is written
/// from memory: check-in observations, objectives and their outcomes, feedback received,
/// submitted peer assessments, and training completed. Each part follows the rule of the page it comes from.
struct ReviewEvidence: Encodable {
    struct Observation: Encodable { var heldOn: String; var element: String; var example: String; var checkInID: UUID }
    struct ObjectiveRow: Encodable { var id: UUID; var title: String; var outcome: String; var dueOn: String; var status: Objective.Status }
    struct FeedbackRow: Encodable { var text: String; var from: String?; var on: String? }
    struct PeerRow: Encodable { var id: UUID; var assessor: String; var submittedOn: String }
    struct TrainingRow: Encodable { var courseID: UUID; var course: String; var completedOn: String; var source: String }

    var from: String
    var to: String
    var observations: [Observation] = []
    var objectives: [ObjectiveRow] = []
    var feedback: [FeedbackRow] = []
    /// Anonymous answers, only for the person or whoever asked, and only once enough have answered.
    var anonymousFeedback: [FeedbackRow] = []
    var peerAssessments: [PeerRow] = []
    /// Learning completed in the period (confirmed completions only).
    var training: [TrainingRow] = []

    static func query(person: UUID, cycle: ReviewCycle, viewer: UUID?, on db: any Database) async throws -> ReviewEvidence {
        var evidence = ReviewEvidence(from: cycle.evidenceFrom, to: cycle.closesOn)
        let checkIns = try await CheckIn.query(on: db).filter(\.$person.$id == person).filter(\.$heldOn >= evidence.from)
            .filter(\.$heldOn <= evidence.to).with(\.$observations).sort(\.$heldOn).all()
        let elements = try await Frameworks.latestElements(checkIns.flatMap { $0.observations.map(\.elementID) }, on: db)
        evidence.observations = try checkIns.flatMap { checkIn in
            try checkIn.observations.map { observation in
                Observation(heldOn: checkIn.heldOn, element: elements[observation.elementID].map { "\($0.row.code) \($0.row.title)" } ?? "",
                            example: observation.example, checkInID: try checkIn.requireID())
            }
        }
        evidence.objectives = try await Objective.query(on: db).filter(\.$person.$id == person).filter(\.$dueOn >= evidence.from)
            .sort(\.$dueOn).all().map { .init(id: try $0.requireID(), title: $0.title, outcome: $0.outcome, dueOn: $0.dueOn, status: $0.statusValue) }
        let named = try await FeedbackItem.query(on: db).filter(\.$subject.$id == person).filter(\.$authorID != nil)
            .filter(\.$givenOn >= evidence.from).sort(\.$givenOn).all()
        let authors = try await Person.query(on: db).filter(\.$id ~~ named.compactMap(\.authorID)).all()
        evidence.feedback = named.map { item in .init(text: item.text, from: authors.first { $0.id == item.authorID }?.displayName, on: item.givenOn) }
        if let viewer {
            let requests = try await FeedbackRequest.query(on: db).filter(\.$subject.$id == person).filter(\.$anonymous == true)
                .group(.or) { $0.filter(\.$subject.$id == viewer).filter(\.$requestedBy.$id == viewer) }.all()
            for request in requests {
                evidence.anonymousFeedback += (try await Feedbacks.anonymousAnswers(request, on: db) ?? []).map { .init(text: $0.text) }
            }
        }
        let peers = try await Assessment.query(on: db).filter(\.$person.$id == person).filter(\.$kind == Assessment.Kind.peer.rawValue)
            .filter(\.$submittedOn >= evidence.from).with(\.$assessor).sort(\.$submittedOn).all()
        evidence.peerAssessments = try peers.map { .init(id: try $0.requireID(), assessor: $0.assessor.displayName, submittedOn: $0.submittedOn ?? "") }
        evidence.training = try await Completion.query(on: db).filter(\.$person.$id == person).filter(\.$confirmed == true)
            .filter(\.$completedOn >= evidence.from).filter(\.$completedOn <= evidence.to).with(\.$course).sort(\.$completedOn).all()
            .map { .init(courseID: $0.$course.id, course: $0.course.title, completedOn: $0.completedOn, source: $0.sourceValue.label) }
        return evidence
    }
}
