import CapableCore
import Fluent
import Foundation

/// A round's results: for each candidate, each criterion's score from each panel member, the
/// average per criterion and the candidate's overall average. Only submitted sheets count, so a
/// panel member still scoring cannot move the averages under the panel's feet.
enum InterviewResults {
    struct Member: Encodable, Sendable {
        var id: UUID
        var name: String
        var chair: Bool
    }

    struct Row: Encodable, Sendable {
        var criterion: CriterionGroups.Criterion
        /// One per panel member, in `members` order: the score, or nil when not given or not submitted.
        var scores: [Int?]
        var average: Double?
    }

    struct Candidate: Encodable, Sendable {
        var id: UUID
        var reference: String
        var rows: [Row]
        /// Per panel member, in `members` order: whether their sheet is submitted.
        var submitted: [Bool]
        var overall: Double?
    }

    struct Model: Encodable, Sendable {
        var roundID: UUID
        var roundTitle: String
        var heldOn: String
        var roleID: UUID
        var roleTitle: String
        var members: [Member]
        var candidates: [Candidate]
    }

    static func query(roundID: UUID, on db: any Database) async throws -> Model {
        guard let round = try await InterviewRound.query(on: db).filter(\.$id == roundID).with(\.$jobRole).first() else {
            throw AppError.notFound
        }
        let members = try await Interviews.panel(of: roundID, on: db)
        let candidates = try await Interviews.candidates(of: roundID, on: db)
        let criteria = try await Interviews.criteria(of: roundID, on: db)
        let info = try await ElementLookup.info(criteria.compactMap(\.elementID), on: db)
        let grouped = CriterionGroups.group(criteria.compactMap(CriterionGroups.input), info: info)
        let shown = grouped.groups.flatMap(\.criteria) + grouped.experience
        let memberIDs = members.compactMap(\.id)
        let sheets = candidates.isEmpty ? [] : try await InterviewSheet.query(on: db)
            .filter(\.$candidate.$id ~~ candidates.compactMap(\.id)).filter(\.$submittedAt != nil).with(\.$scores).all()

        let results = candidates.compactMap { candidate -> Candidate? in
            guard let candidateID = candidate.id else { return nil }
            let mine = sheets.filter { $0.$candidate.id == candidateID }
            let bySheet = Dictionary(mine.map { ($0.$panelMember.id, $0) }, uniquingKeysWith: { first, _ in first })
            var scored: [InterviewScoring.CriterionScores] = []
            let rows = shown.map { criterion in
                let scores = memberIDs.map { member in
                    bySheet[member]?.scores.first { $0.$criterion.id == criterion.id }?.score
                }
                let entry = InterviewScoring.CriterionScores(
                    criterion: criterion.id,
                    scores: Dictionary(uniqueKeysWithValues: zip(memberIDs, scores).filter { bySheet[$0.0] != nil }))
                scored.append(entry)
                return Row(criterion: criterion, scores: scores, average: entry.average)
            }
            return Candidate(id: candidateID, reference: candidate.reference, rows: rows,
                             submitted: memberIDs.map { bySheet[$0] != nil }, overall: InterviewScoring.overall(scored))
        }
        return Model(roundID: roundID, roundTitle: round.title, heldOn: round.heldOn, roleID: round.$jobRole.id,
                     roleTitle: round.jobRole.title,
                     members: members.compactMap { member in member.id.map { Member(id: $0, name: member.account.displayName, chair: member.chair) } },
                     candidates: results)
    }
}
