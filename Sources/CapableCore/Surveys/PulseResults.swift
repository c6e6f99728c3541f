import Foundation

/// How pulse-survey answers are grouped so that no group under the minimum is ever shown, and
/// no shown figure can be subtracted from another to reveal one.
///
/// Each answer belongs to the unit its respondent was in. A unit with enough answers is a group
/// of its own; a unit with too few folds its answers into its parent unit, and so on up. Groups
/// never overlap (every answer is counted in exactly one shown group), so no difference between
/// two shown figures is a hidden group. Answers still too few at the top of the tree are not
/// shown at all, and then the whole-survey figure is withheld too, because it minus the shown
/// groups would give them away.
public enum PulseResults {
    public static let minimumGroup = 5

    /// One response: the respondent's unit (nil when they had none) and their 1–5 scores by
    /// question key.
    public struct Response: Sendable, Equatable {
        public var unitID: UUID?
        public var scores: [String: Int]

        public init(unitID: UUID?, scores: [String: Int]) {
            self.unitID = unitID
            self.scores = scores
        }
    }

    /// A shown group: a unit's own answers with those of small units folded into it.
    public struct Group: Sendable, Equatable {
        public var unitID: UUID
        /// Units below whose answers are counted here, nearest first.
        public var foldedIn: [UUID]
        public var respondents: Int
        public var summary: [String: QuestionSummary]
    }

    public struct QuestionSummary: Sendable, Equatable {
        /// How many chose 1, 2, 3, 4 and 5.
        public var counts: [Int]
        public var answered: Int { counts.reduce(0, +) }
        /// The mean score to one decimal place; nil when nobody answered.
        public var average: Double? {
            guard answered > 0 else { return nil }
            let total = counts.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
            return (Double(total) / Double(answered) * 10).rounded() / 10
        }
        /// The share who agreed (4 or 5), in whole percent.
        public var agreePercent: Int? {
            guard answered > 0 else { return nil }
            return Int((Double(counts[3] + counts[4]) * 100 / Double(answered)).rounded())
        }

        public init(counts: [Int] = [0, 0, 0, 0, 0]) { self.counts = counts }
    }

    public struct Outcome: Sendable, Equatable {
        public var respondents: Int
        /// Shown groups, largest first.
        public var groups: [Group]
        /// Every unit with answers that is not shown on its own, and the shown group its answers
        /// are in (nil when they are in no shown group).
        public var foldedInto: [UUID: UUID?]
        /// The whole survey; nil when too few answered or a hidden remainder would be revealed.
        public var overall: [String: QuestionSummary]?
        /// Answers in no shown group (too few at the top of the tree).
        public var unshown: Int
    }

    public static func group(_ responses: [Response], units: [AudienceUnit], minimum: Int = minimumGroup) -> Outcome {
        var parent: [UUID: UUID] = [:]
        for unit in units { if let p = unit.parentID { parent[unit.id] = p } }
        // Responses without a unit, or in a unit no longer known, sit above every tree.
        let known = Set(units.map(\.id))
        var pools: [UUID: [Int]] = [:]      // unit -> indices of responses pooled there
        var loose: [Int] = []
        for (index, response) in responses.enumerated() {
            if let unit = response.unitID, known.contains(unit) { pools[unit, default: []].append(index) } else { loose.append(index) }
        }
        func depth(_ unit: UUID) -> Int {
            var d = 0, cursor = unit
            while let p = parent[cursor], d < 256 { d += 1; cursor = p }
            return d
        }
        // Every unit with answers and every unit above one, deepest first, so a unit has received
        // everything folded up from below before it is judged.
        var involved = Set<UUID>()
        for unit in pools.keys {
            var cursor: UUID? = unit, steps = 0
            while let id = cursor, steps < 256, involved.insert(id).inserted { cursor = parent[id]; steps += 1 }
        }
        let order = involved.sorted { (depth($0), $0.uuidString) > (depth($1), $1.uuidString) }
        var shown: [UUID: [Int]] = [:]
        var foldedFrom: [UUID: [UUID]] = [:]
        var moves: [UUID: UUID] = [:]       // a folded unit -> the unit it folded into
        var leftovers: [UUID] = []
        for unit in order {
            let pool = pools[unit] ?? []
            guard !pool.isEmpty else { continue }
            if pool.count >= minimum {
                shown[unit] = pool
            } else if let up = parent[unit] {
                pools[up, default: []] += pool
                moves[unit] = up
                foldedFrom[up, default: []] += [unit] + (foldedFrom[unit] ?? [])
            } else {
                leftovers.append(unit)
                loose += pool
            }
        }
        var foldedInto: [UUID: UUID?] = [:]
        for unit in moves.keys {
            var cursor = unit
            while let next = moves[cursor] { cursor = next }
            foldedInto[unit] = shown[cursor] == nil ? UUID?.none : cursor
        }
        for unit in leftovers where shown[unit] == nil { foldedInto[unit] = UUID?.none }
        let groups = shown.map { unit, indices in
            Group(unitID: unit, foldedIn: foldedFrom[unit] ?? [], respondents: indices.count, summary: summarise(indices.map { responses[$0] }))
        }.sorted { ($0.respondents, $1.unitID.uuidString) > ($1.respondents, $0.unitID.uuidString) }
        // The loose answers form a group of their own only as part of the whole: shown with it
        // when there are none, or enough not to single anyone out.
        let unshown = loose.count
        let overall = responses.count >= minimum && (unshown == 0 || unshown >= minimum) ? summarise(responses) : nil
        return Outcome(respondents: responses.count, groups: groups, foldedInto: foldedInto, overall: overall, unshown: unshown)
    }

    public static func summarise(_ responses: [Response]) -> [String: QuestionSummary] {
        var result: [String: QuestionSummary] = [:]
        for response in responses {
            for (key, score) in response.scores where (1...5).contains(score) {
                result[key, default: QuestionSummary()].counts[score - 1] += 1
            }
        }
        return result
    }
}
